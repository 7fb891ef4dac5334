package health.cms.core.testing.hostile;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** An answer as received: status, headers with lower-case names, body bytes. Status 0 means no answer. */
public record HostileResponse(int status, List<Map.Entry<String, String>> headers, byte[] body) {

    static HostileResponse noAnswer(String reason) {
        return new HostileResponse(0, List.of(), reason.getBytes(StandardCharsets.UTF_8));
    }

    public String header(String name) {
        return headers.stream().filter(h -> h.getKey().equals(name)).map(Map.Entry::getValue).findFirst().orElse(null);
    }

    /** The media type without parameters, lower case; empty when there is none. */
    public String mediaType() {
        String type = header("content-type");
        return type == null ? "" : type.split(";")[0].strip().toLowerCase(java.util.Locale.ROOT);
    }

    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    boolean closesConnection() {
        return "close".equalsIgnoreCase(header("connection"));
    }
}
