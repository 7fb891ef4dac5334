package health.cms.admin.comment;

import static health.cms.admin.testing.ManageApi.submitted;
import static health.cms.admin.testing.ManageApi.transition;
import static health.cms.admin.testing.Tokens.editor1;
import static health.cms.admin.testing.Tokens.reviewer1;
import static health.cms.admin.testing.Tokens.reviewer2;
import static health.cms.admin.testing.Tokens.writer1;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import health.cms.core.testing.EmbeddedPostgresResource;
import health.cms.workflow.testing.Fixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/** The review conversation over the management API, and blocking comments on the API's two ways to approve. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class CommentsApiTest {

    @BeforeEach
    void basics() {
        Fixtures.ensureBasics();
    }

    @Test
    void aBlockingCommentRefusesTheApiApprovalUntilTheWriterResolvesIt() {
        String[] article = submitted("api-comment-blocks");
        long id = Long.parseLong(article[0]);
        int comment = reviewer1().body(blocking("Take 5 mg once a day", "Which guideline says 5 mg?"))
                .post("/manage/v1/articles/" + id + "/comments").then().statusCode(201)
                .body("anchor", equalTo("current")).body("quote.exact", equalTo("Take 5 mg once a day"))
                .body("quote.prefix", containsString("Dosage")).body("blocking", equalTo(true))
                .body("open", equalTo(true)).extract().path("id");

        transition(reviewer1(), id, article[1], "approve", Map.of()).then().statusCode(409)
                .body("detail", containsString("blocking review comment"));

        writer1().body(Map.of("text", "NICE 2024, added as a reference.")).post("/manage/v1/articles/" + id
                + "/comments/" + comment + "/replies").then().statusCode(201)
                .body("replies.text", hasItem("NICE 2024, added as a reference."));
        writer1().post("/manage/v1/articles/" + id + "/comments/" + comment + "/resolution").then().statusCode(200)
                .body("open", equalTo(false)).body("resolvedBy", equalTo("writer1"));
        transition(reviewer1(), id, article[1], "approve", Map.of()).then().statusCode(200)
                .body("status", equalTo("published"));
    }

    @Test
    void bulkApprovalRefusesAnArticleWithABlockingCommentAndApprovesTheOthers() {
        String[] blocked = submitted("bulk-comment-blocked");
        String[] clear = submitted("bulk-comment-clear");
        reviewer1().body(blocking("Take 5 mg once a day", "Dose?")).post("/manage/v1/articles/" + blocked[0]
                + "/comments").then().statusCode(201);

        reviewer2().body(Map.of("articles", List.of(item(blocked), item(clear)), "comment", "Batch"))
                .post("/manage/v1/review-queue/approvals").then().statusCode(200)
                .body("find { it.id == " + blocked[0] + " }.result", equalTo("refused"))
                .body("find { it.id == " + blocked[0] + " }.reason", containsString("blocking review comment"))
                .body("find { it.id == " + clear[0] + " }.result", equalTo("approved"));
    }

    @Test
    void writersCannotStartAThreadAndBadInputIsNamed() {
        String[] article = submitted("api-comment-refusals");
        String comments = "/manage/v1/articles/" + article[0] + "/comments";
        writer1().body(blocking("Take 5 mg once a day", "Mine")).post(comments).then().statusCode(403);
        editor1().body(blocking("words nobody wrote", "Hmm")).post(comments).then().statusCode(400)
                .body("errors.field", hasItem("quote"));
        editor1().body(Map.of("quote", Map.of("exact", "x".repeat(1001)), "text", "Long")).post(comments).then()
                .statusCode(400);
        editor1().body(Map.of("quote", Map.of("exact", "Take"), "text", "")).post(comments).then().statusCode(400);
        editor1().post(comments + "/987654321/resolution").then().statusCode(404);
        writer1().get(comments).then().statusCode(200).body("", hasSize(0));
    }

    private static Map<String, Object> blocking(String exact, String text) {
        return Map.of("quote", Map.of("exact", exact), "text", text, "blocking", true);
    }

    private static Map<String, Object> item(String[] article) {
        return Map.of("id", Long.parseLong(article[0]), "version", Long.parseLong(article[1].replace("\"", "")));
    }
}
