package health.cms.admin.translation;

import static health.cms.admin.testing.DeskForms.form;
import static health.cms.admin.testing.DeskForms.idFrom;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import health.cms.core.article.Article;
import health.cms.core.article.ArticleRepository;
import health.cms.core.testing.EmbeddedPostgresResource;
import health.cms.workflow.EditorialAction;
import health.cms.workflow.TransitionRequest;
import health.cms.workflow.TranslationService;
import health.cms.workflow.testing.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.test.security.TestSecurity;

/**
 * The desk's translation pages: starting a translation from an article, its languages with their state, the
 * source beside a translation with what changed since its base, and the queue of translations to update.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class TranslationPagesTest {

    @Test
    @TestSecurity(user = "writer2", roles = "writer")
    void aWriterStartsATranslationAsACopyOfTheSourceTextAndTheArticleListsIt() {
        Article source = Fixtures.published("desk-translated-source");

        String location = form("writer2").formParam("locale", "de").formParam("slug", "desk-uebersetzt")
                .formParam("title", "Übersetzter Titel").post("/articles/" + source.id() + "/translations")
                .then().statusCode(303).extract().header("Location");

        long id = idFrom(location);
        Article translation = QuarkusTransaction.requiringNew().call(() -> {
            Article t = Fixtures.bean(ArticleRepository.class).findById(id);
            t.workingRevision().bodyMarkdown();
            return t;
        });
        assertEquals("de", translation.locale());
        given().get("/articles/" + source.id() + "/translations").then().statusCode(200)
                .body(containsString("desk-uebersetzt")).body(containsString("Übersetzter Titel"))
                .body(not(containsString("<option value=\"de\"")));
        given().get("/articles/" + id + "/translations").then().statusCode(200)
                .body(containsString("side-by-side")).body(containsString("Body of desk-translated-source."));
    }

    @Test
    @TestSecurity(user = "writer2", roles = "writer")
    void aTakenLocaleIsRefusedOnTheFormWithItsMessage() {
        Article source = Fixtures.published("desk-taken-locale");
        Fixtures.publishedTranslation(source, "es", "desk-locale-tomada");

        form("writer2").formParam("locale", "es").formParam("slug", "desk-otra").formParam("title", "Otra")
                .post("/articles/" + source.id() + "/translations").then().statusCode(400)
                .body(containsString("already has a es translation"));
    }

    @Test
    @TestSecurity(user = "editor1", roles = "editor")
    void anOutdatedTranslationIsQueuedCountedOnTheDashboardAndShowsTheSourceChanges() {
        Article source = Fixtures.published("desk-outdated-source");
        Article german = Fixtures.publishedTranslation(source, "de", "desk-veraltet");
        SourceChanges.publishClinicalChange(source);

        given().get("/translations").then().statusCode(200).body(containsString("desk-veraltet"))
                .body(containsString("clinical"));
        given().get("/").then().statusCode(200).body(containsString("translations-to-update"));
        given().get("/articles/" + german.id() + "/translations").then().statusCode(200)
                .body(containsString("id=\"outdated\"")).body(containsString("40 mg"));
    }

    @Test
    @TestSecurity(user = "reviewer1", roles = "medical-reviewer")
    void theReviewQueueFiltersByLanguage() {
        Article source = Fixtures.published("desk-queue-source");
        Fixtures.submitted("desk-queue-english");
        Article german = Fixtures.bean(TranslationService.class).startFromSource(Fixtures.WRITER2, source.id(), "de",
                "desk-warteschlange", "Warteschlange");
        Fixtures.transitions().apply(Fixtures.WRITER2, german.id(), german.version(),
                TransitionRequest.of(EditorialAction.SUBMIT));

        given().queryParam("locale", "de").get("/review").then().statusCode(200)
                .body(containsString("Warteschlange")).body(not(containsString("Article desk-queue-english")));
        given().queryParam("locale", "xx").get("/review").then().statusCode(400);
    }
}
