package health.cms.admin.article;

import static health.cms.admin.testing.DeskForms.form;
import static health.cms.admin.testing.DeskForms.idFrom;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import health.cms.core.article.Article;
import health.cms.core.article.ArticleRepository;
import health.cms.core.testing.EmbeddedPostgresResource;
import health.cms.workflow.testing.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.test.security.TestSecurity;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class ArticlePagesTest {

    @BeforeEach
    void basics() {
        Fixtures.ensureBasics();
    }

    private static RequestSpecification article(String slug, String title, String body) {
        return article("writer1", slug, title, body);
    }

    private static RequestSpecification article(String user, String slug, String title, String body) {
        return form(user).formParam("slug", slug).formParam("title", title)
                .formParam("summary", "Immunotherapy helps the immune system recognise cancer cells.")
                .formParam("body", body).formParam("category", "treatments-therapies")
                .formParam("authors", "anna-berg").formParam("tags", "cancer")
                .formParam("refCitation", "Doe J. Checkpoint inhibitors. NEJM. 2021;384:1.")
                .formParam("refDoi", "10.1056/nejm.2021").formParam("refPmid", "12345").formParam("refUrl", "")
                .formParam("refCitation", "").formParam("refDoi", "").formParam("refPmid", "").formParam("refUrl", "")
                .formParam("changeNote", "First draft").formParam("intent", "save");
    }

    private static Article stored(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Fixtures.bean(ArticleRepository.class).findById(id));
    }

    @Test
    @TestSecurity(user = "writer1", roles = "writer")
    void writerCreatesADraftAndIsRedirectedToIt() {
        String location = article("page-immunotherapy", "Immunotherapy: treatment, effect and risks",
                "## How it works\n\nThe dose is 200 mg every three weeks.").post("/articles")
                .then().statusCode(303).extract().header("Location");
        long id = idFrom(location);
        assertEquals("page-immunotherapy", stored(id).slug());
        given().get("/articles/" + id + "?done=created").then().statusCode(200)
                .body(containsString("Draft created."))
                .body(containsString("value=\"Immunotherapy: treatment, effect and risks\""))
                .body(containsString("data-action=\"submit\""))
                .body(not(containsString("data-action=\"approve\"")));
    }

    @Test
    @TestSecurity(user = "writer1", roles = "writer")
    void aLongArticleIsSavedAndPreviewedThroughTheForm() {
        String body = "## Dosage\n\n" + "Take 5 mg once a day with water. ".repeat(3_000);
        article("page-long", "A long article", body).post("/articles").then().statusCode(303);
        form("writer1").formParam("title", "Long").formParam("summary", "Lead").formParam("body", body)
                .post("/articles/preview").then().statusCode(200).body(containsString("Take 5 mg once a day"));
    }

    @Test
    @TestSecurity(user = "writer1", roles = "writer")
    void aRefusedFormKeepsEverythingTypedAndNamesTheField() {
        article("page-invalid", "", "## My long text\n\nNothing of this may be lost.")
                .formParam("refCitation", "").formParam("refPmid", "abc")
                .post("/articles")
                .then().statusCode(400)
                .body(containsString("Please correct the fields marked below."))
                .body(containsString("id=\"f-title-error\""))
                .body(containsString("Nothing of this may be lost."))
                .body(containsString("value=\"page-invalid\""));
    }

    @Test
    @TestSecurity(user = "writer1", roles = "writer")
    void aFormPostWithoutTheCsrfTokenIsRefusedWithAnExplanation() {
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("slug", "page-forged").formParam("title", "Forged")
                .post("/articles")
                .then().statusCode(400)
                .body(containsString("security token was missing or belongs to an earlier sign-in"));
        long count = QuarkusTransaction.requiringNew()
                .call(() -> Fixtures.bean(ArticleRepository.class).count("slug", "page-forged"));
        assertEquals(0, count);
    }

    @Test
    @TestSecurity(user = "editor1", roles = "editor")
    void anEditorWithoutTheWriterRoleGetsAFriendlyRefusal() {
        given().get("/articles/new").then().statusCode(403)
                .body(containsString("Writing articles needs the writer role"))
                .body(not(containsString("Exception")));
        article("editor1", "page-by-editor", "By an editor", "Text").post("/articles").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "writer1", roles = "writer")
    void everyFieldOfTheEditorHasALabel() {
        Article draft = Fixtures.draft("page-labels");
        String html = given().get("/articles/" + draft.id()).then().statusCode(200).extract().asString();
        Matcher field = Pattern.compile("<(input|select|textarea)\\b([^>]*)>").matcher(html);
        int checked = 0;
        while (field.find()) {
            String attributes = field.group(2);
            if (attributes.contains("type=\"hidden\"")) {
                continue;
            }
            Matcher id = Pattern.compile("\\bid=\"([^\"]+)\"").matcher(attributes);
            boolean labelled = attributes.contains("aria-label=")
                    || id.find() && html.contains("<label for=\"" + id.group(1) + "\"");
            assertTrue(labelled, "unlabelled field: " + field.group());
            checked++;
        }
        assertTrue(checked > 15, "the editor has its fields: " + checked);
    }

    @Test
    @TestSecurity(user = "writer1", roles = "writer")
    void aMissingArticleIsAFriendlyNotFoundPage() {
        given().get("/articles/999999").then().statusCode(404)
                .body(containsString("Article 999999"))
                .body(containsString("Go to your dashboard"));
    }

    @Test
    @TestSecurity(user = "writer1", roles = "writer")
    void thePreviewIsRenderedAndSanitizedOnTheServer() {
        form("writer1").formParam("title", "Preview <b>title</b>").formParam("summary", "Lead")
                .formParam("body", "## Dose\n\nTake **5 mg**.<script>alert(1)</script><img src=x onerror=alert(2)>")
                .post("/articles/preview")
                .then().statusCode(200)
                .body(containsString("<strong>5 mg</strong>"))
                .body(containsString("Preview &lt;b&gt;title&lt;/b&gt;"))
                .body(not(containsString("<script")))
                .body(not(containsString("onerror")));
    }

    @Test
    @TestSecurity(user = "writer1", roles = "writer")
    void aPreviewOfABodyOverTheSaveLimitIsNotRendered() {
        String body = "## Heading\n\nUnrendered marker.\n\n" + "# h\n".repeat(60_000);
        form("writer1").formParam("title", "Huge").formParam("summary", "Lead").formParam("body", body)
                .post("/articles/preview")
                .then().statusCode(200)
                .body(containsString("must be at most 200000 characters"))
                .body(not(containsString("Unrendered marker.")));
    }

    @Test
    @TestSecurity(user = "writer1", roles = "writer")
    void editingAPublishedArticleSaysTheLiveVersionStays() {
        Article live = Fixtures.published("page-live");
        given().get("/articles/" + live.id()).then().statusCode(200)
                .body(containsString("Readers keep seeing revision 1 until a medical reviewer approves your changes"));
    }

    @Test
    @TestSecurity(user = "writer1", roles = "writer")
    void aStaleSaveShowsTheirChangesBesideYourTextAndLosesNothing() {
        Article draft = Fixtures.draft("page-conflict");
        long loadedVersion = draft.version();
        // writer2 saves first, changing the dose
        Fixtures.drafting().edit(Fixtures.WRITER2, draft.id(), loadedVersion,
                Fixtures.input("page-conflict", "Conflict", "## Section\n\nBody of page-conflict. Take 10 mg once a day."));
        String page = article("page-conflict", "Conflict", "## Dosage\n\nMy own paragraph that must survive.")
                .formParam("version", loadedVersion).formParam("baseRevision", 1)
                .post("/articles/" + draft.id())
                .then().statusCode(412)
                .body(containsString("writer2 saved a newer version at"))
                .body(containsString("My own paragraph that must survive."))
                .extract().asString();
        assertTrue(page.contains("<ins class=\"numeric\""), "their changed dose is flagged");
        Article now = stored(draft.id());
        assertTrue(page.contains("name=\"version\" value=\"" + now.version() + "\""),
                "the form now saves against the stored version");
        // saving the merged text again succeeds and keeps both revisions
        article("page-conflict", "Conflict", "## Dosage\n\nTake 10 mg once a day. My own paragraph.")
                .formParam("version", now.version()).formParam("baseRevision", 2)
                .post("/articles/" + draft.id()).then().statusCode(303);
        int working = QuarkusTransaction.requiringNew().call(
                () -> Fixtures.bean(ArticleRepository.class).findById(draft.id()).workingRevision().number());
        assertEquals(3, working);
    }

    @Test
    @TestSecurity(user = "writer1", roles = "writer")
    void submittingFromTheEditorRunsTheWorkflowAndRedirects() {
        Article draft = Fixtures.draft("page-submit");
        form("writer1").formParam("action", "submit").formParam("version", draft.version())
                .post("/articles/" + draft.id() + "/actions")
                .then().statusCode(303)
                .header("Location", containsString("/articles/" + draft.id() + "?done=submit"));
        assertEquals("medical-review", stored(draft.id()).status().value());
        given().get("/articles/" + draft.id()).then().statusCode(200)
                .body(containsString("its text is locked"))
                .body(allOf(containsString("<fieldset disabled>"), containsString("data-action=\"withdraw\"")));
    }

    @Test
    @TestSecurity(user = "writer1", roles = "writer")
    void historyShowsRevisionsAuditAndADiffBetweenAnyTwo() {
        Article draft = Fixtures.draft("page-history");
        Fixtures.drafting().edit(Fixtures.WRITER1, draft.id(), draft.version(),
                Fixtures.input("page-history", "History", "## Dosage\n\nTake 7 mg."));
        given().get("/articles/" + draft.id() + "/history?from=1&to=2").then().statusCode(200)
                .body(containsString("Revision 1 → 2"))
                .body(containsString("<ins class=\"numeric\""))
                .body(containsString("writer1</strong> edit"));
        given().get("/articles/" + draft.id() + "/history?from=x&to=2").then().statusCode(400)
                .body(containsString("must be a revision number"));
    }

    @Test
    @TestSecurity(user = "writer1", roles = "writer")
    void theListFiltersByStatusAndRefusesUnknownOnes() {
        Fixtures.draft("page-list-draft");
        given().get("/articles?status=draft").then().statusCode(200).body(containsString("Article page-list-draft"));
        given().get("/articles?status=bogus").then().statusCode(400).body(containsString("unknown status"));
    }
}
