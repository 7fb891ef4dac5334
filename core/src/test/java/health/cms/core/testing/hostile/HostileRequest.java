package health.cms.core.testing.hostile;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * One generated request: the strategy that made it, the endpoint it was made from, and the exact
 * bytes to send. The target is the request line's target as ISO-8859-1 characters, one per byte.
 */
public record HostileRequest(String strategy, String endpoint, String method, String target,
        List<Map.Entry<String, String>> headers, byte[] body) {

    /** Whether the method may change state: such a request must always be refused. */
    public boolean unsafe() {
        return !(method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS"));
    }

    /** The path without the query string. */
    public String path() {
        int query = target.indexOf('?');
        return query < 0 ? target : target.substring(0, query);
    }

    /**
     * The path as the server routes it: {@code %2e} decoded and dot segments removed, as Vert.x
     * normalizes it, so that {@code /manage/v1/../../etc} counts as a request to {@code /etc}.
     */
    public String normalizedPath() {
        String input = path().replace("%2e", ".").replace("%2E", ".");
        java.util.Deque<String> output = new java.util.ArrayDeque<>();
        String[] segments = input.split("/", -1);
        for (int i = 1; i < segments.length; i++) {
            String segment = segments[i];
            if (segment.equals("..")) {
                if (!output.isEmpty()) {
                    output.removeLast();
                }
                if (i == segments.length - 1) {
                    output.addLast("");
                }
            } else if (segment.equals(".")) {
                if (i == segments.length - 1) {
                    output.addLast("");
                }
            } else {
                output.addLast(segment);
            }
        }
        return "/" + String.join("/", output);
    }

    public String header(String name) {
        return headers.stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).findFirst()
                .orElse(null);
    }

    /** A readable one-line description for failure reports: non-printable bytes escaped, long parts cut. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        text.append('[').append(strategy).append("] ").append(method).append(' ').append(cut(printable(target), 300));
        for (Map.Entry<String, String> header : headers) {
            String value = header.getKey().equalsIgnoreCase("Authorization") ? cut(header.getValue(), 40) : header.getValue();
            text.append(" | ").append(header.getKey()).append(": ").append(cut(printable(value), 120));
        }
        if (body != null) {
            text.append(" | body ").append(body.length).append(" bytes: ")
                    .append(cut(printable(new String(body, StandardCharsets.ISO_8859_1)), 300));
        }
        return text.toString();
    }

    static String printable(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c < 0x20 || c >= 0x7f) {
                out.append(String.format("\\x%02x", (int) c & 0xff));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "...(" + text.length() + " chars)";
    }
}
