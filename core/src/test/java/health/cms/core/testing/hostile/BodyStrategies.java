package health.cms.core.testing.hostile;

import static health.cms.core.testing.hostile.Strategies.jsonBody;
import static health.cms.core.testing.hostile.Strategies.jsonObject;
import static health.cms.core.testing.hostile.Strategies.letters;
import static health.cms.core.testing.hostile.Strategies.pick;
import static health.cms.core.testing.hostile.Strategies.set;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

import health.cms.core.testing.hostile.Draft.RawJson;

/** Strategies that spoil the bytes: huge and deeply nested input, invalid UTF-8, malformed JSON bodies. */
final class BodyStrategies {

    private BodyStrategies() {
    }

    static void huge(Draft d, RandomGenerator r) {
        switch (r.nextInt(9)) {
            case 0 -> {
                // a long value that still fits the request line
                List<Endpoint.Param> params = d.endpoint.params();
                String value = letters(r, 2500 + r.nextInt(1000));
                if (params.isEmpty()) {
                    d.query.add(new String[]{"q", value});
                } else {
                    set(d, pick(r, params), value);
                }
            }
            case 1 -> {
                for (int i = 0; i < 300; i++) {
                    d.query.add(new String[]{"p" + i, String.valueOf(i)});
                }
            }
            case 2 -> d.header("X-" + letters(r, 8), letters(r, 6000));
            case 3 -> {
                for (int i = 0; i < 90; i++) {
                    d.headers.add(Map.entry("X-Many-" + i, letters(r, 40)));
                }
            }
            case 4 -> jsonBody(d, "{\"title\":\"" + letters(r, 1_500_000) + "\"}");
            case 5 -> {
                StringBuilder array = new StringBuilder("[");
                for (int i = 0; i < 150_000; i++) {
                    array.append(i == 0 ? "" : ",").append(i % 10);
                }
                jsonBody(d, array.append(']').toString());
            }
            case 6 -> jsonBody(d, "{\"limit\":" + "9".repeat(5000) + "}");
            case 7 -> {
                StringBuilder object = new StringBuilder("{");
                for (int i = 0; i < 40_000; i++) {
                    object.append(i == 0 ? "" : ",").append("\"f").append(i).append("\":").append(i);
                }
                jsonBody(d, object.append('}').toString());
            }
            default -> {
                if (d.json instanceof Map<?, ?> map && !map.isEmpty()) {
                    Map<String, Object> body = jsonObject(d);
                    String field = pick(r, new ArrayList<>(body.keySet()));
                    body.put(field, letters(r, 300_000));
                } else if (d.form != null && !d.form.isEmpty()) {
                    d.formField(pick(r, d.form)[0], letters(r, 300_000));
                } else {
                    d.body = letters(r, 2_000_000).getBytes(StandardCharsets.US_ASCII);
                }
            }
        }
    }

    static void deepJson(Draft d, RandomGenerator r) {
        int depth = pick(r, List.of(600, 1_200, 5_000, 20_000));
        boolean arrays = r.nextBoolean();
        String nested = (arrays ? "[" : "{\"a\":").repeat(depth) + "1" + (arrays ? "]" : "}").repeat(depth);
        if (d.json instanceof Map<?, ?> map && !map.isEmpty() && r.nextBoolean()) {
            Map<String, Object> body = jsonObject(d);
            body.put(pick(r, new ArrayList<>(body.keySet())), new RawJson(nested));
        } else if (!d.endpoint.hasBody() && !d.endpoint.params().isEmpty() && r.nextBoolean()) {
            // an endpoint without a body: the nesting goes where its input is, into a parameter
            String open = pick(r, List.of("%5B", "%7B%22a%22%3A", "(", "%28%21"));
            String close = open.startsWith("%5B") ? "%5D" : open.startsWith("%7B") ? "%7D" : "%29";
            int levels = 3_000 / (open.length() + close.length()); // within the request line's limit
            set(d, pick(r, d.endpoint.params()), open.repeat(levels) + "1" + close.repeat(levels));
        } else {
            jsonBody(d, nested);
        }
    }

