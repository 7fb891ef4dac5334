package health.cms.admin.security;

import static health.cms.admin.security.ApiCalls.image;
import static health.cms.admin.security.ApiCalls.json;
import static health.cms.admin.security.ApiCalls.version;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import health.cms.admin.security.ApiCalls.Body;

/**
 * Runs {@link AccessMatrix#MANAGEMENT_API} over plain HTTP against a running admin-ui, making each
 * cell's fixture through the API itself. It needs nothing but a base URL and a bearer token per user,
 * so the same run works against the test app (WireMock-signed tokens) and the local stack (tokens
 * from the real Keycloak).
 */
public final class ManagementApiMatrix {

    /** The catalog entries every article of the run refers to; they must exist on the target. */
    public record Site(String category, String author, String tag) {
    }

    private static final ObjectMapper JSON = ApiCalls.JSON;
    private static final AtomicInteger SERIAL = new AtomicInteger();

    private final ApiCalls api;
    private final Site site;
    /** Nothing listens there, so a test event fails at once; the stacks under test allow private targets. */
    static final String WEBHOOK_TARGET = "http://127.0.0.1:9/hook";

    /** Distinguishes the slugs of this run from those of earlier runs against the same database. */
    private final String run = Long.toString(System.nanoTime() % 1_000_000_000L, 36);

    /**
     * @param base the admin-ui's address, such as {@code http://localhost:8081}
     * @param tokens an access token for a user name (writer1, reviewer1...; called once per user)
     */
    public ManagementApiMatrix(URI base, Function<String, String> tokens, Site site) {
        this.api = new ApiCalls(base, tokens);
        this.site = site;
    }

    /** What one user's column found: the number of cells checked and every cell that did not match. */
    public record Outcome(String user, int checked, List<String> mismatches) {
    }

