package health.cms.core.testing.hostile;

import static health.cms.core.testing.hostile.Strategies.jsonObject;
import static health.cms.core.testing.hostile.Strategies.pick;
import static health.cms.core.testing.hostile.Strategies.set;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/** Strategies that spoil the request's fields: a wrong type, a missing or an extra one, an injection. */
final class FieldStrategies {

    private FieldStrategies() {
    }

    static void wrongType(Draft d, RandomGenerator r) {
        List<Endpoint.Param> params = d.endpoint.params();
        boolean inBody = d.json instanceof Map<?, ?> map && !map.isEmpty();
        if (d.form != null && !d.form.isEmpty() && r.nextBoolean()) {
            String[] field = pick(r, d.form);
            d.formField(field[0], pick(r, pick(r,
                    List.of(BadValues.BAD_NUMBERS, BadValues.BAD_SLUGS, BadValues.BAD_TIMES, BadValues.BAD_FLAGS))));
            return;
        }
        if (inBody && (params.isEmpty() || r.nextBoolean())) {
            Map<String, Object> body = jsonObject(d);
            String field = pick(r, new ArrayList<>(body.keySet()));
            body.put(field, BadValues.wrongJsonValue(body.get(field), r));
            return;
        }
        if (params.isEmpty()) {
            extra(d, r);
            return;
        }
        Endpoint.Param param = pick(r, params);
        set(d, param, BadValues.badValue(param.kind(), r));
    }

    static void missing(Draft d, RandomGenerator r) {
        switch (r.nextInt(6)) {
            case 0 -> {
                if (!d.query.isEmpty()) {
                    d.query.remove(r.nextInt(d.query.size()));
                } else {
                    d.removeHeader("Content-Type");
                }
            }
            case 1 -> {
                if (d.json instanceof Map<?, ?> map && !map.isEmpty()) {
                    Map<String, Object> body = jsonObject(d);
                    body.remove(pick(r, new ArrayList<>(body.keySet())));
                } else if (d.form != null && !d.form.isEmpty()) {
                    d.form.remove(r.nextInt(d.form.size()));
                } else {
                    d.query.clear();
                }
            }
            case 2 -> {
                // an empty body, or none at all with the content type still announced
                d.json = null;
                d.form = null;
                d.body = r.nextBoolean() ? new byte[0] : null;
            }
            case 3 -> {
                d.json = null;
                d.form = null;
                d.body = pick(r, List.of("null", "{}", "[]", "\"\"", "0", "true")).getBytes(StandardCharsets.UTF_8);
                if (d.header("Content-Type") == null) {
                    d.header("Content-Type", "application/json");
                }
            }
            case 4 -> {
                if (!d.pathValues.isEmpty()) {
                    String name = pick(r, new ArrayList<>(d.pathValues.keySet()));
                    d.pathValues.put(name, "");
                } else {
                    d.removeHeader("Content-Type");
                }
            }
            default -> {
                d.removeHeader(pick(r, List.of("Content-Type", "If-Match", "Authorization", "Accept")));
                if (d.json instanceof Map<?, ?> map && !map.isEmpty()) {
                    Map<String, Object> body = jsonObject(d);
                    body.replaceAll((k, v) -> null);
                }
            }
        }
    }

    static void extra(Draft d, RandomGenerator r) {
        switch (r.nextInt(5)) {
            case 0 -> d.query.add(new String[]{pick(r, List.of("foo", "__proto__", "a%5Bb%5D", "%24where", "debug",
                    "format", "callback", "fields", "expand", "%00", "q%20q")), pick(r,
                            List.of("1", "true", "bar", "",
                                    "%7B%7D", "%3Cx%3E"))});
            case 1 -> {
                // the same parameter twice, with different values
                if (!d.query.isEmpty()) {
                    String[] first = d.query.get(r.nextInt(d.query.size()));
                    d.query.add(new String[]{first[0], pick(r, List.of("1", "2", "x", "", "0"))});
                } else {
                    d.query.add(new String[]{"limit", "1"});
                    d.query.add(new String[]{"limit", "2"});
                }
            }
            case 2 -> {
                if (d.json instanceof Map<?, ?>) {
                    Map<String, Object> body = jsonObject(d);
                    body.put(pick(r,
                            List.of("unknown", "__proto__", "constructor", "id", "version", "status", "live",
                                    "createdBy", "role", "admin", "$where", "")),
                            pick(r,
                                    List.of(1, true, "x", List.of(),
                                            Map.of("polluted", true))));
                } else if (d.form != null) {
                    d.formField(pick(r, List.of("unknown", "role", "status", "createdBy", "__proto__")), "x");
                } else {
                    d.header(
                            pick(r, List.of("X-Debug", "X-Http-Method-Override", "X-Original-URL", "X-Rewrite-URL")),
                            pick(r, List.of("1", "DELETE", "/admin", "true")));
                }
            }
            case 3 ->
                d.path = d.path + pick(r, List.of("/extra", "/", "//", "/.", "/%20", ";jsessionid=x", "/index.html",
                        "/0", ".json", "~", "/..."));
            default -> d.header(pick(r, List.of("X-Http-Method-Override", "X-Forwarded-Prefix", "X-Original-URL")),
                    pick(r, List.of("DELETE", "PUT", "/manage", "/q/dev")));
        }
    }

    static void injection(Draft d, RandomGenerator r) {
        String text = pick(r, BadValues.INJECTIONS);
        if (d.json instanceof Map<?, ?> map && !map.isEmpty() && r.nextBoolean()) {
            Map<String, Object> body = jsonObject(d);
            body.put(pick(r, new ArrayList<>(body.keySet())), text);
        } else if (d.form != null && !d.form.isEmpty() && r.nextBoolean()) {
            d.formField(pick(r, d.form)[0], Draft.enc(text));
        } else {
            List<Endpoint.Param> params = d.endpoint.params();
            if (params.isEmpty()) {
                d.query.add(new String[]{"q", Draft.enc(text)});
            } else {
                set(d, pick(r, params), Draft.enc(text));
            }
        }
    }
}
