package health.cms.admin.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.ObjectMapper;

import health.cms.admin.media.MediaImages;

/**
 * Plain HTTP to a running admin-ui's management API as one of the matrix's users: a bearer token per user
 * (asked for once), If-Match for versions, JSON and multipart bodies.
 */
final class ApiCalls {

    static final ObjectMapper JSON = new ObjectMapper();

    /** What a request sends: its Content-Type and bytes. */
    record Body(String type, byte[] bytes) {

        Body(String type, String text) {
            this(type, text.getBytes(StandardCharsets.UTF_8));
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;
    private final Function<String, String> tokens;
    private final Map<String, String> tokenCache = new HashMap<>();

    ApiCalls(URI base, Function<String, String> tokens) {
        this.base = base;
        this.tokens = tokens;
    }

    /** Sends a request as {@code user} ({@code anonymous}: without a token); version and body may be null. */
    HttpResponse<String> send(String method, String path, String user, Long version, Body body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
        if (!user.equals("anonymous")) {
            request.header("Authorization", "Bearer " + token(user));
        }
        if (version != null) {
            request.header("If-Match", "\"" + version + "\"");
        }
        if (body != null) {
            request.header("Content-Type", body.type());
        }
        request.method(method, body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body.bytes()));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A request that makes a fixture: any other status than {@code expected} stops the cell. */
    HttpResponse<String> call(String method, String path, String user, Long version, Body body, int expected)
            throws IOException, InterruptedException {
        HttpResponse<String> response = send(method, path, user, version, body);
        if (response.statusCode() != expected) {
            throw new IllegalStateException("fixture " + method + " " + path + " as " + user + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    static Body json(Object value) throws IOException {
        return new Body("application/json", JSON.writeValueAsString(value));
    }

    /** A multipart upload of a picture no one uploaded before, with its alt text. */
    static Body image() {
        String boundary = "matrix" + System.nanoTime();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"matrix.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(MediaImages.png(40, 30));
        out.writeBytes(("\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"altText\"\r\n\r\nMatrix image\r\n--"
                + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return new Body("multipart/form-data; boundary=" + boundary, out.toByteArray());
    }

    /** The version a response's ETag names. */
    static long version(HttpResponse<String> response) {
        return Long.parseLong(response.headers().firstValue("ETag").orElseThrow().replace("W/", "").replace("\"", ""));
    }

    private synchronized String token(String user) {
        return tokenCache.computeIfAbsent(user, tokens);
    }
}
