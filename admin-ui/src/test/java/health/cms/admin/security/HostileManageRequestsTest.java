package health.cms.admin.security;

import static health.cms.admin.security.HostileRun.SEED;
import static health.cms.admin.security.HostileRun.pick;
import static health.cms.admin.testing.Tokens.accessToken;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.random.RandomGenerator;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import health.cms.admin.media.MediaImages;
import health.cms.admin.security.HostileRun.Content;
import health.cms.admin.testing.ManageApi;
import health.cms.admin.testing.Tokens;
import health.cms.core.testing.EmbeddedPostgresResource;
import health.cms.core.testing.hostile.Draft;
import health.cms.core.testing.hostile.Endpoint;
import health.cms.core.testing.hostile.Endpoint.Kind;
import health.cms.core.testing.hostile.HostileRequest;
import health.cms.core.testing.hostile.HostileRequests;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.smallrye.jwt.build.Jwt;

/**
 * Thousands of generated malformed requests against the management API, with real signed tokens of
 * every role and forged, expired and missing ones: no 5xx, nothing that names our internals,
 * problem+json only, no write accepted, and the database unchanged.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class HostileManageRequestsTest {

    static final int MANAGE_REQUESTS = Integer.getInteger("hostile.manage-requests", 4_500);
    static final String STALE = "\"987654321\"";

    @Inject
    DataSource database;

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

        Content content = HostileRun.content("hostile");
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
                .guard("no-title", (d, r) -> json(d).put("title", ""))
                .guard("lead-image-not-ours", (d, r) -> json(d).put("leadImage", "https://tracker.example/a.png"))
                .guard("unknown-library-image", (d, r) -> json(d).put("body", "![x](media:" + "0".repeat(64) + ")")));
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
                // reviewer1 may take an article in their specialty: everyone else but an editor is refused
                .guard("not-an-editor-nor-the-reviewer", (d, r) -> bearer(d, tokens.get(pick(r, List.of("writer1",
                        "reviewer2", "nobody")))))
                .guard("missing-if-match", missingIfMatch)
                .guard("stale-if-match", staleIfMatch).guard("unknown-id", unknownId)
                .guard("no-reviewer-profile", (d, r) -> json(d).put("reviewer", "no-such-reviewer")));
        endpoints.add(Endpoint.get("/manage/v1/articles/{id}/reviewers").path("id", Kind.ID,
                String.valueOf(content.submitted())));
        endpoints.add(Endpoint.get("/manage/v1/notifications").query("limit", Kind.NUMBER, "10")
                .query("offset", Kind.NUMBER, "0"));
        endpoints.add(Endpoint.of("POST", "/manage/v1/notifications/{id}/read").path("id", Kind.ID, "987654321")
                .guard("unknown-id", unknownId));
        endpoints.add(Endpoint.get("/manage/v1/articles/{id}/revisions").path("id", Kind.ID, id));
        endpoints.add(Endpoint.get("/manage/v1/articles/{id}/revisions/{number}").path("id", Kind.ID, id)
                .path("number", Kind.NUMBER, "1"));
        endpoints.add(Endpoint.get("/manage/v1/articles/{id}/diff").path("id", Kind.ID, String.valueOf(content.live()))
                .query("from", Kind.CHOICE, "approved").query("to", Kind.NUMBER, "1"));
        endpoints.add(Endpoint.get("/manage/v1/articles/{id}/audit").path("id", Kind.ID, id));
        String submitted = String.valueOf(content.submitted());
        String thread = String.valueOf(content.thread());
        BiConsumer<Draft, RandomGenerator> unknownComment = (d, r) -> d.pathValues.put("comment", "987654321");
        BiConsumer<Draft, RandomGenerator> noText = (d, r) -> json(d).put("text", "");
        endpoints.add(Endpoint.get("/manage/v1/articles/{id}/comments").path("id", Kind.ID, submitted));
        endpoints.add(Endpoint.of("POST", "/manage/v1/articles/{id}/comments").path("id", Kind.ID, submitted)
                .json(new LinkedHashMap<>(Map.of("quote", new LinkedHashMap<>(Map.of("exact", "Body of", "prefix", "",
                        "suffix", "")), "text", "Hostile?", "blocking", true)))
                .guard("not-a-commenter", (d, r) -> bearer(d, tokens.get(pick(r, List.of("writer1", "writer2",
                        "nobody")))))
                .guard("unknown-id", unknownId).guard("unreadable-body", unreadable).guard("no-text", noText)
                .guard("no-passage", (d, r) -> json(d).put("quote", Map.of("exact", ""))));
        endpoints.add(Endpoint.of("POST", "/manage/v1/articles/{id}/comments/{comment}/replies")
                .path("id", Kind.ID, submitted).path("comment", Kind.ID, thread)
                .json(new LinkedHashMap<>(Map.of("text", "Hostile reply"))).guard("unknown-comment", unknownComment)
                .guard("unknown-id", unknownId).guard("unreadable-body", unreadable).guard("no-text", noText));
        endpoints.add(Endpoint.of("POST", "/manage/v1/articles/{id}/comments/{comment}/resolution")
                .path("id", Kind.ID, submitted).path("comment", Kind.ID, thread)
                .guard("unknown-comment", unknownComment).guard("unknown-id", unknownId)
                .guard("not-a-resolver", (d, r) -> bearer(d, tokens.get(pick(r, List.of("reviewer1", "nobody"))))));
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
        endpoints.add(Endpoint.get("/manage/v1/search/vocabulary"));
        endpoints.add(Endpoint.get("/manage/v1/search/articles").query("q", Kind.TEXT, "dosage")
                .query("status", Kind.CHOICE, "draft").query("author", Kind.SLUG, "anna-berg")
                .query("tag", Kind.SLUG, "cancer").query("review", Kind.CHOICE, "due")
                .query("changedSince", Kind.TEXT, "2026-01-01").query("limit", Kind.NUMBER, "10")
                .query("cursor", Kind.CURSOR, "1.5_42"));
        endpoints.add(Endpoint.of("POST", "/manage/v1/search/vocabulary")
                .json(new LinkedHashMap<>(Map.of("terms", "hostile lay word, hostile clinical word")))
                .guard("not-an-editor", notEditor).guard("unreadable-body", unreadable)
                .guard("one-term", (d, r) -> json(d).put("terms", "lonely")));
        endpoints.add(Endpoint.get("/manage/v1/authors/{slug}").path("slug", Kind.SLUG, "anna-berg"));
        endpoints.add(Endpoint.of("POST", "/manage/v1/imports").query("submit", Kind.FLAG, "false")
                .raw("application/x-ndjson", ("{\"slug\":\"hostile-imported\",\"title\":\"Imported\"}")
                        .getBytes(StandardCharsets.UTF_8))
                .guard("not-a-writer", notWriter).guard("blank-file", (d, r) -> d.body = "\n \n".getBytes()));
        endpoints.add(Endpoint.get("/manage/v1/imports/{id}").path("id", Kind.ID, String.valueOf(content.importJob()))
                .query("results", Kind.FLAG, "true"));
        endpoints.add(Endpoint.get("/manage/v1/audit/verify"));
        endpoints.add(Endpoint.get("/manage/v1/calendar").query("from", Kind.TIME, "2027-01-01")
                .query("to", Kind.TIME, "2027-01-31").query("category", Kind.SLUG, "treatments-therapies"));
        endpoints.add(Endpoint.get("/manage/v1/api-keys").query("limit", Kind.NUMBER, "10").query("offset", Kind.NUMBER, "0"));
        endpoints.add(Endpoint.of("POST", "/manage/v1/api-keys")
                .json(new LinkedHashMap<>(Map.of("name", "Hostile partner", "scope", "preview")))
                .guard("not-an-editor", notEditor).guard("unreadable-body", unreadable)
                .guard("unknown-scope", (d, r) -> json(d).put("scope", "admin")));
        endpoints.add(Endpoint.get("/manage/v1/api-keys/{id}").path("id", Kind.ID, "1"));
        endpoints.add(Endpoint.get("/manage/v1/articles/{id}/share-links").path("id", Kind.ID, id));
        endpoints.add(Endpoint.of("POST", "/manage/v1/articles/{id}/share-links").path("id", Kind.ID, id)
                .guard("no-desk-role", (d, r) -> bearer(d, tokens.get("nobody"))).guard("unknown-id", unknownId));
        endpoints.add(Endpoint.get("/manage/v1/articles/{id}/translations").path("id", Kind.ID, id));
        endpoints.add(Endpoint.of("POST", "/manage/v1/articles/{id}/translations")
                .path("id", Kind.ID, String.valueOf(content.live()))
                .json(new LinkedHashMap<>(Map.of("locale", "de", "slug", "hostile-uebersetzt", "title", "Feindlich")))
                .guard("not-a-writer", notWriter).guard("unreadable-body", unreadable).guard("unknown-id", unknownId)
                .guard("unknown-locale", (d, r) -> json(d).put("locale", "xx-hostile"))
                .guard("sources-own-locale", (d, r) -> json(d).put("locale", "en"))
                .guard("overlong-title", (d, r) -> json(d).put("title", "T".repeat(301))));
        endpoints.add(Endpoint.get("/manage/v1/translations").query("status", Kind.CHOICE, "outdated")
                .query("limit", Kind.NUMBER, "10").query("offset", Kind.NUMBER, "0"));
        endpoints.add(Endpoint.of("POST", "/manage/v1/share-links/{id}/revoke").path("id", Kind.ID, "1")
                .guard("no-desk-role", (d, r) -> bearer(d, tokens.get("nobody"))).guard("unknown-id", unknownId));
        for (String change : List.of("rotate", "revoke")) {
            endpoints.add(Endpoint.of("POST", "/manage/v1/api-keys/{id}/" + change).path("id", Kind.ID, "1").ifMatch("\"0\"")
                    .guard("not-an-editor", notEditor).guard("missing-if-match", missingIfMatch)
                    .guard("stale-if-match", staleIfMatch).guard("unknown-id", unknownId));
        }

        // writers and editors change the library: only the reviewer's token is certainly refused
        BiConsumer<Draft, RandomGenerator> notUploader = (d, r) -> bearer(d, tokens.get("reviewer1"));
        endpoints.add(Endpoint.get("/manage/v1/media").query("q", Kind.TEXT, "rash").query("tag", Kind.TEXT, "skin")
                .query("limit", Kind.NUMBER, "10").query("offset", Kind.NUMBER, "0"));
        endpoints.add(Endpoint.get("/manage/v1/media/{id}").path("id", Kind.ID, "987654321"));
        endpoints.add(Endpoint.of("POST", "/manage/v1/media")
                .raw("multipart/form-data; boundary=hostilemedia", mediaUpload(MediaImages.png(24, 24)))
                .guard("neither-writer-nor-editor", notUploader)
                .guard("svg-file",
                        (d, r) -> d.body = mediaUpload("<svg onload=\"alert(1)\"/>".getBytes(StandardCharsets.UTF_8))));
        endpoints.add(Endpoint.of("PUT", "/manage/v1/media/{id}").path("id", Kind.ID, "1")
                .json(new LinkedHashMap<>(Map.of("altText", "Hostile alt", "tags", List.of("hostile")))).ifMatch("\"0\"")
                .guard("neither-writer-nor-editor", notUploader).guard("missing-if-match", missingIfMatch)
                .guard("stale-if-match", staleIfMatch).guard("unknown-id", unknownId));

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
        HostileRun.run(database, "manage", requests);
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
                .audience(Tokens.MANAGEMENT_API).issuedAt(Instant.now().minusSeconds(7200))
                .expiresAt(Instant.now().minusSeconds(3600)).jws().keyId("1").sign("privateKey.jwk");
        String otherIssuer = Jwt.preferredUserName("editor1").subject("editor1")
                .claim("realm_access", Map.of("roles", List.of("editor"))).issuer("https://evil.example")
                .audience(Tokens.MANAGEMENT_API).jws().keyId("1").sign("privateKey.jwk");
        String otherClient = Tokens.token("editor1", "editor").audience("account").claim("azp", "account-console")
                .jws().keyId("1").sign("privateKey.jwk");
        String none = "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0." + parts[1] + ".";
        return List.of(forged, otherPayload, expired, otherIssuer, otherClient, none, "garbage", "a.b.c",
                parts[0] + "." + parts[1]);
    }

    /** A management API upload of one file (part {@code file}) with an alt text. */
    private static byte[] mediaUpload(byte[] file) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.writeBytes(("--hostilemedia\r\nContent-Disposition: form-data; name=\"altText\"\r\n\r\nHostile\r\n"
                + "--hostilemedia\r\nContent-Disposition: form-data; name=\"file\"; filename=\"h.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(file);
        out.writeBytes("\r\n--hostilemedia--\r\n".getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
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
}
