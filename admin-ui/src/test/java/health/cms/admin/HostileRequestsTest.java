package health.cms.admin;

import static health.cms.admin.testing.Tokens.accessToken;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.random.RandomGenerator;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import health.cms.admin.testing.DeskForms;
import health.cms.admin.testing.ManageApi;
import health.cms.core.article.Article;
import health.cms.core.testing.DatabaseSnapshot;
import health.cms.core.testing.EmbeddedPostgresResource;
import health.cms.core.testing.hostile.Draft;
import health.cms.core.testing.hostile.Endpoint;
import health.cms.core.testing.hostile.Endpoint.Kind;
import health.cms.core.testing.hostile.HostileRequest;
import health.cms.core.testing.hostile.HostileRequests;
import health.cms.workflow.testing.Fixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.test.security.TestSecurity;
import io.restassured.RestAssured;
import io.smallrye.jwt.build.Jwt;

/**
 * Thousands of generated malformed requests against the management API (real signed tokens of every
 * role, and forged, expired and missing ones) and against the desk's pages as writer, reviewer and
 * editor: no 5xx, nothing that names our internals, problem+json from the API and HTML pages from the
 * desk, no write accepted, and the database unchanged.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class HostileRequestsTest {

    static final long SEED = Long.getLong("hostile.seed", 20_261_207L);
    static final int MANAGE_REQUESTS = Integer.getInteger("hostile.manage-requests", 4_500);
    static final int DESK_REQUESTS_PER_ROLE = Integer.getInteger("hostile.desk-requests", 600);
    static final String STALE = "\"987654321\"";
    static final String CSRF = "csrf-token";

    @Inject
    DataSource database;

    /** Articles in each state and a finished import, made once for all the runs of this class. */
    record Content(long draft, long draftVersion, long submitted, long submittedVersion, long live, long liveVersion,
            long importJob) {
    }

    private static Content content;

    @BeforeEach
    void content() {
        if (content != null) {
            return;
        }
        Fixtures.ensureBasics();
        Article draft = Fixtures.draft("hostile-draft");
        Article submitted = Fixtures.submitted("hostile-submitted");
        Article live = Fixtures.published("hostile-live");
        String job = given().auth().oauth2(accessToken("writer1", "writer")).contentType("application/x-ndjson")
                .body("{\"slug\":\"hostile-import\",\"title\":\"Imported\"}".getBytes(StandardCharsets.UTF_8))
                .post("/manage/v1/imports")
                .then().statusCode(202).extract().header("Location");
        content = new Content(draft.id(), draft.version(), submitted.id(), submitted.version(), live.id(), live.version(),
                Long.parseLong(job.substring(job.lastIndexOf('/') + 1)));
        // the import runs in the background: wait for it, so that the snapshots see a database at rest
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline) && !"finished".equals(given().auth().oauth2(accessToken("writer1", "writer"))
                .get(job).then().extract().path("state"))) {
            sleep(100);
        }
    }

    @Test
    void managementApiRefusesMalformedRequestsCleanlyAndChangesNothing() {
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("writer1", accessToken("writer1", "writer"));
        tokens.put("writer2", accessToken("writer2", "writer"));
        tokens.put("reviewer1", accessToken("reviewer1", "medical-reviewer"));
        tokens.put("reviewer2", accessToken("reviewer2", "medical-reviewer", "writer"));
        tokens.put("editor1", accessToken("editor1", "editor"));
        tokens.put("nobody", accessToken("nobody"));
        List<String> badTokens = badTokens(tokens.get("editor1"));

        Endpoint.Guard noToken = new Endpoint.Guard("no-token", (d, r) -> d.removeHeader("Authorization"));
        Endpoint.Guard badToken = new Endpoint.Guard("bad-token", (d, r) -> bearer(d, pick(r, badTokens)));
        BiConsumer<Draft, RandomGenerator> missingIfMatch = (d, r) -> d.removeHeader("If-Match");
        BiConsumer<Draft, RandomGenerator> staleIfMatch = (d, r) -> d.header("If-Match", STALE);
        BiConsumer<Draft, RandomGenerator> unknownId = (d, r) -> d.pathValues.put("id", "987654321");
        BiConsumer<Draft, RandomGenerator> unknownSlug = (d, r) -> d.pathValues.put("slug", "no-such-slug-here");
        BiConsumer<Draft, RandomGenerator> unreadable = (d, r) -> {
            d.json = null;
            d.body = "{\"unterminated".getBytes(StandardCharsets.UTF_8);
        };
        BiConsumer<Draft, RandomGenerator> notEditor = (d, r) -> bearer(d, tokens.get(pick(r, List.of("writer1",
                "reviewer1", "reviewer2", "nobody"))));
        BiConsumer<Draft, RandomGenerator> notWriter = (d, r) -> bearer(d, tokens.get(pick(r, List.of("reviewer1",
                "editor1", "nobody"))));

        String id = String.valueOf(content.draft());
        String etag = "\"" + content.draftVersion() + "\"";
        Map<String, Object> article = new LinkedHashMap<>(ManageApi.article("hostile-new", "## Dose\n\n5 mg."));
        List<Endpoint> endpoints = new ArrayList<>();
        endpoints.add(Endpoint.get("/manage/v1/articles").query("status", Kind.CHOICE, "draft")
                .query("author", Kind.SLUG, "anna-berg").query("category", Kind.SLUG, "treatments-therapies")
                .query("createdBy", Kind.USER, "writer1").query("assignee", Kind.USER, "reviewer1")
                .query("limit", Kind.NUMBER, "10").query("offset", Kind.NUMBER, "0"));
        endpoints.add(Endpoint.of("POST", "/manage/v1/articles").json(article)
                .guard("not-a-writer", notWriter).guard("unreadable-body", unreadable)
                .guard("no-title", (d, r) -> json(d).put("title", "")));
        endpoints.add(Endpoint.get("/manage/v1/articles/{id}").path("id", Kind.ID, id));
        endpoints.add(Endpoint.of("PUT", "/manage/v1/articles/{id}").path("id", Kind.ID, id).json(article).ifMatch(etag)
                .guard("not-a-writer", notWriter).guard("missing-if-match", missingIfMatch)
                .guard("stale-if-match", staleIfMatch).guard("unknown-id", unknownId));
        endpoints.add(Endpoint.of("PUT", "/manage/v1/articles/{id}/slug").path("id", Kind.ID, id)
                .json(new LinkedHashMap<>(Map.of("slug", "hostile-renamed"))).ifMatch(etag)
                .guard("not-an-editor", notEditor).guard("missing-if-match", missingIfMatch)
                .guard("stale-if-match", staleIfMatch).guard("unknown-id", unknownId));
        endpoints.add(Endpoint.of("POST", "/manage/v1/articles/{id}/transitions").path("id", Kind.ID, id)
                .json(new LinkedHashMap<>(Map.of("action", "submit", "comment", "Please review"))).ifMatch(etag)
                .guard("missing-if-match", missingIfMatch).guard("stale-if-match", staleIfMatch)
                .guard("unknown-id", unknownId).guard("unknown-action", (d, r) -> json(d).put("action", "publish-now")));
        endpoints.add(Endpoint.of("PUT", "/manage/v1/articles/{id}/assignee").path("id", Kind.ID,
                String.valueOf(content.submitted())).json(new LinkedHashMap<>(Map.of("reviewer", "reviewer1")))
                .ifMatch("\"" + content.submittedVersion() + "\"")
                .guard("not-an-editor", notEditor).guard("missing-if-match", missingIfMatch)
                .guard("stale-if-match", staleIfMatch).guard("unknown-id", unknownId));
        endpoints.add(Endpoint.get("/manage/v1/articles/{id}/revisions").path("id", Kind.ID, id));
        endpoints.add(Endpoint.get("/manage/v1/articles/{id}/revisions/{number}").path("id", Kind.ID, id)
                .path("number", Kind.NUMBER, "1"));
        endpoints.add(Endpoint.get("/manage/v1/articles/{id}/diff").path("id", Kind.ID, String.valueOf(content.live()))
                .query("from", Kind.CHOICE, "approved").query("to", Kind.NUMBER, "1"));
        endpoints.add(Endpoint.get("/manage/v1/articles/{id}/audit").path("id", Kind.ID, id));
        endpoints.add(Endpoint.get("/manage/v1/review-queue").query("limit", Kind.NUMBER, "10"));
        endpoints.add(Endpoint.of("POST", "/manage/v1/review-queue/approvals")
                .json(new LinkedHashMap<>(Map.of("articles", List.of(Map.of("id", content.submitted(), "version",
                        content.submittedVersion())), "comment", "Checked")))
                .guard("no-articles", (d, r) -> json(d).put("articles", List.of())).guard("unreadable-body", unreadable));
        for (String list : List.of("categories", "tags", "authors")) {
            String slug = switch (list) {
                case "categories" -> "treatments-therapies";
                case "tags" -> "cancer";
                default -> "anna-berg";
            };
            Map<String, Object> body = switch (list) {
                case "categories" -> new LinkedHashMap<>(Map.of("slug", "hostile-category", "name", "Hostile",
                        "description", "x", "reviewIntervalMonths", 12));
                case "tags" -> new LinkedHashMap<>(Map.of("slug", "hostile-tag", "name", "Hostile"));
                default -> new LinkedHashMap<>(Map.of("slug", "hostile-author", "displayName", "Dr Hostile",
                        "credentials", "MD", "specialties", List.of("Oncology"), "author", true, "reviewer", false));
            };
            endpoints.add(Endpoint.get("/manage/v1/" + list));
            endpoints.add(Endpoint.of("POST", "/manage/v1/" + list).json(body)
                    .guard("not-an-editor", notEditor).guard("unreadable-body", unreadable)
                    .guard("existing-slug", (d, r) -> json(d).put("slug", slug)));
            endpoints.add(Endpoint.of("PUT", "/manage/v1/" + list + "/{slug}").path("slug", Kind.SLUG, slug).json(body)
                    .ifMatch("\"0\"").guard("not-an-editor", notEditor).guard("missing-if-match", missingIfMatch)
                    .guard("stale-if-match", staleIfMatch).guard("unknown-slug", unknownSlug));
            endpoints.add(Endpoint.of("DELETE", "/manage/v1/" + list + "/{slug}").path("slug", Kind.SLUG, slug)
                    .guard("not-an-editor", notEditor).guard("unknown-slug", unknownSlug));
        }
        endpoints.add(Endpoint.get("/manage/v1/authors/{slug}").path("slug", Kind.SLUG, "anna-berg"));
        endpoints.add(Endpoint.of("POST", "/manage/v1/imports").query("submit", Kind.FLAG, "false")
                .raw("application/x-ndjson", ("{\"slug\":\"hostile-imported\",\"title\":\"Imported\"}")
                        .getBytes(StandardCharsets.UTF_8))
                .guard("not-a-writer", notWriter).guard("blank-file", (d, r) -> d.body = "\n \n".getBytes()));
        endpoints.add(Endpoint.get("/manage/v1/imports/{id}").path("id", Kind.ID, String.valueOf(content.importJob()))
                .query("results", Kind.FLAG, "true"));
        endpoints.add(Endpoint.get("/manage/v1/audit/verify"));

        List<Endpoint.Guard> universal = List.of(noToken, badToken);
        List<String> users = new ArrayList<>(tokens.keySet());
        List<HostileRequest> requests = HostileRequests.generate(SEED, MANAGE_REQUESTS, endpoints, (d, r) -> {
            // whoever the request claims to be, and then a certain refusal for every write
            if (r.nextInt(10) == 0) {
                bearer(d, pick(r, badTokens));
            } else if (d.header("Authorization") == null || r.nextInt(3) > 0) {
                bearer(d, tokens.get(pick(r, users)));
            }
            HostileRequests.guardWrites(d, r, universal);
        });
        run("manage", requests);
    }

    @Test
    @TestSecurity(user = "writer1", roles = "writer")
    void deskPagesRefuseMalformedFormsFromAWriter() {
        run("desk-writer", HostileRequests.generate(SEED + 1, DESK_REQUESTS_PER_ROLE, deskEndpoints(), this::deskGuards));
    }

    @Test
    @TestSecurity(user = "reviewer1", roles = "medical-reviewer")
    void deskPagesRefuseMalformedFormsFromAReviewer() {
        run("desk-reviewer", HostileRequests.generate(SEED + 2, DESK_REQUESTS_PER_ROLE, deskEndpoints(), this::deskGuards));
    }

    @Test
    @TestSecurity(user = "editor1", roles = "editor")
    void deskPagesRefuseMalformedFormsFromAnEditor() {
        run("desk-editor", HostileRequests.generate(SEED + 3, DESK_REQUESTS_PER_ROLE, deskEndpoints(), this::deskGuards));
    }

    private List<Endpoint> deskEndpoints() {
        String id = String.valueOf(content.draft());
        String version = String.valueOf(content.draftVersion());
        BiConsumer<Draft, RandomGenerator> staleVersion = (d, r) -> d.formField("version", "987654321");
        BiConsumer<Draft, RandomGenerator> noVersion = (d, r) -> d.removeFormField("version");
        BiConsumer<Draft, RandomGenerator> unknownId = (d, r) -> d.pathValues.put("id", "987654321");
        BiConsumer<Draft, RandomGenerator> noTitle = (d, r) -> d.formField("title", "");
        List<Map.Entry<String, String>> articleForm = List.of(Map.entry(CSRF, DeskForms.TOKEN),
                Map.entry("slug", "hostile-desk"), Map.entry("title", "Desk title"), Map.entry("summary", "A lead."),
                Map.entry("body", "## Dose\n\n5 mg."), Map.entry("category", "treatments-therapies"),
                Map.entry("authors", "anna-berg"), Map.entry("tags", "cancer"), Map.entry("refCitation", "Doe J. 2020."),
                Map.entry("refPmid", "12345"), Map.entry("changeNote", "Desk"), Map.entry("version", version),
                Map.entry("baseRevision", "1"), Map.entry("intent", "save"));
        List<Map.Entry<String, String>> actionForm = List.of(Map.entry(CSRF, DeskForms.TOKEN),
                Map.entry("action", "submit"), Map.entry("comment", "ok"), Map.entry("publishAt", ""),
                Map.entry("version", version));
        String boundary = "hostileboundary";
        byte[] upload = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + CSRF + "\"\r\n\r\n"
                + DeskForms.TOKEN + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"lines\"\r\n\r\n"
                + "{\"slug\":\"hostile-desk-import\",\"title\":\"Imported\"}\r\n--" + boundary + "--\r\n")
                .getBytes(StandardCharsets.UTF_8);
        List<Endpoint> endpoints = new ArrayList<>();
        endpoints.add(Endpoint.get("/"));
        endpoints.add(Endpoint.get("/articles").query("status", Kind.CHOICE, "draft")
                .query("category", Kind.SLUG, "treatments-therapies").query("mine", Kind.FLAG, "true")
                .query("page", Kind.NUMBER, "1"));
        endpoints.add(Endpoint.get("/articles/new"));
        endpoints.add(Endpoint.of("POST", "/articles").form(articleForm).guard("no-title", noTitle));
        endpoints.add(Endpoint.get("/articles/{id}").path("id", Kind.ID, id).query("done", Kind.CHOICE, "saved"));
        endpoints.add(Endpoint.of("POST", "/articles/{id}").path("id", Kind.ID, id).form(articleForm)
                .guard("stale-version", staleVersion).guard("no-version", noVersion).guard("unknown-id", unknownId));
        endpoints.add(Endpoint.of("POST", "/articles/preview").form(articleForm)
                .guard("none: a preview writes nothing", (d, r) -> {
                }));
        endpoints.add(Endpoint.of("POST", "/articles/{id}/actions").path("id", Kind.ID, id).form(actionForm)
                .guard("stale-version", staleVersion).guard("no-version", noVersion).guard("unknown-id", unknownId));
        endpoints.add(Endpoint.get("/articles/{id}/history").path("id", Kind.ID, String.valueOf(content.live()))
                .query("from", Kind.NUMBER, "1").query("to", Kind.NUMBER, "1"));
        endpoints.add(Endpoint.get("/review"));
        endpoints.add(Endpoint.get("/review/{id}").path("id", Kind.ID, String.valueOf(content.submitted())));
        endpoints.add(Endpoint.of("POST", "/review/{id}/actions").path("id", Kind.ID, String.valueOf(content.submitted()))
                .form(List.of(Map.entry(CSRF, DeskForms.TOKEN), Map.entry("action", "approve"),
                        Map.entry("comment", "fine"), Map.entry("version", String.valueOf(content.submittedVersion()))))
                .guard("stale-version", staleVersion).guard("no-version", noVersion).guard("unknown-id", unknownId));
        endpoints.add(Endpoint.get("/catalog").query("done", Kind.CHOICE, "deleted"));
        endpoints.add(Endpoint.of("POST", "/catalog/categories").form(List.of(Map.entry(CSRF, DeskForms.TOKEN),
                Map.entry("slug", "treatments-therapies"), Map.entry("name", "Again"), Map.entry("description", ""),
                Map.entry("reviewIntervalMonths", "12")))
                .guard("existing-slug", (d, r) -> d.formField("slug", "treatments-therapies"))
                .guard("bad-interval", (d, r) -> d.formField("reviewIntervalMonths", "0")));
        endpoints.add(Endpoint.get("/catalog/categories/{slug}").path("slug", Kind.SLUG, "treatments-therapies"));
        endpoints.add(Endpoint.of("POST", "/catalog/categories/{slug}").path("slug", Kind.SLUG, "treatments-therapies")
                .form(List.of(Map.entry(CSRF, DeskForms.TOKEN), Map.entry("name", "Renamed"),
                        Map.entry("reviewIntervalMonths", "6"), Map.entry("version", "0")))
                .guard("stale-version", staleVersion).guard("no-version", noVersion));
        endpoints.add(Endpoint.of("POST", "/catalog/tags").form(List.of(Map.entry(CSRF, DeskForms.TOKEN),
                Map.entry("slug", "cancer"), Map.entry("name", "Again")))
                .guard("existing-slug", (d, r) -> d.formField("slug", "cancer")));
        endpoints.add(Endpoint.of("POST", "/catalog/tags/{slug}").path("slug", Kind.SLUG, "cancer")
                .form(List.of(Map.entry(CSRF, DeskForms.TOKEN), Map.entry("name", "Renamed"), Map.entry("version", "0")))
                .guard("stale-version", staleVersion).guard("no-version", noVersion));
        endpoints.add(Endpoint.get("/catalog/profiles/new"));
        endpoints.add(Endpoint.of("POST", "/catalog/profiles").form(List.of(Map.entry(CSRF, DeskForms.TOKEN),
                Map.entry("slug", "anna-berg"), Map.entry("displayName", "Anna Again"), Map.entry("author", "true")))
                .guard("existing-slug", (d, r) -> d.formField("slug", "anna-berg")));
        endpoints.add(Endpoint.get("/catalog/profiles/{slug}").path("slug", Kind.SLUG, "anna-berg"));
        endpoints.add(Endpoint.of("POST", "/catalog/profiles/{slug}").path("slug", Kind.SLUG, "anna-berg")
                .form(List.of(Map.entry(CSRF, DeskForms.TOKEN), Map.entry("displayName", "Anna Renamed"),
                        Map.entry("version", "0")))
                .guard("stale-version", staleVersion).guard("no-version", noVersion));
        endpoints.add(Endpoint.of("POST", "/catalog/{kind}/{slug}/delete").path("kind", Kind.CHOICE, "tags")
                .path("slug", Kind.SLUG, "cancer").form(List.of(Map.entry(CSRF, DeskForms.TOKEN)))
                .guard("unknown-slug", (d, r) -> d.pathValues.put("slug", "no-such-slug-here"))
                .guard("unknown-kind", (d, r) -> d.pathValues.put("kind", "articles")));
        endpoints.add(Endpoint.get("/imports"));
        endpoints.add(Endpoint.of("POST", "/imports").raw("multipart/form-data; boundary=" + boundary, upload)
                .guard("blank-lines", (d, r) -> d.body = new String(d.body == null ? upload : d.body,
                        StandardCharsets.ISO_8859_1).replace("{\"slug\":\"hostile-desk-import\",\"title\":\"Imported\"}", " ")
                        .getBytes(StandardCharsets.ISO_8859_1)));
        endpoints.add(Endpoint.get("/imports/{id}").path("id", Kind.ID, String.valueOf(content.importJob())));
        endpoints.add(Endpoint.get("/signed-out"));
        return endpoints;
    }

    /** The CSRF cookie a browser would hold, then a certain refusal for every write. */
    private void deskGuards(Draft d, RandomGenerator r) {
        d.header("Cookie", CSRF + "=" + DeskForms.TOKEN);
        Endpoint.Guard noCookie = new Endpoint.Guard("no-csrf-cookie", (draft, random) -> draft.removeHeader("Cookie"));
        Endpoint.Guard otherCookie = new Endpoint.Guard("other-csrf-cookie",
                (draft, random) -> draft.header("Cookie", CSRF + "=" + "b3RoZXItYnl0ZXMtMTIzNA"));
        List<Endpoint.Guard> csrf = List.of(noCookie, otherCookie);
        if (HostileRequests.unsafe(d.method) && (d.rerouted() || r.nextInt(3) == 0)) {
            // the CSRF check alone, half as often as the endpoint's own refusals
            Endpoint.Guard guard = pick(r, csrf);
            guard.apply().accept(d, r);
            return;
        }
        HostileRequests.guardWrites(d, r, csrf);
    }

    private void run(String name, List<HostileRequest> requests) {
        DatabaseSnapshot before = DatabaseSnapshot.settled(database, Duration.ofSeconds(10));
        HostileRequests.Report report = HostileRequests.run("localhost", RestAssured.port, requests,
                new HostileRequests.Rules(r -> r.normalizedPath().startsWith("/manage/"),
                        r -> !r.normalizedPath().startsWith("/manage/") && !r.normalizedPath().startsWith("/q/"),
                        (r, response) -> r.normalizedPath().equals("/articles/preview") && response.status() == 200
                                || response.status() == 302 && String.valueOf(response.header("location"))
                                        .contains("response_type=code")));
        DatabaseSnapshot after = DatabaseSnapshot.of(database);
        report.write(Path.of("target", "hostile-requests-" + name + ".txt"));
        System.out.println(name + ": " + report.summary());
        assertTrue(report.failures().isEmpty(), report.failures().size() + " of " + report.requests()
                + " answers broke a rule; the first ones:\n" + String.join("\n", report.failures().subList(0,
                        Math.min(40, report.failures().size()))));
        assertEquals(Map.of(), before.differences(after), "hostile requests changed the database");
    }

    /** Tokens that must all be refused: forged signature, expired, another issuer, no signature at all. */
    private static List<String> badTokens(String valid) {
        String[] parts = valid.split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
        String otherPayload = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"sub\":\"admin\",\"realm_access\":{\"roles\":[\"editor\",\"writer\",\"medical-reviewer\"]}}"
                        .getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
        String expired = Jwt.preferredUserName("editor1").subject("editor1")
                .claim("realm_access", Map.of("roles", List.of("editor"))).issuer("https://server.example.com")
                .audience("https://service.example.com").issuedAt(Instant.now().minusSeconds(7200))
                .expiresAt(Instant.now().minusSeconds(3600)).jws().keyId("1").sign("privateKey.jwk");
        String otherIssuer = Jwt.preferredUserName("editor1").subject("editor1")
                .claim("realm_access", Map.of("roles", List.of("editor"))).issuer("https://evil.example")
                .audience("https://service.example.com").jws().keyId("1").sign("privateKey.jwk");
        String none = "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0." + parts[1] + ".";
        return List.of(forged, otherPayload, expired, otherIssuer, none, "garbage", "a.b.c", parts[0] + "." + parts[1]);
    }

    private static void bearer(Draft d, String token) {
        d.header("Authorization", "Bearer " + token);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(Draft d) {
        if (!(d.json instanceof Map)) {
            d.body = null;
            d.json = new LinkedHashMap<String, Object>();
        }
        return (Map<String, Object>) d.json;
    }

    private static <T> T pick(RandomGenerator r, List<T> values) {
        return values.get(r.nextInt(values.size()));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
