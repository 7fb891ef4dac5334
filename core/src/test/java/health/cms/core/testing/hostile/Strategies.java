package health.cms.core.testing.hostile;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

import health.cms.core.testing.hostile.Draft.RawJson;

/**
 * The mutation strategies and their vocabulary of bad values. Each strategy turns a valid request
 * into a malformed one in one particular way; values in the lists are already percent-encoded where
 * they go into a URL, so invalid escapes and raw bytes reach the server as written.
 */
public final class Strategies {

    /** One way of spoiling a request. */
    public interface Strategy {

        String name();

        void apply(Draft draft, RandomGenerator random);
    }

    private Strategies() {
    }

    static final List<String> BAD_NUMBERS = List.of("abc", "1.5", "-1", "0", "1e3", "99999999999999999999", "0x1F",
            "%20", "NaN", "Infinity", "-Infinity", "true", "null", "%5B%5D", "%7B%7D", "", "%2B1", "1%2C2",
            "%EF%BC%91", "9223372036854775808", "-9223372036854775809", "2147483648", "-2147483649", "1%00", "0001",
            "1_000", "%E2%80%8B1", "%D9%A1");
    static final List<String> BAD_SLUGS = List.of("UPPER", "with%20space", "a--b", "-lead", "trail-", "%C3%A9t%C3%A9",
            "a.b", "a_b", "%20", "x%00y", "%F0%9F%92%8A", "a%2Fb", "a%5Cb", "%3Cscript%3E", "%27%20OR%20%271%27%3D%271",
            "a%0D%0ASet-Cookie:%20x=1", "%E2%80%AEevil", "null", "undefined", "%2A", "%25");
    static final List<String> BAD_TIMES = List.of("yesterday", "2026-13-45T25:61:61Z", "2026-01-01", "1700000000",
            "%2B999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "%2B10000-01-01T00:00:00Z",
            "%2B294277-01-01T00:00:00Z", "-4714-11-24T00:00:00Z", "0000-01-01T00:00:00Z",
            "2026-01-01T00:00:00%2B25:00", "2026-01-01T00:00:00.1234567891Z", "2026-02-30T00:00:00Z", "T", "Z",
            "2026-01-01T00:00", "2026-01-01T00:00:00%2B01:00", "%2B1000000000-12-31T23:59:59Z");
    static final List<String> BAD_CHOICES = List.of("DRAFT", "published%00", "unknown", "", "draft,published", "%2A",
            "draft%20", "medical_review", "Published", "%C3%B6", "0", "-1");
    static final List<String> BAD_FLAGS = List.of("maybe", "1", "yes", "TRUE ", "", "on", "%00", "tru", "2");
    static final List<String> BAD_USERS = List.of("", "%00", "a%20b", "%F0%9F%92%8A", "x".repeat(300), "..%2F..",
            "%3Cb%3E", "-", "@", "a%2Cb");

    /** Percent-encoded byte sequences that are not UTF-8: stray continuation bytes, overlongs, surrogates. */
    static final List<String> INVALID_UTF8 = List.of("%C3%28", "%A0%A1", "%E2%28%A1", "%E2%82%28", "%F0%28%8C%BC",
            "%F8%A1%A1%A1%A1", "%FC%A1%A1%A1%A1%A1", "%FF", "%FE%FF", "%C0%AF", "%E0%80%AF", "%ED%A0%80", "%ED%BF%BF",
            "%F4%90%80%80", "%C0%80", "%80", "%BF", "%C2", "%E0%A4", "%F0%9F%92");
    /** The same sequences as raw bytes, for bodies and headers. */
    static final List<byte[]> INVALID_UTF8_BYTES = List.of(bytes(0xC3, 0x28), bytes(0xA0, 0xA1), bytes(0xE2, 0x28, 0xA1),
            bytes(0xF0, 0x28, 0x8C, 0xBC), bytes(0xFF), bytes(0xFE, 0xFF), bytes(0xC0, 0xAF), bytes(0xED, 0xA0, 0x80),
            bytes(0xF4, 0x90, 0x80, 0x80), bytes(0xC0, 0x80), bytes(0x80), bytes(0xC2));

