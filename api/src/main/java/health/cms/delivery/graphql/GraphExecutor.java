package health.cms.delivery.graphql;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.graphql.execution.ExecutionResponse;
import io.smallrye.graphql.execution.ExecutionResponseWriter;
import io.smallrye.graphql.execution.ExecutionService;
import io.smallrye.graphql.execution.context.SmallRyeContextManager;
import io.vertx.ext.web.RoutingContext;

/**
 * Runs a parsed GraphQL request through SmallRye's execution service on a worker thread, as SmallRye's own
 * handler would, and says whether a shared cache may keep the answer (no errors, no preview).
 */
@ApplicationScoped
class GraphExecutor {

    /** An executed query: its answer, and whether a shared cache may keep it. */
    record Executed(byte[] body, boolean shared) {
    }

    private final CurrentVertxRequest currentRequest;
    private volatile ExecutionService execution;

    GraphExecutor(CurrentVertxRequest currentRequest) {
        this.currentRequest = currentRequest;
    }

    Executed execute(RoutingContext rc, JsonObject input) {
        ManagedContext requestContext = Arc.container().requestContext();
        requestContext.activate();
        try {
            currentRequest.setCurrent(rc);
            // What SmallRye's own handler hands the data fetchers: this worker thread may block, the request's
            // headers, and the request context to run them in.
            Map<String, Object> metadata = new HashMap<>();
            metadata.put("runBlocking", Boolean.TRUE);
            Map<String, List<String>> headers = new HashMap<>();
            rc.request().headers().names().forEach(name -> headers.put(name, rc.request().headers().getAll(name)));
            metadata.put("httpHeaders", headers);
            metadata.put("state", requestContext.getState());
            ExecutionResponse[] written = new ExecutionResponse[1];
            ExecutionResponseWriter writer = response -> written[0] = response;
            executionService().executeSync(input, metadata, writer);
            ExecutionResponse response = written[0];
            boolean errors = response.getExecutionResult().getErrors() != null
                    && !response.getExecutionResult().getErrors().isEmpty();
            boolean shared = !errors && rc.get(GraphHttp.PRIVATE) == null;
            JsonObject result = errors
                    ? withoutClassifications(response.getExecutionResultAsJsonObject())
                    : response.getExecutionResultAsJsonObject();
            return new Executed(result.toString().getBytes(StandardCharsets.UTF_8), shared);
        } finally {
            // SmallRye keeps the query's context in an inheritable thread local; this worker thread serves REST next.
            SmallRyeContextManager.clearCurrentSmallRyeContext();
            requestContext.terminate();
        }
    }

    /**
     * The result with each error's {@code classification} left out: SmallRye adds it to some errors whatever the
     * configuration says, and it names Java exception classes ({@code DataFetchingException}).
     */
    private static JsonObject withoutClassifications(JsonObject result) {
        JsonArrayBuilder errors = Json.createArrayBuilder();
        for (JsonValue error : result.getJsonArray("errors")) {
            JsonObject object = error.asJsonObject();
            if (object.get("extensions") instanceof JsonObject extensions) {
                JsonObject kept = Json.createObjectBuilder(extensions).remove("classification").build();
                object = kept.isEmpty()
                        ? Json.createObjectBuilder(object).remove("extensions").build()
                        : Json.createObjectBuilder(object).add("extensions", kept).build();
            }
            errors.add(object);
        }
        return Json.createObjectBuilder(result).add("errors", errors).build();
    }

    private ExecutionService executionService() {
        ExecutionService service = execution;
        if (service == null) {
            service = Arc.container().instance(ExecutionService.class).get();
            execution = service;
        }
        return service;
    }
}
