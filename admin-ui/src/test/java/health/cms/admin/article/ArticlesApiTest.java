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
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
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

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class ArticlesApiTest {

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
    void createReturns201WithLocationAndETag() {
        create("created-draft").then()
                .statusCode(201)
                .header("Location", containsString("/manage/v1/articles/"))
                .header("ETag", notNullValue())
                .body("status", equalTo("draft"))
                .body("live", equalTo(false))
                .body("workingRevision.number", equalTo(1))
                .body("workingRevision.contentHash", notNullValue())
                .body("availableActions", equalTo(List.of("submit")));
    }

    @Test
    void invalidDraftIsA400NamingEachField() {
        writer1().body(Map.of("slug", "Bad Slug", "title", "", "category", "nope", "authors", List.of()))
                .post("/manage/v1/articles")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("slug", "title", "summary", "category", "authors"));
    }

    @Test
    void overlongReferenceFieldsAreA400NamingThemNotAServerError() {
        Map<String, Object> article = new java.util.HashMap<>(article("overlong-reference", "## A\n\nText."));
        article.put("references", List.of(Map.of("citation", "Doe J. A trial.", "doi", "10.1000/" + "x".repeat(300)),
                Map.of("citation", "Doe J. Another trial.", "url", "https://example.org/" + "y".repeat(1100))));
        writer1().body(article).post("/manage/v1/articles")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("references[0].doi", "references[1].url"));
    }

    @Test
    void malformedJsonIsA400ProblemWithoutInternals() {
        writer1().body("{\"slug\": [1,2,3], ").post("/manage/v1/articles")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body(not(containsString("jackson")))
                .body(not(containsString("Exception")));
    }

    @Test
    void anonymousAndRoleLessCallersAreRefused() {
        given().contentType("application/json").body(article("anon", "x")).post("/manage/v1/articles")
                .then().statusCode(401);
        editor1().body(article("by-editor", "x")).post("/manage/v1/articles")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void editWithoutIfMatchIs428AndStaleIfMatchIs412SayingWhoChangedIt() {
        Response created = create("stale-edit");
        long id = created.jsonPath().getLong("id");
        String firstEtag = created.header("ETag");
        writer1().body(article("stale-edit", "no precondition")).put("/manage/v1/articles/" + id)
                .then().statusCode(428).contentType("application/problem+json");
        writer2().header("If-Match", firstEtag).body(article("stale-edit", "writer2's text"))
                .put("/manage/v1/articles/" + id).then().statusCode(200);
        writer1().header("If-Match", firstEtag).body(article("stale-edit", "writer1's text"))
                .put("/manage/v1/articles/" + id)
                .then().statusCode(412)
                .body("detail", containsString("writer2"));
        writer1().get("/manage/v1/articles/" + id + "/revisions")
                .then().statusCode(200)
                .body("size()", equalTo(2))
                .body("[1].body", containsString("writer2's text"));
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

    @Test
    void auditChainVerifiesForEditors() {
        create("audited");
        editor1().get("/manage/v1/audit/verify").then().statusCode(200).body("intact", equalTo(true));
        writer1().get("/manage/v1/audit/verify").then().statusCode(403);
    }

    @Test
    void deskListsFilterByStatusAndCategory() {
        submitted("listed-in-review");
        editor1().get("/manage/v1/articles?status=medical-review").then().statusCode(200)
                .body("slug", hasItem("listed-in-review"))
                .body("status", not(hasItem("draft")));
        editor1().get("/manage/v1/articles?status=bogus").then().statusCode(400)
                .body("errors[0].field", equalTo("status"));
        reviewer1().get("/manage/v1/review-queue").then().statusCode(200).body("slug", hasItem("listed-in-review"));
    }

    @Test
    void bulkApprovalSignsEachArticleSeparately() {
        String[] a = submitted("bulk-a");
        String[] b = submitted("bulk-b");
        Response own = reviewer2().body(article("bulk-own", "## A\n\nText.")).post("/manage/v1/articles");
        Response ownSubmitted = transition(reviewer2(), own.jsonPath().getLong("id"), own.header("ETag"), "submit", Map.of());
        List<Map<String, Object>> items = List.of(
                Map.of("id", Long.parseLong(a[0]), "version", Long.parseLong(a[1].replace("\"", ""))),
                Map.of("id", Long.parseLong(b[0]), "version", Long.parseLong(b[1].replace("\"", ""))),
                Map.of("id", own.jsonPath().getLong("id"), "version",
                        Long.parseLong(ownSubmitted.header("ETag").replace("\"", ""))));
        reviewer2().body(Map.of("articles", items, "comment", "Batch review")).post("/manage/v1/review-queue/approvals")
                .then().statusCode(200)
                .body("result", equalTo(List.of("approved", "approved", "refused")))
                .body("[2].reason", containsString("another medical reviewer"));
    }

    @Test
    void editorsAssignAReviewerWhoDidNotWriteTheRevision() {
        String[] article = submitted("assigned");
        long id = Long.parseLong(article[0]);
        writer1().header("If-Match", article[1]).body(Map.of("reviewer", "reviewer1"))
                .put("/manage/v1/articles/" + id + "/assignee").then().statusCode(403);
        editor1().header("If-Match", article[1]).body(Map.of("reviewer", "writer1"))
                .put("/manage/v1/articles/" + id + "/assignee").then().statusCode(400)
                .body("errors[0].field", equalTo("reviewer"));
        editor1().header("If-Match", article[1]).body(Map.of("reviewer", "reviewer1"))
                .put("/manage/v1/articles/" + id + "/assignee").then().statusCode(200)
                .body("assignedReviewer", equalTo("reviewer1"));
        editor1().get("/manage/v1/articles?assignee=reviewer1").then().statusCode(200).body("slug", hasItem("assigned"));
        editor1().get("/manage/v1/articles?assignee=reviewer2").then().statusCode(200).body("slug", not(hasItem("assigned")));

        Response own = reviewer2().body(article("assigned-own", "## A\n\nText.")).post("/manage/v1/articles");
        editor1().header("If-Match", own.header("ETag")).body(Map.of("reviewer", "reviewer2"))
                .put("/manage/v1/articles/" + own.jsonPath().getLong("id") + "/assignee").then().statusCode(400)
                .body("errors[0].message", containsString("wrote or edited"));
    }
}
