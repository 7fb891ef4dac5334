package health.cms.admin.media;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import health.cms.admin.testing.DeskForms;
import health.cms.core.article.Article;
import health.cms.core.media.MediaAssetRepository;
import health.cms.core.media.MediaDescription;
import health.cms.core.testing.EmbeddedPostgresResource;
import health.cms.workflow.EditorialAction;
import health.cms.workflow.TransitionRequest;
import health.cms.workflow.testing.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.test.security.TestSecurity;

/** Library images in the desk: the reviewer sees each one with what is signed, the library says where it is used. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class ArticleImagesPagesTest {

    @BeforeEach
    void basics() {
        Fixtures.ensureBasics();
    }

    @Test
    @TestSecurity(user = "reviewer1", roles = "medical-reviewer")
    void theReviewScreenListsEachImageWithAltCaptionCreditAndConsent() {
        String sha = asset(new MediaDescription("A swollen left knee", "Knee after a sprain", "Photo: City Clinic", null,
                null, 0.5, 0.5, List.of(), true,
                new MediaDescription.Consent("J. Doe", Instant.parse("2026-05-01T00:00:00Z"), "FORM-77")));
        Article submitted = submittedWith("review-knee-image", sha);
        given().get("/review/" + submitted.id()).then().statusCode(200)
                .body(containsString("Images (signed with the text)"))
                .body(containsString("<code>media:" + sha + "</code> (lead image)"))
                .body(containsString("A swollen left knee"))
                .body(containsString("Knee after a sprain"))
                .body(containsString("Photo: City Clinic"))
                .body(containsString("consent given by J. Doe on 2026-05-01, reference FORM-77"))
                // the text as readers will see it shows the picture itself, with what is signed
                .body(containsString("<figure class=\"media\"><img src=\"http://localhost:8080/media/" + sha
                        + "/original.png\""))
                .body(containsString("<figcaption>Knee after a sprain <small>Photo: City Clinic</small></figcaption>"));
    }

    @Test
    @TestSecurity(user = "writer1", roles = "writer")
    void theLivePreviewShowsALibraryImageAsReadersWillGetIt() {
        String sha = asset(new MediaDescription("Peak flow meter", "Reading it", null, null, null, 0.5, 0.5, List.of(),
                false, null));
        DeskForms.form("writer1").formParam("title", "Peak flow").formParam("summary", "Lead")
                .formParam("body", "Before.\n\n![typed](media:" + sha + ")\n\n![x](media:" + "f".repeat(64) + ")")
                .post("/articles/preview").then().statusCode(200)
                .body(containsString("<p>Before.</p>\n<figure class=\"media\"><img src=\"http://localhost:8080/media/"
                        + sha + "/original.png\""))
                .body(containsString("alt=\"Peak flow meter\""))
                .body(containsString("<figcaption>Reading it</figcaption>"))
                .body(not(containsString("f".repeat(64))));
    }

    @Test
    @TestSecurity(user = "writer1", roles = "writer")
    void theImagePageGivesTheSnippetAndListsTheArticlesThatShowIt() {
        String sha = asset(new MediaDescription("Dose chart", null, null, null, null, 0.5, 0.5, List.of(), false, null));
        submittedWith("library-uses-chart", sha);
        long id = QuarkusTransaction.requiringNew()
                .call(() -> Fixtures.bean(MediaAssetRepository.class).findBySha256(sha).orElseThrow().id());
        given().get("/media/" + id).then().statusCode(200)
                .body(containsString("value=\"![Dose chart](media:" + sha + ")\""))
                .body(containsString("library-uses-chart</a>, revision 1"));
    }

    @Test
    @TestSecurity(user = "writer1", roles = "writer")
    void theEditorOffersTheNewestImagesAsSnippetsToCopyWithoutJavaScript() {
        String sha = asset(new MediaDescription("Inhaler [blue]", null, null, null, null, 0.5, 0.5, List.of(), false, null));
        given().get("/articles/new").then().statusCode(200)
                .body(containsString("<details class=\"media-picker\">"))
                .body(containsString("value=\"![Inhaler blue](media:" + sha + ")\""));
    }

    private static Article submittedWith(String slug, String sha) {
        Article draft = Fixtures.drafting().create(Fixtures.WRITER1, Fixtures.withLeadImage(
                Fixtures.input(slug, "Article " + slug, "## Section\n\nSee the picture.\n\n![Picture](media:" + sha + ")"),
                sha));
        return Fixtures.transitions().apply(Fixtures.WRITER1, draft.id(), draft.version(),
                TransitionRequest.of(EditorialAction.SUBMIT));
    }

    private static String asset(MediaDescription description) {
        return Fixtures.mediaAsset(description);
    }
}
