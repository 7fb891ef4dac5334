package health.cms.delivery.graphql;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import io.vertx.core.buffer.Buffer;

/**
 * Reads a GraphQL request, from GET parameters or a POST body, into the JSON object SmallRye executes; a
 * malformed one is null, which {@link GraphHttp} refuses with a problem.
 */
final class GraphInput {

    private GraphInput() {
    }

    /** The GET parameters as the JSON SmallRye executes; null when variables or the operation name are malformed. */
    static JsonObject fromParameters(String query, String variables, String operation) {
        JsonObjectBuilder input = Json.createObjectBuilder().add("query", query);
        if (operation != null && !operation.isBlank()) {
            input.add("operationName", operation);
        }
        if (variables != null && !variables.isBlank()) {
            try (JsonReader reader = Json.createReader(new StringReader(variables))) {
                input.add("variables", reader.readObject());
            } catch (RuntimeException e) {
                // not JSON, not an object, nested too deep, numbers too long: all refused alike
                return null;
            }
        }
        return input.build();
    }

    /** A POST body: an object whose variables, if any, are an object and operation name a string; else null. */
    static JsonObject fromBody(Buffer body) {
        try (JsonReader reader = Json.createReader(new StringReader(body.toString(StandardCharsets.UTF_8)))) {
            JsonObject input = reader.readObject();
            JsonValue variables = input.getOrDefault("variables", JsonValue.NULL);
            JsonValue operation = input.getOrDefault("operationName", JsonValue.NULL);
            boolean valid = (variables == JsonValue.NULL || variables.getValueType() == JsonValue.ValueType.OBJECT)
                    && (operation == JsonValue.NULL || operation.getValueType() == JsonValue.ValueType.STRING);
            return valid ? input : null;
        } catch (RuntimeException e) {
            // not JSON, not an object, nested too deep, numbers too long: all refused alike
            return null;
        }
    }

    /** The characters of the GET parameters together, which the size limit counts. */
    static int length(String... parameters) {
        int length = 0;
        for (String parameter : parameters) {
            length += parameter == null ? 0 : parameter.length();
        }
        return length;
    }
}
