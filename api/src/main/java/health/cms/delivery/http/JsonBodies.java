package health.cms.delivery.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Serialises views into cacheable JSON responses. */
@ApplicationScoped
public class JsonBodies {

    private final ObjectMapper json;

    JsonBodies(ObjectMapper json) {
        this.json = json;
    }

    public CachedResponse of(Object value, java.util.List<String> surrogateKeys) {
        return of(value, MediaType.APPLICATION_JSON, surrogateKeys);
    }

    public CachedResponse of(Object value, String contentType, java.util.List<String> surrogateKeys) {
        try {
            return CachedResponse.of(json.writeValueAsBytes(value), contentType, surrogateKeys);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Views are plain records and maps", e);
        }
    }
}
