package health.cms.admin.review;

import static health.cms.admin.testing.Tokens.reviewer1;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import health.cms.core.article.Article;
import health.cms.core.correction.ChangeClass;
import health.cms.core.taxonomy.Category;
import health.cms.core.taxonomy.CategoryRepository;
import health.cms.core.taxonomy.Tag;
import health.cms.core.taxonomy.TagRepository;
import health.cms.core.testing.EmbeddedPostgresResource;
import health.cms.workflow.Actor;
import health.cms.workflow.ArticleInput;
import health.cms.workflow.EditorialAction;
import health.cms.workflow.TransitionRequest;
import health.cms.workflow.testing.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.test.security.TestSecurity;

/**
 * The reviewer compares with what readers have now: for a live article the review screen and the
 * management API's diff start from the live revision, and everything the hash covers (byline, category,
 * tags) is shown and diffed.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class ReviewAgainstLiveTest {

    @Inject
    Clock clock;

    @BeforeEach
    void basics() {
        Fixtures.ensureBasics();
        QuarkusTransaction.requiringNew().run(() -> {
            CategoryRepository categories = Fixtures.bean(CategoryRepository.class);
            if (categories.findBySlug("diagnosis").isEmpty()) {
                categories.persist(new Category("diagnosis", "Diagnosis", null, 12, clock.instant()));
                Fixtures.bean(TagRepository.class).persist(new Tag("pain", "Pain", clock.instant()));
            }
        });
    }

    @Test
    @TestSecurity(user = "reviewer1", roles = "medical-reviewer")
    void diffOfLiveArticleIsAgainstLiveRevision() {
        Article typoFix = typoFixOnTopOfACancelledClinicalChange("against-live");

        // Against the last approved (but never published) revision 2 the 20 mg dose would not show at all.
        given().get("/review/" + typoFix.id()).then().statusCode(200)
                .body(containsString("What changed since the live revision (1), which readers see now"))
                .body(containsString("<ins class=\"numeric\" title=\"A number, unit or dose changed\">"))
                .body(containsString("20"))
                .body(containsString("id=\"change-class-floor\""))
                .body(containsString("classify this change as clinical or stronger"));
    }

    @Test
    void theManagementApiDiffsAgainstTheLiveRevisionByDefaultAndOnRequest() {
        Article typoFix = typoFixOnTopOfACancelledClinicalChange("api-against-live");
        String diff = "/manage/v1/articles/" + typoFix.id() + "/diff";

        reviewer1().get(diff).then().statusCode(200).body("from", equalTo(1)).body("to", equalTo(3));
        reviewer1().get(diff + "?from=live").then().statusCode(200).body("from", equalTo(1))
                .body("sections.find { it.heading == 'Section' }.segments.findAll { it.op == 'insert' }.text",
                        hasItem(containsString("20")));
        reviewer1().get(diff + "?from=approved").then().statusCode(200).body("from", equalTo(2));
        reviewer1().get("/manage/v1/articles/" + typoFix.id()).then().statusCode(200)
                .body("changeClassFloor", equalTo("clinical"));
        reviewer1().get(diff + "?from=yesterday").then().statusCode(400);
    }

    @Test
    @TestSecurity(user = "reviewer1", roles = "medical-reviewer")
    void aChangeOnlyToTheBylineTagsAndCategoryShowsOnTheReviewPage() {
        Article live = Fixtures.published("filing-only");
        ArticleInput same = Fixtures.input(live.slug(), "Article " + live.slug(), "## Section\n\nBody of filing-only.");
        Article refiled = Fixtures.drafting().edit(Fixtures.WRITER1, live.id(), live.version(),
                new ArticleInput(same.slug(), same.title(), same.summary(), same.body(), "diagnosis",
                        List.of("anna-berg", "robert-checker"), List.of("pain"), same.references(), "Refiled"));
        Article submitted = submit(Fixtures.WRITER1, refiled);

        given().get("/review/" + submitted.id()).then().statusCode(200)
                .body(containsString("<h4>Byline <span class=\"diff-status\">changed</span></h4>"))
                .body(containsString("<ins>\nRobert Checker (robert-checker)</ins>"))
                .body(containsString("<h4>Category <span class=\"diff-status\">changed</span></h4>"))
                .body(containsString("<ins>Diagnosis</ins>")).body(containsString("<ins>(diagnosis)</ins>"))
                .body(containsString("<h4>Tags <span class=\"diff-status\">changed</span></h4>"))
                .body(containsString("<del>Cancer</del><ins>Pain</ins>"))
                .body(not(containsString("<h4>Section ")))
                .body(containsString("Robert Checker, MD <code>robert-checker</code>"))
                .body(containsString("Diagnosis <code>diagnosis</code>"))
                .body(containsString("Pain <code>pain</code>"));
    }

    /** Live revision 1; revision 2 (20 mg) approved as clinical for later, then cancelled; revision 3 fixes a typo. */
    private Article typoFixOnTopOfACancelledClinicalChange(String slug) {
        Article live = Fixtures.published(slug);
        Article dose = submit(Fixtures.WRITER1, edit(live, "## Section\n\nTake 20 mg daily"));
        Article scheduled = Fixtures.transitions().apply(Fixtures.REVIEWER1, dose.id(), dose.version(),
                new TransitionRequest(EditorialAction.APPROVE, null, clock.instant().plus(Duration.ofDays(30)),
                        ChangeClass.CLINICAL, "The daily dose is now 20 mg."));
        Article cancelled = Fixtures.transitions().apply(Fixtures.EDITOR1, scheduled.id(), scheduled.version(),
                TransitionRequest.of(EditorialAction.CANCEL_SCHEDULE));
        return submit(Fixtures.WRITER1, edit(cancelled, "## Section\n\nTake 20 mg daily."));
    }

    private static Article edit(Article article, String body) {
        return Fixtures.drafting().edit(Fixtures.WRITER1, article.id(), article.version(),
                Fixtures.input(article.slug(), "Article " + article.slug(), body));
    }

    private static Article submit(Actor writer, Article article) {
        return Fixtures.transitions().apply(writer, article.id(), article.version(),
                TransitionRequest.of(EditorialAction.SUBMIT));
    }
}