    /** Sends every request of the table as this user; each cell gets its own fixture. */
    public Outcome runColumn(String user) {
        List<String> mismatches = new ArrayList<>();
        int checked = 0;
        for (MatrixTable.Row row : AccessMatrix.managementApi()) {
            checked++;
            int expected = row.expected().get(user);
            try {
                HttpResponse<String> response = send(row, user);
                String problem = problemWithAnswer(response, expected);
                if (problem != null) {
                    mismatches.add(String.format("%s as %s: %s", row, user, problem));
                }
            } catch (IOException | RuntimeException e) {
                mismatches.add(String.format("%s as %s: could not run: %s", row, user, e));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return new Outcome(user, checked, mismatches);
    }

    private static String problemWithAnswer(HttpResponse<String> response, int expected) {
        int status = response.statusCode();
        if (status != expected) {
            return "expected " + expected + ", got " + status + " " + abbreviate(response.body());
        }
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (status >= 400 && status != 401 && !type.startsWith("application/problem+json")) {
            return status + " without a problem+json body (Content-Type " + type + ")";
        }
        return null;
    }

    private HttpResponse<String> send(MatrixTable.Row row, String user) throws IOException, InterruptedException {
        String placeholder = row.placeholder();
        Target target = placeholder == null ? null : fixture(placeholder);
        String path = target == null ? row.path() : row.pathFor(target.key());
        boolean versioned = row.method().equals("PUT") || row.method().equals("POST");
        return api.send(row.method(), path, user, versioned && target != null ? target.version() : null,
                body(row.body(), target));
    }

    /** A record made for one cell: its id or slug, and its version for If-Match (null when it has none). */
    private record Target(String key, Long version, Instant createdAt) {
    }

    private Body body(String name, Target target) throws IOException, InterruptedException {
        return switch (name) {
            case "-" -> null;
            case "article" -> json(article(target == null ? slug("article") : null));
            case "slug" -> json(Map.of("slug", slug("renamed")));
            case "assignee" -> json(Map.of("reviewer", "reviewer1"));
            case "submit", "withdraw", "approve", "cancel-schedule", "unpublish", "recertify" -> json(Map.of("action", name));
            case "request-changes" -> json(Map.of("action", name, "comment", "Please cite the current guideline."));
            case "comment" -> json(Map.of("quote", Map.of("exact", "Take 5 mg once a day"), "text", "Which guideline?"));
            case "reply" -> json(Map.of("text", "The 2024 one."));
            case "approvals" -> {
                Target submitted = fixture("submitted");
                yield json(Map.of("articles", List.of(Map.of("id", Long.parseLong(submitted.key()), "version",
                        submitted.version())), "comment", "Checked in one go."));
            }
            case "category" -> json(Map.of("slug", slug("category"), "name", "Matrix category", "reviewIntervalMonths", 12));
            case "tag" -> json(Map.of("slug", slug("tag"), "name", "Matrix tag"));
            case "profile" -> json(Map.of("slug", slug("profile"), "displayName", "Matrix Author", "author", true));
            case "jsonl" -> new Body("application/x-ndjson", JSON.writeValueAsString(article(slug("imported"))) + "\n");
            case "webhook" -> json(Map.of("url", WEBHOOK_TARGET, "eventTypes", List.of("article.published")));
            case "vocabulary" -> json(Map.of("terms", slug("lay") + ", " + slug("clinical")));
            case "apikey" -> json(Map.of("name", "Matrix key", "scope", "delivery"));
            case "translation" -> json(Map.of("locale", "de", "slug", slug("translation"), "title", "Matrix-Übersetzung"));
            case "image" -> image();
            case "media" -> json(Map.of("altText", "Matrix alt text", "caption", "Matrix caption", "tags", List.of("matrix")));
            default -> throw new IllegalArgumentException("no body called " + name);
        };
    }

    private Map<String, Object> article(String slug) {
        Map<String, Object> article = new LinkedHashMap<>();
        if (slug != null) {
            article.put("slug", slug);
        }
        article.put("title", "Access matrix article");
        article.put("summary", "A lead.");
        article.put("body", "## Dosage\n\nTake 5 mg once a day.");
        article.put("category", site.category());
        article.put("authors", List.of(site.author()));
        article.put("tags", List.of(site.tag()));
        article.put("references", List.of(Map.of("citation", "Doe J. A trial. NEJM. 2021;1:1.")));
        article.put("changeNote", "Matrix");
        return article;
    }

    private Target fixture(String name) throws IOException, InterruptedException {
        return switch (name) {
            case "draft" -> draft("writer1");
            case "submitted" -> transition(draft("writer1"), "writer1", Map.of("action", "submit"));
            case "own" -> transition(draft("reviewer2"), "reviewer2", Map.of("action", "submit"));
            case "published" -> transition(fixture("submitted"), "reviewer1", Map.of("action", "approve"));
            case "scheduled" -> {
                Target submitted = fixture("submitted");
                yield transition(submitted, "reviewer1",
                        Map.of("action", "approve", "publishAt", submitted.createdAt().plus(Duration.ofDays(1)).toString()));
            }
            case "thread" -> {
                Target article = fixture("submitted");
                HttpResponse<String> created = api.call("POST", "/manage/v1/articles/" + article.key() + "/comments",
                        "editor1", null, body("comment", null), 201);
                yield new Target(article.key() + "/comments/" + JSON.readTree(created.body()).path("id").asLong(), null,
                        null);
            }
            case "notification" -> {
                // reviewer1 asks writer1 for changes: writer1 is told
                Target submitted = fixture("submitted");
                transition(submitted, "reviewer1", Map.of("action", "request-changes", "comment", "Cite it."));
                HttpResponse<String> listed = api.send("GET", "/manage/v1/notifications", "writer1", null, null);
                for (JsonNode item : JSON.readTree(listed.body())) {
                    if (item.path("articleId").asText().equals(submitted.key())) {
                        yield new Target(item.path("id").asText(), null, null);
                    }
                }
                throw new IllegalStateException("writer1 was not notified of the requested changes: " + listed.body());
            }
            case "category" -> catalog("/manage/v1/categories", body("category", null));
            case "tag" -> catalog("/manage/v1/tags", body("tag", null));
            case "profile" -> catalog("/manage/v1/authors", body("profile", null));
            case "import" -> {
                HttpResponse<String> started = api.call("POST", "/manage/v1/imports", "writer1", null, body("jsonl", null),
                        202);
                yield new Target(Long.toString(JSON.readTree(started.body()).path("id").asLong()), null, null);
            }
            case "webhook" -> {
                HttpResponse<String> created = api.call("POST", "/manage/v1/webhooks", "editor1", null, body("webhook", null),
                        201);
                JsonNode subscription = JSON.readTree(created.body()).path("subscription");
                yield new Target(Long.toString(subscription.path("id").asLong()), subscription.path("version").asLong(), null);
            }
            case "delivery" -> {
                HttpResponse<String> sent = api.call("POST", "/manage/v1/webhooks/" + fixture("webhook").key() + "/test",
                        "editor1", null, json(Map.of()), 200);
                yield new Target(Long.toString(JSON.readTree(sent.body()).path("id").asLong()), null, null);
            }
            case "apikey" -> {
                HttpResponse<String> created = api.call("POST", "/manage/v1/api-keys", "editor1", null, body("apikey", null),
                        201);
                JsonNode key = JSON.readTree(created.body()).path("apiKey");
                yield new Target(Long.toString(key.path("id").asLong()), key.path("version").asLong(), null);
            }
            case "sharelink" -> {
                HttpResponse<String> created = api.call("POST",
                        "/manage/v1/articles/" + fixture("draft").key() + "/share-links",
                        "writer1", null, json(Map.of()), 201);
                yield new Target(Long.toString(JSON.readTree(created.body()).path("id").asLong()), null, null);
            }
            case "media" -> {
                HttpResponse<String> created = api.call("POST", "/manage/v1/media", "writer1", null, image(), 201);
                yield new Target(Long.toString(JSON.readTree(created.body()).path("id").asLong()), version(created), null);
            }
            default -> throw new IllegalArgumentException("no fixture called {" + name + "}");
        };
    }

    private Target draft(String writer) throws IOException, InterruptedException {
        HttpResponse<String> created = api.call("POST", "/manage/v1/articles", writer, null, json(article(slug("fixture"))),
                201);
        return article(created);
    }

    private Target transition(Target article, String user, Map<String, Object> action)
            throws IOException, InterruptedException {
        HttpResponse<String> response = api.call("POST", "/manage/v1/articles/" + article.key() + "/transitions", user,
                article.version(), json(action), 200);
        return article(response);
    }

    private Target catalog(String collection, Body entry) throws IOException, InterruptedException {
        HttpResponse<String> created = api.call("POST", collection, "editor1", null, entry, 201);
        return new Target(JSON.readTree(created.body()).path("slug").asText(), version(created), null);
    }

    private static Target article(HttpResponse<String> response) throws IOException {
        JsonNode state = JSON.readTree(response.body());
        return new Target(Long.toString(state.path("id").asLong()), version(response),
                Instant.parse(state.path("createdAt").asText()));
    }

    private String slug(String kind) {
        return "mx-" + kind + "-" + run + "-" + SERIAL.incrementAndGet();
    }

    private static String abbreviate(String body) {
        String oneLine = body == null ? "" : body.replaceAll("\\s+", " ");
        return oneLine.length() > 200 ? oneLine.substring(0, 200) + "…" : oneLine;
    }
}
