package health.cms.admin.article;

import static health.cms.admin.testing.ManageApi.article;
import static health.cms.admin.testing.ManageApi.create;
import static health.cms.admin.testing.ManageApi.submitted;
import static health.cms.admin.testing.ManageApi.transition;
import static health.cms.admin.testing.Tokens.editor1;
import static health.cms.admin.testing.Tokens.reviewer1;
import static health.cms.admin.testing.Tokens.reviewer2;
import static health.cms.admin.testing.Tokens.writer1;
import static health.cms.admin.testing.Tokens.writer2;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import health.cms.core.audit.AuditLog;
import health.cms.core.review.SignOffRepository;
import health.cms.core.testing.EmbeddedPostgresResource;
import health.cms.workflow.testing.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;

/** Workflow transitions over the management API: roles, states, sign-off bound to the hash, concurrency. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class ArticleTransitionsApiTest {

    @Inject
    SignOffRepository signOffs;
    @Inject
    AuditLog audit;

    @BeforeEach
    void basics() {
        io.restassured.RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        Fixtures.ensureBasics();
    }

    @Test
    void fullFlowFromDraftToPublishedWithSignOffBoundToTheHash() {
        String[] article = submitted("full-flow");
        long id = Long.parseLong(article[0]);
        Response approved = transition(reviewer1(), id, article[1], "approve", Map.of("comment", "Doses checked."));
        approved.then().statusCode(200)
                .body("status", equalTo("published"))
                .body("live", equalTo(true))
                .body("liveRevision", equalTo(1))
                .body("reviewStatus", equalTo("current"))
                .body("workingRevision.signOffs[0].decision", equalTo("approved"))
                .body("workingRevision.signOffs[0].reviewerName", equalTo("Rita Reviewer"))
                .body("workingRevision.signOffs[0].reviewerCredentials", equalTo("MD, PhD"));
        assertEquals(approved.jsonPath().getString("workingRevision.contentHash"),
                approved.jsonPath().getString("workingRevision.signOffs[0].contentHash"));
        reviewer1().get("/manage/v1/articles/" + id + "/audit").then().statusCode(200)
                .body("action", equalTo(List.of("create", "submit", "approve")))
                .body("[2].actor", equalTo("reviewer1"))
                .body("[2].from", equalTo("medical-review"))
                .body("[2].to", equalTo("published"));
    }

    @Test
    void reviewerCannotApproveTheirOwnWorkWhateverTheirRoles() {
        Response created = reviewer2().body(article("own-work", "## A\n\nText.")).post("/manage/v1/articles");
        long id = created.jsonPath().getLong("id");
        Response submitted = transition(reviewer2(), id, created.header("ETag"), "submit", Map.of());
        transition(reviewer2(), id, submitted.header("ETag"), "approve", Map.of())
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("detail", containsString("another medical reviewer"));
        reviewer2().get("/manage/v1/articles/" + id).then().body("availableActions", not(hasItem("approve")));
        transition(reviewer1(), id, submitted.header("ETag"), "approve", Map.of()).then().statusCode(200);
    }

    @Test
    void anEditorInTheMiddleOfTheRoundCannotApproveEither() {
        Response created = create("co-edited");
        long id = created.jsonPath().getLong("id");
        Response edited = reviewer2().header("If-Match", created.header("ETag"))
                .body(article("co-edited", "## A\n\nreviewer2 edited this.")).put("/manage/v1/articles/" + id);
        Response submitted = transition(writer1(), id, edited.header("ETag"), "submit", Map.of());
        submitted.then().statusCode(200);
        transition(reviewer2(), id, submitted.header("ETag"), "approve", Map.of()).then().statusCode(403);
    }

    @Test
    void actionsRefusedForTheWrongRoleOrState() {
        Response created = create("wrong-state");
        long id = created.jsonPath().getLong("id");
        String etag = created.header("ETag");
        transition(reviewer1(), id, etag, "approve", Map.of()).then().statusCode(409);
        transition(reviewer1(), id, etag, "submit", Map.of()).then().statusCode(403);
        transition(editor1(), id, etag, "unpublish", Map.of()).then().statusCode(409);
        transition(writer1(), id, etag, "fly", Map.of()).then().statusCode(400).body("errors[0].field", equalTo("action"));
        transition(writer1(), id, etag, "publish-due", Map.of()).then().statusCode(400);
    }

    @Test
    void submitNeedsAReference() {
        Map<String, Object> noRefs = new java.util.HashMap<>(article("no-refs", "## A\n\nText."));
        noRefs.put("references", List.of());
        Response created = writer1().body(noRefs).post("/manage/v1/articles");
        transition(writer1(), created.jsonPath().getLong("id"), created.header("ETag"), "submit", Map.of())
                .then().statusCode(400).body("errors.field", hasItem("references"));
    }

    @Test
    void requestChangesNeedsACommentAndSendsTheArticleBack() {
        String[] article = submitted("needs-changes");
        long id = Long.parseLong(article[0]);
        transition(reviewer1(), id, article[1], "request-changes", Map.of()).then().statusCode(400)
                .body("errors[0].field", equalTo("comment"));
        transition(reviewer1(), id, article[1], "request-changes", Map.of("comment", "Cite the 2023 guideline."))
                .then().statusCode(200).body("status", equalTo("draft"))
                .body("workingRevision.signOffs[0].decision", equalTo("changes-requested"));
    }

    @Test
    void onlyTheSubmitterCanWithdraw() {
        String[] article = submitted("withdrawn");
        long id = Long.parseLong(article[0]);
        transition(writer2(), id, article[1], "withdraw", Map.of()).then().statusCode(403);
        transition(writer1(), id, article[1], "withdraw", Map.of()).then().statusCode(200).body("status", equalTo("draft"));
    }

    @Test
    void editingAPublishedArticleNeedsAChangeClassAndCorrectionNoteOnApproval() {
        String[] article = submitted("corrected");
        long id = Long.parseLong(article[0]);
        Response live = transition(reviewer1(), id, article[1], "approve", Map.of());
        Response edited = writer1().header("If-Match", live.header("ETag"))
                .body(article("corrected", "## Dosage\n\nTake 10 mg once a day.")).put("/manage/v1/articles/" + id);
        edited.then().statusCode(200).body("status", equalTo("draft")).body("live", equalTo(true))
                .body("liveRevision", equalTo(1)).body("workingRevision.number", equalTo(2));
        Response resubmitted = transition(writer1(), id, edited.header("ETag"), "submit", Map.of());
        String etag = resubmitted.header("ETag");
        transition(reviewer1(), id, etag, "approve", Map.of()).then().statusCode(400)
                .body("errors[0].field", equalTo("changeClass"));
        transition(reviewer1(), id, etag, "approve", Map.of("changeClass", "clinical")).then().statusCode(400)
                .body("errors[0].field", equalTo("correctionNote"));
        transition(reviewer1(), id, etag, "approve",
                Map.of("changeClass", "clinical", "correctionNote", "The daily dose was corrected from 5 mg to 10 mg."))
                .then().statusCode(200).body("liveRevision", equalTo(2));

        reviewer1().get("/manage/v1/articles/" + id + "/diff?from=1&to=2").then().statusCode(200)
                .body("sections.find { it.heading == 'Dosage' }.status", equalTo("changed"))
                .body("sections.find { it.heading == 'Dosage' }.segments.findAll { it.op == 'insert' }.text", hasItem("10"))
                .body("sections.find { it.heading == 'Dosage' }.segments.find { it.op == 'insert' }.numeric", equalTo(true))
                .body("sections.find { it.heading == 'Title' }.status", equalTo("unchanged"));
    }

    @Test
    void twoReviewersApprovingAtOnceYieldOneSignOffAndOnePublication() throws Exception {
        String[] article = submitted("race");
        long id = Long.parseLong(article[0]);
        CountDownLatch start = new CountDownLatch(1);
        Callable<Integer> approveAs1 = () -> {
            start.await();
            return transition(reviewer1(), id, article[1], "approve", Map.of()).statusCode();
        };
        Callable<Integer> approveAs2 = () -> {
            start.await();
            return transition(reviewer2(), id, article[1], "approve", Map.of()).statusCode();
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Future<Integer> first = pool.submit(approveAs1);
        Future<Integer> second = pool.submit(approveAs2);
        start.countDown();
        List<Integer> codes = List.of(first.get(), second.get());
        pool.shutdown();
        assertTrue(codes.contains(200) && codes.contains(412), "one approval wins, the other is told it is stale: " + codes);
        long approvals = QuarkusTransaction.requiringNew().call(() -> signOffs.count(
                "revision.article.id = ?1 and decision = ?2", id, health.cms.core.review.SignOff.Decision.APPROVED));
        assertEquals(1, approvals);
        reviewer1().get("/manage/v1/articles/" + id + "/audit").then()
                .body("findAll { it.action == 'approve' }.size()", equalTo(1));
        assertTrue(audit.verify().intact());
    }

    @Test
    void unpublishTakesTheArticleOfflineAndKeepsHistory() {
        String[] article = submitted("to-unpublish");
        long id = Long.parseLong(article[0]);
        Response live = transition(reviewer1(), id, article[1], "approve", Map.of());
        transition(writer1(), id, live.header("ETag"), "unpublish", Map.of()).then().statusCode(403);
        transition(editor1(), id, live.header("ETag"), "unpublish", Map.of("comment", "Outdated"))
                .then().statusCode(200).body("live", equalTo(false)).body("status", equalTo("draft"))
                .body("liveRevision", nullValue());
        editor1().get("/manage/v1/articles/" + id + "/revisions").then().body("size()", equalTo(1))
                .body("[0].signOffs[0].decision", equalTo("approved"));
    }

    @Test
    void recertifyKeepsTheRevisionAndRecordsANewReview() {
        String[] article = submitted("recertified");
        long id = Long.parseLong(article[0]);
        Response live = transition(reviewer1(), id, article[1], "approve", Map.of());
        transition(reviewer2(), id, live.header("ETag"), "recertify", Map.of("comment", "Still correct."))
                .then().statusCode(200)
                .body("liveRevision", equalTo(1))
                .body("workingRevision.signOffs.decision", equalTo(List.of("approved", "recertified")));
    }
}
