package health.cms.core.testing.hostile;

import static health.cms.core.testing.hostile.Strategies.pick;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/** Strategies that spoil the HTTP around the fields: the path, the method, the headers, the cursor. */
final class ProtocolStrategies {

    private ProtocolStrategies() {
    }

    static void pathTraversal(Draft d, RandomGenerator r) {
        if (!d.pathValues.isEmpty() && r.nextInt(3) > 0) {
            String name = pick(r, new ArrayList<>(d.pathValues.keySet()));
            d.pathValues.put(name, pick(r, BadValues.TRAVERSAL_VALUES));
        } else if (r.nextBoolean()) {
            d.path = d.path.replaceAll("/[^/]*$", "") + pick(r, BadValues.TRAVERSAL_PATHS);
        } else {
            d.path = pick(r, BadValues.TRAVERSAL_PATHS);
        }
    }

    static void forgedCursor(Draft d, RandomGenerator r) {
        d.queryParam("cursor", pick(r, BadValues.FORGED_CURSORS));
    }

    static void badIfMatch(Draft d, RandomGenerator r) {
        d.header("If-Match", pick(r, BadValues.BAD_IF_MATCH));
    }

    static void badHeaders(Draft d, RandomGenerator r) {
        switch (r.nextInt(9)) {
            case 0 -> d.header("Content-Type", pick(r, BadValues.BAD_CONTENT_TYPES));
            case 1 -> d.header("Accept", pick(r, BadValues.BAD_ACCEPTS));
            case 2 -> d.header("If-None-Match", pick(r, List.of("*", "\"abc\"", "garbage", "W/", ",", "\"\"",
                    "\"" + "a".repeat(3000) + "\"", "\"a\", *", "W/\"x\"")));
            case 3 ->
                d.header("X-Forwarded-For", pick(r, List.of("1.2.3.4, evil", "not-an-ip", "::1", "999.999.999.999",
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
            case 7 -> d.header("Content-Type",
                    pick(r, BadValues.BAD_CONTENT_TYPES) + "; charset=" + pick(r, List.of("utf-16",
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
}
