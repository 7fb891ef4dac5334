package health.cms.delivery.article;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import health.cms.core.article.Article;
import health.cms.delivery.testing.DeliveryRoleResource;
import health.cms.delivery.testing.Publishing;
import health.cms.workflow.ArticleInput;
import health.cms.workflow.testing.Fixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(DeliveryRoleResource.class)
class ArticleResourceTest {

    @Test
    void returnsThePublishedArticleWithItsMedicalReview() {
        Fixtures.published("checkpoint-inhibitors");
        given().get("/api/v1/articles/checkpoint-inhibitors")
                .then()
                .statusCode(200)
                .contentType("application/json")
                .body("slug", equalTo("checkpoint-inhibitors"))
                .body("title", equalTo("Article checkpoint-inhibitors"))
                .body("body.html", containsString("<h2 id=\"section\">Section</h2>"))
                .body("body.markdown", containsString("## Section"))
                .body("tableOfContents[0].anchor", equalTo("section"))
                .body("category.name", equalTo("Treatments & Therapies"))
                .body("tags.slug", hasItem("cancer"))
                .body("authors[0].name", equalTo("Anna Berg"))
                .body("authors[0].credentials", equalTo("MD"))
                .body("medicalReview.reviewerName", equalTo("Rita Reviewer"))
                .body("medicalReview.reviewerCredentials", equalTo("MD, PhD"))
                .body("medicalReview.status", equalTo("current"))
                .body("medicalReview.nextReviewDue", notNullValue())
                .body("references[0].pmid", equalTo("1234567"))
                .body("firstPublishedAt", notNullValue());
    }

    @Test
    void returns404ForDraftExactlyLikeAMissingSlug() {
        Fixtures.draft("draft-only");
        String missing = given().get("/api/v1/articles/no-such-article").then().statusCode(404)
                .contentType("application/problem+json").extract().asString();
        String draft = given().get("/api/v1/articles/draft-only").then().statusCode(404)
                .contentType("application/problem+json").extract().asString();
        assertEquals(missing, draft, "a draft must be indistinguishable from a missing article");
    }

    @Test
    void returns404ForArticleInMedicalReview() {
        Fixtures.submitted("waiting-for-review");
        given().get("/api/v1/articles/waiting-for-review")
                .then()
                .statusCode(404)
                .body("status", equalTo(404))
                .body("title", equalTo("Not found"));
    }

    @Test
    void editingAPublishedArticleLeavesTheLiveVersionUntilApproved() {
        Article live = Fixtures.published("statins");
        Fixtures.drafting().edit(Fixtures.WRITER1, live.id(), live.version(),
                Fixtures.input("statins", "Statins, revised", "## Section\n\nNew unreviewed text."));
        given().get("/api/v1/articles/statins")
                .then()
                .statusCode(200)
                .body("title", equalTo("Article statins"))
                .body("body.markdown", not(containsString("unreviewed")));
    }

    @Test
    void malformedSlugIsA400ProblemNamingTheParameter() {
        given().get("/api/v1/articles/NOT_A_SLUG")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("slug"))
                .body(not(containsString("Exception")));
    }

    @Test
    void aRenamedSlugAnswers301ToTheNewOneAndNothingForHiddenArticles() {
        Article live = Fixtures.published("old-name");
        given().get("/api/v1/articles/old-name").then().statusCode(200);
        Fixtures.drafting().renameSlug(Fixtures.EDITOR1, live.id(), live.version(), "new-name");
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(1);
        int status = 0;
        while (java.time.Instant.now().isBefore(deadline) && status != 301) {
            status = given().redirects().follow(false).get("/api/v1/articles/old-name").statusCode();
        }
        assertEquals(301, status);
        given().redirects().follow(false).get("/api/v1/articles/old-name").then()
                .header("Location", containsString("/api/v1/articles/new-name"));
        given().get("/api/v1/articles/new-name").then().statusCode(200).body("slug", equalTo("new-name"));

        Article draft = Fixtures.draft("draft-old-name");
        Fixtures.drafting().renameSlug(Fixtures.EDITOR1, draft.id(), draft.version(), "draft-new-name");
        given().redirects().follow(false).get("/api/v1/articles/draft-old-name").then().statusCode(404);
    }

    @Test
    void aScriptEndTagInATitleCannotBreakOutOfTheJsonLdBlock() throws Exception {
        Fixtures.ensureBasics();
        String title = "Dose </script><script>alert(1)</script> <!-- & more \u2028 end";
        ArticleInput input = Fixtures.input("script-in-title", title, "## Section\n\nText.");
        Publishing.publish(Fixtures.drafting().create(Fixtures.WRITER1, new ArticleInput(input.slug(), title,
                input.summary(), input.body(), input.category(), input.authors(), input.tags(),
                List.of(new ArticleInput.ReferenceInput("Trial </SCRIPT > results", null, null, null)), "First")));

        String script = given().get("/api/v1/articles/script-in-title").then().statusCode(200).extract()
                .path("jsonLdScript");

        String lower = script.toLowerCase(Locale.ROOT);
        assertFalse(lower.contains("</script") || lower.contains("<!--") || script.contains("<")
                || script.contains(">") || script.contains("&") || script.contains("\u2028"), script);
        JsonNode parsed = new ObjectMapper().readTree(script);
        assertEquals(title, parsed.path("headline").asText(), "the embedded JSON reads back as the exact title");
        assertEquals("Trial </SCRIPT > results", parsed.path("citation").path(0).path("name").asText());
    }

    @Test
    void theServedMarkdownDoesNotCarryWhatTheSanitizerRemoved() {
        Fixtures.ensureBasics();
        Publishing.publish(Fixtures.drafting().create(Fixtures.WRITER1, Fixtures.input("markdown-served", "Served",
                "## Section\n\nTake 5 mg<script>steal()</script> daily.\n\n[Leaflet](javascript:alert(1))\n\n"
                        + "<iframe src=\"https://evil.example\"></iframe>\n\n[NICE](https://www.nice.org.uk/)")));

        String markdown = given().get("/api/v1/articles/markdown-served").then().statusCode(200).extract()
                .path("body.markdown");

        assertFalse(markdown.contains("<script") || markdown.contains("javascript:") || markdown.contains("<iframe"),
                markdown);
        assertTrue(markdown.contains("Take 5 mg daily.") && markdown.contains("Leaflet")
                && markdown.contains("[NICE](https://www.nice.org.uk/)"), markdown);
    }
}
