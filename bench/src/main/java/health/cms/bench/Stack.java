package health.cms.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** HTTP access to a running local stack for the benchmarks: tokens and management API calls. */
final class Stack {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final String DESK = System.getenv().getOrDefault("CMS_DESK_URL", "http://localhost:8081");
    static final String API = System.getenv().getOrDefault("CMS_API_URL", "http://localhost:8080");
    static final String REALM = System.getenv().getOrDefault("CMS_OIDC_URL", "http://localhost:8180/realms/cms");

    private Stack() {
    }

    private static final Map<String, Token> TOKENS = new HashMap<>();

    private record Token(String value, long expiresAt) {
    }

    /**
     * A token from the local-only cms-cli client (password = user name for the demo users), reused while it
     * has a minute left: Keycloak's brute-force guard locks a user out for logging in again within a second,
     * which parallel approval chunks with a login each did.
     */
    static synchronized String token(String user) throws Exception {
        Token cached = TOKENS.get(user);
        if (cached != null && System.currentTimeMillis() < cached.expiresAt() - 60_000) {
            return cached.value();
        }
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(REALM + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=cms-cli&username=" + user
                        + "&password=" + user))
                .build(), HttpResponse.BodyHandlers.ofString());
        JsonNode answer = JSON.readTree(response.body());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("No token for " + user + ": " + response.statusCode() + " " + response.body());
        }
        Token token = new Token(answer.path("access_token").asText(),
                System.currentTimeMillis() + answer.path("expires_in").asLong() * 1000);
        TOKENS.put(user, token);
        return token.value();
    }

    static HttpResponse<String> send(String method, String path, String token, String ifMatch, Object body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(DESK + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Uploads JSON Lines and waits for the import to finish; returns the finished job. */
    /** Imports as {@code user}; a large import outlasts a token, so each poll asks token() (which renews it when due). */
    static JsonNode importLines(String user, String lines, boolean submit) throws Exception {
        HttpResponse<String> started = HTTP
                .send(HttpRequest.newBuilder(URI.create(DESK + "/manage/v1/imports?submit=" + submit))
                        .header("Authorization", "Bearer " + token(user)).header("Content-Type", "application/x-ndjson")
                        .POST(HttpRequest.BodyPublishers.ofString(lines)).build(), HttpResponse.BodyHandlers.ofString());
        if (started.statusCode() != 202) {
            throw new IllegalStateException("Import refused: " + started.statusCode() + " " + started.body());
        }
        URI location = URI.create(DESK).resolve(started.headers().firstValue("Location").orElseThrow());
        JsonNode job;
        do {
            Thread.sleep(500);
            job = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(location + "?results=false"))
                    .header("Authorization", "Bearer " + token(user)).build(), HttpResponse.BodyHandlers.ofString()).body());
            System.out.printf("\r  import: %d / %d", job.path("processed").asInt(), job.path("totalLines").asInt());
        } while (!job.path("state").asText().equals("finished"));
        System.out.println();
        return job;
    }
}
