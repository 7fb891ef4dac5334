package health.cms.core.testing.hostile;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A request being made: starts as the endpoint's valid request, the strategies mutate it, and a
 * guard (for writes) makes sure it is refused. Path and query values are held percent-encoded, so a
 * mutation can put invalid escapes and raw bytes in them.
 */
public final class Draft {

    private static final ObjectMapper JSON = new ObjectMapper();

    public final Endpoint endpoint;
    final List<String> strategies = new ArrayList<>();
    public String method;
    /** The path template; a strategy may replace it with a whole hostile path. */
    public String path;
    public final Map<String, String> pathValues = new LinkedHashMap<>();
    /** Encoded name and value; a null value is a bare name without '='. */
    public final List<String[]> query = new ArrayList<>();
    public final List<Map.Entry<String, String>> headers = new ArrayList<>();
    /** The JSON body as a tree, rendered at the end; raw JSON snippets are stored as {@link RawJson}. */
    public Object json;
    /** Encoded form fields. */
    public List<String[]> form;
    /** A body given as bytes; wins over json and form. */
    public byte[] body;
    public boolean methodChanged;

    /** JSON text inserted as it is, for what a JSON library would not write (NaN, 1e999, bad escapes). */
    public record RawJson(String text) {
    }

    Draft(Endpoint endpoint) {
        this.endpoint = endpoint;
        this.method = endpoint.method;
        this.path = endpoint.path;
        endpoint.pathParams.forEach((name, p) -> pathValues.put(name, enc(p.valid())));
        for (Endpoint.Param p : endpoint.query) {
            if (p.required() || p.valid() != null) {
                query.add(new String[]{enc(p.name()), enc(p.valid())});
            }
        }
        headers.addAll(endpoint.headers);
        if (endpoint.contentType != null) {
            headers.add(Map.entry("Content-Type", endpoint.contentType));
        }
        if (endpoint.ifMatch != null) {
            headers.add(Map.entry("If-Match", endpoint.ifMatch));
        }
        if (endpoint.json != null) {
            json = deepCopy(endpoint.json);
        }
        if (endpoint.form != null) {
            form = new ArrayList<>();
            endpoint.form.forEach(f -> form.add(new String[]{enc(f.getKey()), enc(f.getValue())}));
        }
        if (endpoint.rawBody != null) {
            body = endpoint.rawBody.clone();
        }
    }

    public static String enc(String value) {
        return value == null ? null : URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    public void header(String name, String value) {
        removeHeader(name);
        headers.add(Map.entry(name, value));
    }

    public void removeHeader(String name) {
        headers.removeIf(h -> h.getKey().equalsIgnoreCase(name));
    }

    public String header(String name) {
        return headers.stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).findFirst()
                .orElse(null);
    }

    /** Sets an encoded query value, replacing any value of that name. */
    public void queryParam(String encodedName, String encodedValue) {
        query.removeIf(q -> q[0].equals(encodedName));
        query.add(new String[]{encodedName, encodedValue});
    }

    /** Sets a form field (encoded), replacing any field of that name. */
    public void formField(String encodedName, String encodedValue) {
        if (form == null) {
            form = new ArrayList<>();
        }
        form.removeIf(f -> f[0].equals(encodedName));
        form.add(new String[]{encodedName, encodedValue});
    }

    public void removeFormField(String encodedName) {
        if (form != null) {
            form.removeIf(f -> f[0].equals(encodedName));
        }
    }

    public boolean hasBody() {
        return body != null || json != null || form != null;
    }

    /**
     * Whether the mutations may have sent the request to another route than the endpoint's: a new
     * path, or a path value that is empty or holds dots or slashes ({@code /articles/} is where new
     * articles are posted, {@code /articles/..} is the dashboard). Such a request gets a guard that
     * holds on every route.
     */
    public boolean rerouted() {
        if (methodChanged || !path.equals(endpoint.path)) {
            return true;
        }
        for (String value : pathValues.values()) {
            String lower = value.toLowerCase(java.util.Locale.ROOT);
            if (value.isEmpty() || lower.contains(".") || lower.contains("/") || lower.contains("%2")
                    || lower.contains("%5c") || lower.contains(";")) {
                return true;
            }
        }
        return false;
    }

    public List<String> strategies() {
        return strategies;
    }

    public String target() {
        String p = path;
        for (Map.Entry<String, String> value : pathValues.entrySet()) {
            p = p.replace("{" + value.getKey() + "}", value.getValue());
        }
        if (query.isEmpty()) {
            return p;
        }
        StringJoiner q = new StringJoiner("&", p + (p.contains("?") ? "&" : "?"), "");
        for (String[] pair : query) {
            q.add(pair[1] == null ? pair[0] : pair[0] + "=" + pair[1]);
        }
        return q.toString();
    }

    HostileRequest build() {
        byte[] bytes = body;
        if (bytes == null && json != null) {
            bytes = render(json).getBytes(StandardCharsets.UTF_8);
        }
        if (bytes == null && form != null) {
            StringJoiner f = new StringJoiner("&");
            form.forEach(pair -> f.add(pair[1] == null ? pair[0] : pair[0] + "=" + pair[1]));
            bytes = f.toString().getBytes(StandardCharsets.ISO_8859_1);
        }
        return new HostileRequest(String.join("+", strategies), endpoint.toString(), method, target(),
                List.copyOf(headers), bytes);
    }

    /** JSON text of a tree that may hold raw snippets. */
    public static String render(Object tree) {
        List<String> raws = new ArrayList<>();
        Object marked = mark(tree, raws);
        try {
            String text = JSON.writeValueAsString(marked);
            for (int i = 0; i < raws.size(); i++) {
                text = text.replace("\"\\u0000raw" + i + "\"", raws.get(i));
            }
            return text;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object mark(Object tree, List<String> raws) {
        if (tree instanceof RawJson raw) {
            raws.add(raw.text());
            return "\u0000raw" + (raws.size() - 1);
        }
        if (tree instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(k, mark(v, raws)));
            return copy;
        }
        if (tree instanceof List<?> list) {
            return list.stream().map(v -> mark(v, raws)).toList();
        }
        return tree;
    }

    @SuppressWarnings("unchecked")
    static Object deepCopy(Object tree) {
        if (tree instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            ((Map<String, Object>) map).forEach((k, v) -> copy.put(k, deepCopy(v)));
            return copy;
        }
        if (tree instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(v -> copy.add(deepCopy(v)));
            return copy;
        }
        return tree;
    }
}
