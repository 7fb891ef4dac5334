package health.cms.core.testing.hostile;

import static health.cms.core.testing.hostile.Strategies.pick;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

import health.cms.core.testing.hostile.Draft.RawJson;

/**
 * The vocabulary of bad values the strategies draw from; values in the lists are already
 * percent-encoded where they go into a URL, so invalid escapes and raw bytes reach the server as written.
 */
final class BadValues {

    private BadValues() {
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

    static Object wrongJsonValue(Object current, RandomGenerator r) {
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

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }
}