    static final List<String> TRAVERSAL_VALUES = List.of("..", "..%2F..", "..%2F..%2F..%2Fetc%2Fpasswd",
            "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "%252e%252e%252f", "..%5C..%5Cwindows%5Cwin.ini", "....%2F%2F....%2F%2F",
            "..%3B%2F", "%c0%ae%c0%ae%2f", "%2e%2e", ".", "%2e", "..%00", "%2F%2F", "~root", "..%252f..%252fetc");
    static final List<String> TRAVERSAL_PATHS = List.of("/../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd",
            "/..%2f..%2fetc%2fpasswd", "/.env", "/.git/config", "/WEB-INF/web.xml", "/META-INF/MANIFEST.MF",
            "/application.properties", "/META-INF/resources/../application.properties", "/%2e%2e/application.properties",
            "/q/../application.properties", "//etc/passwd", "/%00", "/..;/..;/etc/passwd", "/static/..%252f..%252fetc");

    static final List<String> BAD_IF_MATCH = List.of("", " ", "*", "W/\"987654321\"", "\"\"", "\"abc\"", "abc",
            "\"987654321\"", "\"-1\"", "\"99999999999999999999\"", "\"987654321\", \"987654322\"", "\"987654321",
            "987654321\"", "W/", "\"0x10\"", "\"1.0\"", "\"\u00ef\u00bc\u0091\"", "\"9223372036854775807\"",
            "\"-9223372036854775808\"", "\"\u00ff\u00fe\"", "\"" + "9".repeat(4000) + "\"", "\"1e3\"", "null",
            "\"NaN\"", "W/\"\"");

    static final List<String> INJECTIONS = List.of("' OR '1'='1", "'; DROP TABLE article; --", "\" OR \"\"=\"",
            "1; SELECT pg_sleep(10)", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "javascript:alert(1)",
            "${7*7}", "{{7*7}}", "#{7*7}", "%s%s%s%n", "\\u0000", "!!!", "&|", ":*", "a & (b | !c", "''''", "\\",
            "\u202Eevil", "\uD83D\uDC8A pill", "NULL", "*", "%", "_", "[", "(", ")", "<->", "\"unterminated",
            "a\u0000b", "\r\nX-Injected: 1", "../../etc/passwd", "`id`", "$(id)", "|id", "{\"$gt\":\"\"}");

    /** Cursors this API never handed out, base64url-encoded as the real ones are. */
    static final List<String> FORGED_CURSORS = List.of(b64("v1|1.5|3"), b64("v1|abc|1"), b64("v1|-|1"),
            b64("v1|1e999|1"), b64("v1|99999999999999999999|1"), b64("v1|1|99999999999999999999"), b64("v1|1|-1"),
            b64("v1|1|1|1"), b64("v2|1|1"), b64("v1||1"), b64("v1|1|"), b64("v1|...|1"), b64("v1|e|1"),
            b64("v1|--1|1"), b64("v1|1e-999|1"), b64("v1|.|1"), b64("v1|-.e|1"), b64("v1|0.06079271|1"),
            b64("v1|9223372036854775807|9223372036854775807"), b64("v1|-9223372036854775808|1"),
            b64("v1|-9223372036854775|1"), b64("v1|1E5|1"), b64("v1|1.0e10|0"), b64("v1|1|1.5"), b64("v1|1|%00"),
            b64("v1|1|\u0000"), b64(""), b64("|||"), b64("v1"), "!!!", "%FF%FE", "====", "djF8MXwx==", "djF8MXwx%2B%2F",
            "null", "undefined", "%00", "a".repeat(200), "a".repeat(201), b64("v1|" + "9".repeat(40) + "|1"),
            b64("v1|1|1") + "%20", "%20" + b64("v1|1|1"));

    static final List<String> BAD_CONTENT_TYPES = List.of("application/json; charset=utf-16", "application/json; charset=foo",
            "text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data",
            "multipart/form-data; boundary=", "*/*", "application/", "garbage", ";;;", "application/problem+json",
            "application/json; boundary=x", "text/html; charset=\u00ff", "application/x-ndjson", "application/octet-stream",
            "application/json;;q=x", "image/png");
    static final List<String> BAD_ACCEPTS = List.of("application/xml", "text/html", "image/png", "*/*;q=abc",
            "application/json;q=2", "text/*;q=0", ";;", "application/problem+json", "application/json;q=0",
            "*/*;q=0", "application/*", "garbage/", "\u00ff/\u00fe");

    static final List<Strategy> ALL = List.of(
            strategy("wrong-type", Strategies::wrongType),
            strategy("missing", Strategies::missing),
            strategy("extra", Strategies::extra),
            strategy("huge", Strategies::huge),
            strategy("deep-json", Strategies::deepJson),
            strategy("invalid-utf8", Strategies::invalidUtf8),
            strategy("path-traversal", Strategies::pathTraversal),
            strategy("forged-cursor", Strategies::forgedCursor),
            strategy("bad-if-match", Strategies::badIfMatch),
            strategy("bad-headers", Strategies::badHeaders),
            strategy("wrong-method", Strategies::wrongMethod),
            strategy("injection", Strategies::injection),
            strategy("malformed-body", Strategies::malformedBody));