    static void invalidUtf8(Draft d, RandomGenerator r) {
        String bad = pick(r, BadValues.INVALID_UTF8);
        switch (r.nextInt(5)) {
            case 0 -> {
                List<Endpoint.Param> params = d.endpoint.params();
                if (params.isEmpty()) {
                    d.path = d.path + "/" + bad;
                } else {
                    Endpoint.Param param = pick(r, params);
                    set(d, param, Draft.enc(param.valid()) + bad);
                }
            }
            case 1 -> d.query.add(new String[]{pick(r, List.of(bad, "q" + bad)), bad});
            case 2 -> {
                // raw bytes inside a JSON string or a form value
                byte[] raw = pick(r, BadValues.INVALID_UTF8_BYTES);
                if (d.form != null && !d.form.isEmpty()) {
                    d.formField(pick(r, d.form)[0], bad);
                } else {
                    String before = d.json != null ? Draft.render(d.json) : "{\"title\":\"x\"}";
                    int quote = before.indexOf("\":\"");
                    byte[] text = before.getBytes(StandardCharsets.UTF_8);
                    int at = quote < 0
                            ? text.length / 2
                            : before.substring(0, quote + 3).getBytes(StandardCharsets.UTF_8).length;
                    byte[] body = new byte[text.length + raw.length];
                    System.arraycopy(text, 0, body, 0, at);
                    System.arraycopy(raw, 0, body, at, raw.length);
                    System.arraycopy(text, at, body, at + raw.length, text.length - at);
                    d.json = null;
                    d.body = body;
                    if (d.header("Content-Type") == null) {
                        d.header("Content-Type", "application/json");
                    }
                }
            }
            case 3 -> d.header(pick(r, List.of("If-Match", "If-None-Match", "Accept-Language", "X-Forwarded-For",
                    "User-Agent", "Referer")),
                    new String(pick(r, BadValues.INVALID_UTF8_BYTES), StandardCharsets.ISO_8859_1));
            default -> {
                // JSON escapes of lone surrogates and a NUL, which decode but are not text PostgreSQL stores
                if (d.json instanceof Map<?, ?> map && !map.isEmpty()) {
                    Map<String, Object> body = jsonObject(d);
                    body.put(pick(r, new ArrayList<>(body.keySet())),
                            new RawJson(pick(r, List.of("\"\\ud800\"", "\"\\udfff\\ud800\"", "\"a\\u0000b\"",
                                    "\"\\uFFFF\"", "\"\\uDBFF\\uDFFF\""))));
                } else {
                    d.query.add(new String[]{"q", pick(r, List.of("%00", "a%00b", "%EF%BF%BF", "%ED%A0%80"))});
                }
            }
        }
    }

    static void malformedBody(Draft d, RandomGenerator r) {
        String valid = d.json != null ? Draft.render(d.json) : "{\"title\":\"x\",\"n\":1}";
        String body = switch (r.nextInt(13)) {
            case 0 -> valid.substring(0, valid.length() / 2);
            case 1 -> valid + "garbage";
            case 2 -> valid + valid;
            case 3 -> "\uFEFF" + valid;
            case 4 -> "{\"a\":NaN,\"b\":Infinity}";
            case 5 -> "{/* comment */ \"a\": 1}";
            case 6 -> "{\"title\":\"a\",\"title\":\"b\",\"title\":1}";
            case 7 -> "{'single': 'quotes'}";
            case 8 -> "{\"a\":\"raw\ncontrol\ttab\u0001\"}";
            case 9 -> "{\"a\": 1,}";
            case 10 -> "{\"\\x41\": \"\\q\"}";
            case 11 -> "[" + valid + "]";
            default -> "<?xml version=\"1.0\"?><article><title>x</title></article>";
        };
        jsonBody(d, body);
        if (r.nextInt(4) == 0) {
            d.header("Content-Type", pick(r, BadValues.BAD_CONTENT_TYPES));
        }
    }
}
