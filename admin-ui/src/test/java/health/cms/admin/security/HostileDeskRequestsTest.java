package health.cms.admin.security;

import static health.cms.admin.security.HostileRun.CSRF;
import static health.cms.admin.security.HostileRun.SEED;
import static health.cms.admin.security.HostileRun.pick;
import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.random.RandomGenerator;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import health.cms.admin.media.MediaImages;
import health.cms.admin.security.HostileRun.Content;
import health.cms.admin.testing.DeskForms;
import health.cms.core.testing.EmbeddedPostgresResource;
import health.cms.core.testing.hostile.Draft;
import health.cms.core.testing.hostile.Endpoint;
import health.cms.core.testing.hostile.Endpoint.Kind;
import health.cms.core.testing.hostile.HostileRequests;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.test.security.TestSecurity;

/**
 * Generated malformed requests against the desk's pages as writer, reviewer and editor, with and
 * without a valid CSRF token: no 5xx, nothing that names our internals, HTML pages only, no write
 * accepted, and the database unchanged.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class HostileDeskRequestsTest {

    static final int DESK_REQUESTS_PER_ROLE = Integer.getInteger("hostile.desk-requests", 600);

    @Inject
    DataSource database;

    @Test
    @TestSecurity(user = "writer1", roles = "writer")
    void deskPagesRefuseMalformedFormsFromAWriter() {
        refuseMalformedForms("desk-writer", SEED + 1, "writer1");
    }

    @Test
    @TestSecurity(user = "reviewer1", roles = "medical-reviewer")
    void deskPagesRefuseMalformedFormsFromAReviewer() {
        refuseMalformedForms("desk-reviewer", SEED + 2, "reviewer1");
    }

    @Test
    @TestSecurity(user = "editor1", roles = "editor")
    void deskPagesRefuseMalformedFormsFromAnEditor() {
        refuseMalformedForms("desk-editor", SEED + 3, "editor1");
    }

    /** Sends the seeded hostile requests to every desk page as {@code user}, the test method's session. */
    private void refuseMalformedForms(String run, long seed, String user) {
        HostileRun.run(database, run, HostileRequests.generate(seed, DESK_REQUESTS_PER_ROLE, deskEndpoints(user),
                (d, r) -> deskGuards(d, r, user)));
    }

    private List<Endpoint> deskEndpoints(String user) {
        Content content = HostileRun.content("desk-hostile");
        String token = DeskForms.token(user);
        // the list marks notifications read and a first page view stores the person: both before the snapshot
        given().get("/notifications").then().statusCode(200);
        String id = String.valueOf(content.draft());
        String version = String.valueOf(content.draftVersion());
        BiConsumer<Draft, RandomGenerator> staleVersion = (d, r) -> d.formField("version", "987654321");
        BiConsumer<Draft, RandomGenerator> noVersion = (d, r) -> d.removeFormField("version");
        BiConsumer<Draft, RandomGenerator> unknownId = (d, r) -> d.pathValues.put("id", "987654321");
        BiConsumer<Draft, RandomGenerator> noTitle = (d, r) -> d.formField("title", "");
        List<Map.Entry<String, String>> articleForm = List.of(Map.entry(CSRF, token),
                Map.entry("slug", "hostile-desk"), Map.entry("title", "Desk title"), Map.entry("summary", "A lead."),
                Map.entry("body", "## Dose\n\n5 mg."), Map.entry("category", "treatments-therapies"),
                Map.entry("authors", "anna-berg"), Map.entry("tags", "cancer"), Map.entry("refCitation", "Doe J. 2020."),
                Map.entry("refPmid", "12345"), Map.entry("changeNote", "Desk"), Map.entry("version", version),
                Map.entry("baseRevision", "1"), Map.entry("intent", "save"));
        List<Map.Entry<String, String>> actionForm = List.of(Map.entry(CSRF, token),
                Map.entry("action", "submit"), Map.entry("comment", "ok"), Map.entry("publishAt", ""),
                Map.entry("version", version));
        String boundary = "hostileboundary";
        byte[] upload = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + CSRF + "\"\r\n\r\n"
                + token + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"lines\"\r\n\r\n"
                + "{\"slug\":\"hostile-desk-import\",\"title\":\"Imported\"}\r\n--" + boundary + "--\r\n")
                .getBytes(StandardCharsets.UTF_8);
        List<Endpoint> endpoints = new ArrayList<>();
        endpoints.add(Endpoint.get("/"));
        endpoints.add(Endpoint.get("/articles").query("status", Kind.CHOICE, "draft")
                .query("category", Kind.SLUG, "treatments-therapies").query("mine", Kind.FLAG, "true")
                .query("page", Kind.NUMBER, "1"));
        endpoints.add(Endpoint.get("/articles/new"));
        endpoints.add(Endpoint.get("/pickers/authors").query("q", Kind.TEXT, "anna"));
        endpoints.add(Endpoint.of("POST", "/articles").form(articleForm).guard("no-title", noTitle));
        endpoints.add(Endpoint.get("/articles/{id}").path("id", Kind.ID, id).query("done", Kind.CHOICE, "saved"));
        endpoints.add(Endpoint.of("POST", "/articles/{id}").path("id", Kind.ID, id).form(articleForm)
                .guard("stale-version", staleVersion).guard("no-version", noVersion).guard("unknown-id", unknownId));
        endpoints.add(Endpoint.of("POST", "/articles/preview").form(articleForm)
                .guard("none: a preview writes nothing", (d, r) -> {
                }));
        endpoints.add(Endpoint.of("POST", "/scratch/{id}").path("id", Kind.ID, id).form(articleForm)
                .guard("no-version", noVersion).guard("unknown-id", unknownId));
        endpoints.add(Endpoint.of("POST", "/scratch/{id}/discard").path("id", Kind.ID, id)
                .form(List.of(Map.entry(CSRF, token))).guard("unknown-id", unknownId));
        endpoints.add(Endpoint.of("POST", "/articles/{id}/actions").path("id", Kind.ID, id).form(actionForm)
                .guard("stale-version", staleVersion).guard("no-version", noVersion).guard("unknown-id", unknownId));
        endpoints.add(Endpoint.get("/articles/{id}/history").path("id", Kind.ID, String.valueOf(content.live()))
                .query("from", Kind.NUMBER, "1").query("to", Kind.NUMBER, "1"));
        String live = String.valueOf(content.live());
        endpoints.add(Endpoint.get("/articles/{id}/translations").path("id", Kind.ID, live)
                .query("done", Kind.CHOICE, "created"));
        endpoints.add(Endpoint.of("POST", "/articles/{id}/translations").path("id", Kind.ID, live)
                .form(List.of(Map.entry(CSRF, token), Map.entry("locale", "de"), Map.entry("slug", "hostile-translation"),
                        Map.entry("title", "Feindlicher Titel")))
                .guard("unknown-id", unknownId).guard("no-slug", (d, r) -> d.formField("slug", ""))
                .guard("unconfigured-locale", (d, r) -> d.formField("locale", "xx")));
        endpoints.add(Endpoint.get("/translations"));
        endpoints.add(Endpoint.get("/review").query("locale", Kind.CHOICE, "de"));
        endpoints.add(Endpoint.get("/review/{id}").path("id", Kind.ID, String.valueOf(content.submitted())));
        endpoints.add(Endpoint.of("POST", "/review/{id}/actions").path("id", Kind.ID, String.valueOf(content.submitted()))
                .form(List.of(Map.entry(CSRF, token), Map.entry("action", "approve"),
                        Map.entry("comment", "fine"), Map.entry("version", String.valueOf(content.submittedVersion()))))
                .guard("stale-version", staleVersion).guard("no-version", noVersion).guard("unknown-id", unknownId));
        String submitted = String.valueOf(content.submitted());
        String thread = String.valueOf(content.thread());
        BiConsumer<Draft, RandomGenerator> unknownComment = (d, r) -> d.pathValues.put("comment", "987654321");
        BiConsumer<Draft, RandomGenerator> noText = (d, r) -> d.formField("body", "");
        endpoints.add(Endpoint.of("POST", "/articles/{id}/comments").path("id", Kind.ID, submitted)
                .form(List.of(Map.entry(CSRF, token), Map.entry("exact", "Body of"), Map.entry("prefix", ""),
                        Map.entry("suffix", ""), Map.entry("body", "Hostile?"), Map.entry("blocking", "true"),
                        Map.entry("from", "review")))
                .guard("unknown-id", unknownId).guard("no-text", noText)
                .guard("no-passage", (d, r) -> d.formField("exact", "")));
        endpoints.add(Endpoint.of("POST", "/articles/{id}/comments/{comment}/replies").path("id", Kind.ID, submitted)
                .path("comment", Kind.ID, thread)
                .form(List.of(Map.entry(CSRF, token), Map.entry("body", "Hostile reply"), Map.entry("from", "editor")))
                .guard("unknown-id", unknownId).guard("unknown-comment", unknownComment).guard("no-text", noText));
        endpoints.add(Endpoint.of("POST", "/articles/{id}/comments/{comment}/resolution").path("id", Kind.ID, submitted)
                .path("comment", Kind.ID, thread).form(List.of(Map.entry(CSRF, token), Map.entry("from", "review")))
                .guard("unknown-id", unknownId).guard("unknown-comment", unknownComment));
        endpoints.add(Endpoint.get("/search").query("q", Kind.TEXT, "dosage").query("status", Kind.CHOICE, "draft")
                .query("category", Kind.SLUG, "treatments-therapies").query("assignee", Kind.USER, "reviewer1")
                .query("review", Kind.CHOICE, "overdue").query("changedSince", Kind.TEXT, "2026-01-01")
                .query("cursor", Kind.CURSOR, "1.5_42"));
        endpoints.add(Endpoint.get("/search/vocabulary").query("done", Kind.CHOICE, "added"));
        endpoints.add(Endpoint.of("POST", "/search/vocabulary")
                .form(List.of(Map.entry(CSRF, token), Map.entry("terms", "hostile desk lay, hostile desk clinical")))
                .guard("one-term", (d, r) -> d.formField("terms", "lonely")));
        endpoints.add(Endpoint.get("/articles/{id}/reviewer").path("id", Kind.ID, submitted)
                .query("done", Kind.CHOICE, "assigned"));
        endpoints.add(Endpoint.of("POST", "/articles/{id}/reviewer").path("id", Kind.ID, submitted)
                .form(List.of(Map.entry(CSRF, token), Map.entry("reviewer", "reviewer1"), Map.entry("reason", "Why not"),
                        Map.entry("version", String.valueOf(content.submittedVersion()))))
                .guard("stale-version", staleVersion).guard("no-version", noVersion).guard("unknown-id", unknownId)
                .guard("no-reviewer-profile", (d, r) -> d.formField("reviewer", "no-such-reviewer")));
        endpoints.add(Endpoint.get("/reviewing").query("done", Kind.CHOICE, "declared"));
        endpoints.add(Endpoint.of("POST", "/reviewing/expertise").form(List.of(Map.entry(CSRF, token),
                Map.entry("specialties", "Oncology"), Map.entry("languages", "en")))
                .guard("too-many-specialties", (d, r) -> d.formField("specialties", "a,".repeat(21)))
                .guard("too-long-language", (d, r) -> d.formField("languages", "x".repeat(101))));
        endpoints.add(Endpoint.of("POST", "/reviewing/declarations").form(List.of(Map.entry(CSRF, token),
                Map.entry("organisation", "Hostile Org"), Map.entry("kind", "grant"),
                Map.entry("periodFrom", "2024-01-01"), Map.entry("periodTo", "")))
                .guard("no-organisation", (d, r) -> d.formField("organisation", ""))
                .guard("not-a-date", (d, r) -> d.formField("periodFrom", "yesterday"))
                .guard("ends-before-it-starts", (d, r) -> d.formField("periodTo", "2020-01-01")));
        endpoints.add(Endpoint.of("POST", "/reviewing/declarations/{id}/delete").path("id", Kind.ID, "987654321")
                .form(List.of(Map.entry(CSRF, token))).guard("unknown-id", unknownId));
        endpoints.add(Endpoint.get("/notifications").query("done", Kind.CHOICE, "preference"));
        endpoints.add(Endpoint.get("/local-mailbox"));
        endpoints.add(Endpoint.of("POST", "/notifications/preference").form(List.of(Map.entry(CSRF, token),
                Map.entry("preference", "daily"))).guard("unknown-preference", (d, r) -> d.formField("preference", "hourly")));
        endpoints.add(Endpoint.get("/catalog").query("done", Kind.CHOICE, "deleted"));
        endpoints.add(Endpoint.of("POST", "/catalog/categories").form(List.of(Map.entry(CSRF, token),
                Map.entry("slug", "treatments-therapies"), Map.entry("name", "Again"), Map.entry("description", ""),
                Map.entry("reviewIntervalMonths", "12")))
                .guard("existing-slug", (d, r) -> d.formField("slug", "treatments-therapies"))
                .guard("bad-interval", (d, r) -> d.formField("reviewIntervalMonths", "0")));
        endpoints.add(Endpoint.get("/catalog/categories/{slug}").path("slug", Kind.SLUG, "treatments-therapies"));
        endpoints.add(Endpoint.of("POST", "/catalog/categories/{slug}").path("slug", Kind.SLUG, "treatments-therapies")
                .form(List.of(Map.entry(CSRF, token), Map.entry("name", "Renamed"),
                        Map.entry("reviewIntervalMonths", "6"), Map.entry("version", "0")))
                .guard("stale-version", staleVersion).guard("no-version", noVersion));
        endpoints.add(Endpoint.of("POST", "/catalog/tags").form(List.of(Map.entry(CSRF, token),
                Map.entry("slug", "cancer"), Map.entry("name", "Again")))
                .guard("existing-slug", (d, r) -> d.formField("slug", "cancer")));
        endpoints.add(Endpoint.of("POST", "/catalog/tags/{slug}").path("slug", Kind.SLUG, "cancer")
                .form(List.of(Map.entry(CSRF, token), Map.entry("name", "Renamed"), Map.entry("version", "0")))
                .guard("stale-version", staleVersion).guard("no-version", noVersion));
        endpoints.add(Endpoint.get("/catalog/tags/{slug}/names").path("slug", Kind.SLUG, "cancer"));
        endpoints.add(Endpoint.of("POST", "/catalog/tags/{slug}/names").path("slug", Kind.SLUG, "cancer")
                .form(List.of(Map.entry(CSRF, token), Map.entry("version", "0"), Map.entry("locale", "de"),
                        Map.entry("name", "Krebs"), Map.entry("localSlug", "krebs")))
                .guard("stale-version", staleVersion).guard("no-version", noVersion)
                .guard("unconfigured-locale", (d, r) -> d.formField("locale", "xx"))
                .guard("bad-local-slug", (d, r) -> d.formField("localSlug", "Not a slug")));
        endpoints.add(Endpoint.get("/catalog/profiles/new"));
        endpoints.add(Endpoint.of("POST", "/catalog/profiles").form(List.of(Map.entry(CSRF, token),
                Map.entry("slug", "anna-berg"), Map.entry("displayName", "Anna Again"), Map.entry("author", "true")))
                .guard("existing-slug", (d, r) -> d.formField("slug", "anna-berg")));
        endpoints.add(Endpoint.get("/catalog/profiles/{slug}").path("slug", Kind.SLUG, "anna-berg"));
        endpoints.add(Endpoint.of("POST", "/catalog/profiles/{slug}").path("slug", Kind.SLUG, "anna-berg")
                .form(List.of(Map.entry(CSRF, token), Map.entry("displayName", "Anna Renamed"),
                        Map.entry("version", "0")))
                .guard("stale-version", staleVersion).guard("no-version", noVersion));
        endpoints.add(Endpoint.of("POST", "/catalog/{kind}/{slug}/delete").path("kind", Kind.CHOICE, "tags")
                .path("slug", Kind.SLUG, "cancer").form(List.of(Map.entry(CSRF, token)))
                .guard("unknown-slug", (d, r) -> d.pathValues.put("slug", "no-such-slug-here"))
                .guard("unknown-kind", (d, r) -> d.pathValues.put("kind", "articles")));
        endpoints.add(Endpoint.get("/calendar").query("view", Kind.CHOICE, "week").query("date", Kind.TIME, "2027-01-04")
                .query("category", Kind.SLUG, "treatments-therapies").query("done", Kind.CHOICE, "moved"));
        endpoints.add(Endpoint.of("POST", "/calendar/jobs/{job}/move")
                .path("job", Kind.ID, String.valueOf(content.scheduledJob()))
                .form(List.of(Map.entry(CSRF, token), Map.entry("to", LocalDate.now(ZoneOffset.UTC).plusDays(40).toString()),
                        Map.entry("version", String.valueOf(content.scheduledVersion())), Map.entry("view", "month"),
                        Map.entry("date", "2027-01-04"), Map.entry("category", "")))
                .guard("stale-version", staleVersion).guard("no-version", noVersion)
                .guard("unknown-job", (d, r) -> d.pathValues.put("job", "987654321"))
                .guard("past-day", (d, r) -> d.formField("to", "2001-02-03"))
                .guard("no-day", (d, r) -> d.removeFormField("to")));
        endpoints.add(Endpoint.get("/imports"));
        endpoints.add(Endpoint.of("POST", "/imports").raw("multipart/form-data; boundary=" + boundary, upload)
                .guard("blank-lines", (d, r) -> d.body = new String(d.body == null ? upload : d.body,
                        StandardCharsets.ISO_8859_1).replace("{\"slug\":\"hostile-desk-import\",\"title\":\"Imported\"}", " ")
                        .getBytes(StandardCharsets.ISO_8859_1)));
        endpoints.add(Endpoint.get("/imports/{id}").path("id", Kind.ID, String.valueOf(content.importJob())));
        endpoints.add(Endpoint.get("/signed-out"));
        endpoints.add(Endpoint.get("/media").query("q", Kind.TEXT, "rash").query("tag", Kind.TEXT, "skin"));
        byte[] image = mediaUpload(boundary, token, MediaImages.png(24, 24));
        endpoints.add(Endpoint.of("POST", "/media").raw("multipart/form-data; boundary=" + boundary, image)
                .guard("svg-file", (d, r) -> d.body = mediaUpload(boundary, token,
                        "<svg onload=\"alert(1)\"/>".getBytes(StandardCharsets.UTF_8))));
        endpoints.add(Endpoint.get("/media/{id}").path("id", Kind.ID, "987654321"));
        endpoints.add(Endpoint.of("POST", "/media/{id}").path("id", Kind.ID, "987654321")
                .form(List.of(Map.entry(CSRF, token), Map.entry("altText", "Hostile alt"), Map.entry("version", "0")))
                .guard("unknown-id", unknownId).guard("no-version", noVersion)
                .guard("bad-focal-point", (d, r) -> d.formField("focalX", "7")));
        return endpoints;
    }

    /**
     * A certain refusal for every write: the form without its CSRF token, or with the token of another
     * person's session (what a page of the attacker's own, or a planted cookie, would give).
     */
    private void deskGuards(Draft d, RandomGenerator r, String user) {
        String token = DeskForms.token(user);
        Endpoint.Guard noToken = new Endpoint.Guard("no-csrf-token", (draft, random) -> {
            draft.removeFormField(CSRF);
            replaceInBody(draft, token, "");
        });
        Endpoint.Guard otherSession = new Endpoint.Guard("other-session-csrf-token", (draft, random) -> {
            String other = DeskForms.token("attacker-" + user);
            if (draft.form != null) {
                draft.formField(CSRF, other);
            }
            replaceInBody(draft, token, other);
        });
        List<Endpoint.Guard> csrf = List.of(noToken, otherSession);
        if (HostileRequests.unsafe(d.method) && (d.rerouted() || r.nextInt(3) == 0)) {
            // the CSRF check alone, half as often as the endpoint's own refusals
            Endpoint.Guard guard = pick(r, csrf);
            guard.apply().accept(d, r);
            return;
        }
        HostileRequests.guardWrites(d, r, csrf);
    }

    /** A desk upload of one file, with the form's CSRF token. */
    private static byte[] mediaUpload(String boundary, String token, byte[] file) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + CSRF + "\"\r\n\r\n" + token
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"h.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(file);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    /** The multipart upload carries the token in its raw body. */
    private static void replaceInBody(Draft draft, String token, String replacement) {
        if (draft.body != null) {
            draft.body = new String(draft.body, StandardCharsets.ISO_8859_1).replace(token, replacement)
                    .getBytes(StandardCharsets.ISO_8859_1);
        }
    }
}