    public static List<Strategy> all() {
        return ALL;
    }

    private static Strategy strategy(String name, java.util.function.BiConsumer<Draft, RandomGenerator> apply) {
        return new Strategy() {

            @Override
            public String name() {
                return name;
            }

            @Override
            public void apply(Draft draft, RandomGenerator random) {
                apply.accept(draft, random);
            }
        };
    }

    // --- strategies ---

    static void wrongType(Draft d, RandomGenerator r) {
        List<Endpoint.Param> params = d.endpoint.params();
        boolean inBody = d.json instanceof Map<?, ?> map && !map.isEmpty();
        if (d.form != null && !d.form.isEmpty() && r.nextBoolean()) {
            String[] field = pick(r, d.form);
            d.formField(field[0], pick(r, pick(r, List.of(BAD_NUMBERS, BAD_SLUGS, BAD_TIMES, BAD_FLAGS))));
            return;
        }
        if (inBody && (params.isEmpty() || r.nextBoolean())) {
            Map<String, Object> body = jsonObject(d);
            String field = pick(r, new ArrayList<>(body.keySet()));
            body.put(field, wrongJsonValue(body.get(field), r));
            return;
        }
        if (params.isEmpty()) {
            extra(d, r);
            return;
        }
        Endpoint.Param param = pick(r, params);
        set(d, param, badValue(param.kind(), r));
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
                    body.put(pick(r, List.of("unknown", "__proto__", "constructor", "id", "version", "status", "live",
                            "createdBy", "role", "admin", "$where", "")), pick(r,
                                    List.of(1, true, "x", List.of(),
                                            Map.of("polluted", true))));
                } else if (d.form != null) {
                    d.formField(pick(r, List.of("unknown", "role", "status", "createdBy", "__proto__")), "x");
                } else {
                    d.header(pick(r, List.of("X-Debug", "X-Http-Method-Override", "X-Original-URL", "X-Rewrite-URL")),
                            pick(r, List.of("1", "DELETE", "/admin", "true")));
                }
            }
            case 3 -> d.path = d.path + pick(r, List.of("/extra", "/", "//", "/.", "/%20", ";jsessionid=x", "/index.html",
                    "/0", ".json", "~", "/..."));
            default -> d.header(pick(r, List.of("X-Http-Method-Override", "X-Forwarded-Prefix", "X-Original-URL")),
                    pick(r, List.of("DELETE", "PUT", "/manage", "/q/dev")));
        }
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
        String bad = pick(r, INVALID_UTF8);
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
                byte[] raw = pick(r, INVALID_UTF8_BYTES);
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
                    "User-Agent", "Referer")), new String(pick(r, INVALID_UTF8_BYTES), StandardCharsets.ISO_8859_1));
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

    static void pathTraversal(Draft d, RandomGenerator r) {
        if (!d.pathValues.isEmpty() && r.nextInt(3) > 0) {
            String name = pick(r, new ArrayList<>(d.pathValues.keySet()));
            d.pathValues.put(name, pick(r, TRAVERSAL_VALUES));
        } else if (r.nextBoolean()) {
            d.path = d.path.replaceAll("/[^/]*$", "") + pick(r, TRAVERSAL_PATHS);
        } else {
            d.path = pick(r, TRAVERSAL_PATHS);
        }
    }

    static void forgedCursor(Draft d, RandomGenerator r) {
        d.queryParam("cursor", pick(r, FORGED_CURSORS));
    }

    static void badIfMatch(Draft d, RandomGenerator r) {
        d.header("If-Match", pick(r, BAD_IF_MATCH));
    }

    static void badHeaders(Draft d, RandomGenerator r) {
        switch (r.nextInt(9)) {
            case 0 -> d.header("Content-Type", pick(r, BAD_CONTENT_TYPES));
            case 1 -> d.header("Accept", pick(r, BAD_ACCEPTS));
            case 2 -> d.header("If-None-Match", pick(r, List.of("*", "\"abc\"", "garbage", "W/", ",", "\"\"",
                    "\"" + "a".repeat(3000) + "\"", "\"a\", *", "W/\"x\"")));
            case 3 -> d.header("X-Forwarded-For", pick(r, List.of("1.2.3.4, evil", "not-an-ip", "::1", "999.999.999.999",
                    "127.0.0.1", "10.0.0.1, 10.0.0.2, 10.0.0.3", ", , ,", "1.2.3.4".repeat(200), "[::1]:80", "unknown")));
            case 4 -> d.header("Authorization", pick(r, List.of("Bearer garbage", "Basic !!!", "Bearer ",
                    "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiJ9.", "Negotiate xyz", "Bearer " + "a".repeat(5000),
                    "Digest username=\"x\"", "bearer a.b.c")));
            case 5 -> d.header("Cookie", pick(r, List.of("q_session=garbage", "csrf-token=abc", "=;=;=",
                    "q_session=" + "a".repeat(3000), "JSESSIONID=1; q_session_chunk_1=x")));
            case 6 -> d.header(pick(r, List.of("Accept-Encoding", "Accept-Charset", "Accept-Language", "Range",
                    "If-Modified-Since", "If-Unmodified-Since", "Origin", "Forwarded", "X-Forwarded-Host",
                    "X-Forwarded-Proto", "Content-Encoding", "Content-Language", "TE")),
                    pick(r, List.of("gzip;q=abc", "identity;q=0", "utf-32", "bytes=abc", "bytes=0-0", "yesterday",
                            "https://evil.example", "for=\"[::1]\";proto=https", "evil.example", "gzip", "trailers",
                            "*;q=0", "0", "")));
            case 7 -> d.header("Content-Type", pick(r, BAD_CONTENT_TYPES) + "; charset=" + pick(r, List.of("utf-16",
                    "latin1", "x", "")));
            default -> d.header("Expect", "100-continue");
        }
    }

    static void wrongMethod(Draft d, RandomGenerator r) {
        String method = pick(r, List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "PROPFIND",
                "FOO", "get", "HEAD", "MKCOL"));
        d.methodChanged = !method.equals(d.method);
        d.method = method;
    }

    static void injection(Draft d, RandomGenerator r) {
        String text = pick(r, INJECTIONS);
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
            d.header("Content-Type", pick(r, BAD_CONTENT_TYPES));
        }
    }

    // --- helpers ---

    @SuppressWarnings("unchecked")
    private static Map<String, Object> jsonObject(Draft d) {
        return (Map<String, Object>) d.json;
    }

    private static void jsonBody(Draft d, String text) {
        d.json = null;
        d.form = null;
        d.body = text.getBytes(StandardCharsets.UTF_8);
        if (d.header("Content-Type") == null) {
            d.header("Content-Type", "application/json");
        }
    }

    private static void set(Draft d, Endpoint.Param param, String encodedValue) {
        if (d.pathValues.containsKey(param.name())) {
            d.pathValues.put(param.name(), encodedValue);
        } else {
            d.queryParam(Draft.enc(param.name()), encodedValue);
        }
    }

    static String badValue(Endpoint.Kind kind, RandomGenerator r) {
        return switch (kind) {
            case ID, NUMBER -> pick(r, BAD_NUMBERS);
            case SLUG -> pick(r, BAD_SLUGS);
            case TIME, DATETIME_LOCAL -> pick(r, BAD_TIMES);
            case CHOICE -> pick(r, BAD_CHOICES);
            case FLAG -> pick(r, BAD_FLAGS);
            case CURSOR -> pick(r, FORGED_CURSORS);
            case USER -> pick(r, BAD_USERS);
            case TEXT -> pick(r, List.of("", "%20", "%00", pick(r, INVALID_UTF8), "%5B%5D", "a%26b%3Dc"));
        };
    }

    private static Object wrongJsonValue(Object current, RandomGenerator r) {
        List<Object> candidates = new ArrayList<>(List.of(42, -1, 3.14, true, false, "text", "", List.of(), List.of(1, 2),
                Map.of("a", 1), new LinkedHashMap<>(), new RawJson("1e309"), new RawJson("-0"),
                new RawJson("123456789012345678901234567890"), new RawJson("0.000000000000000000000000000001"),
                "2026-13-45T25:61:61Z", "987654321"));
        candidates.add(null);
        candidates.removeIf(c -> c != null && current != null && c.getClass() == current.getClass()
                && !(c instanceof RawJson));
        return pick(r, candidates);
    }

    static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static String letters(RandomGenerator r, int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = (char) ('a' + r.nextInt(26));
        }
        return new String(chars);
    }

    static <T> T pick(RandomGenerator r, List<T> values) {
        return values.get(r.nextInt(values.size()));
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }
}
