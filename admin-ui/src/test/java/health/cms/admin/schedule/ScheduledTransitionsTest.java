package health.cms.admin.schedule;

import static health.cms.admin.testing.ManageApi.submitted;
import static health.cms.admin.testing.ManageApi.transition;
import static health.cms.admin.testing.Tokens.editor1;
import static health.cms.admin.testing.Tokens.reviewer1;
import static health.cms.admin.testing.Tokens.reviewer2;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import health.cms.core.testing.EmbeddedPostgresResource;
import health.cms.core.testing.MutableClock;
import health.cms.workflow.testing.Fixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class ScheduledTransitionsTest {

    @Inject
    ScheduledTransitions scheduler;
    @Inject
    MutableClock clock;

    @BeforeEach
    void basics() {
        Fixtures.ensureBasics();
        scheduler.runDueJobs();
    }

    @Test
    void aScheduledPublicationFiresOnceWithTwoSchedulerInstances() throws Exception {
        String[] article = submitted("scheduled-once");
        long id = Long.parseLong(article[0]);
        Instant goLive = clock.instant().plus(Duration.ofHours(1));
        transition(reviewer1(), id, article[1], "approve", Map.of("publishAt", goLive.toString()))
                .then().statusCode(200).body("status", equalTo("scheduled")).body("live", equalTo(false))
                .body("scheduled[0].action", equalTo("publish"));
        assertEquals(0, scheduler.runDueJobs(), "nothing is due yet");

        clock.advance(Duration.ofHours(2));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService instances = Executors.newFixedThreadPool(2);
        List<Future<Integer>> runs = List.of(
                instances.submit(() -> {
                    start.await();
                    return scheduler.runDueJobs();
                }),
                instances.submit(() -> {
                    start.await();
                    return scheduler.runDueJobs();
                }));
        start.countDown();
        int ran = runs.get(0).get() + runs.get(1).get();
        instances.shutdown();

        assertEquals(1, ran, "exactly one of the two instances ran the job");
        reviewer1().get("/manage/v1/articles/" + id).then().body("status", equalTo("published"))
                .body("live", equalTo(true)).body("scheduled.size()", equalTo(0));
        reviewer1().get("/manage/v1/articles/" + id + "/audit").then()
                .body("findAll { it.action == 'publish-due' }.size()", equalTo(1))
                .body("find { it.action == 'publish-due' }.actor", equalTo("scheduler"));
    }

    @Test
    void aScheduledUnpublicationTakesTheArticleOfflineLater() {
        String[] article = submitted("scheduled-offline");
        long id = Long.parseLong(article[0]);
        Response live = transition(reviewer1(), id, article[1], "approve", Map.of());
        transition(editor1(), id, live.header("ETag"), "unpublish",
                Map.of("unpublishAt", clock.instant().plus(Duration.ofDays(1)).toString()))
                .then().statusCode(200).body("live", equalTo(true)).body("scheduled[0].action", equalTo("unpublish"));
        clock.advance(Duration.ofDays(2));
        assertEquals(1, scheduler.runDueJobs());
        editor1().get("/manage/v1/articles/" + id).then().body("live", equalTo(false));
    }

    @Test
    void aPublicationPastAnEditIsCancelledNotForced() {
        String[] article = submitted("cancelled-schedule");
        long id = Long.parseLong(article[0]);
        Response scheduled = transition(reviewer1(), id, article[1], "approve",
                Map.of("publishAt", clock.instant().plus(Duration.ofHours(1)).toString()));
        transition(editor1(), id, scheduled.header("ETag"), "cancel-schedule", Map.of()).then().statusCode(200)
                .body("status", equalTo("draft"));
        clock.advance(Duration.ofHours(2));
        assertEquals(0, scheduler.runDueJobs());
        editor1().get("/manage/v1/articles/" + id).then().body("live", equalTo(false));
    }

    @Test
    void reviewDatesMoveFromCurrentToDueSoonToOverdueAndRecertifyResetsThem() {
        String[] article = submitted("re-review");
        long id = Long.parseLong(article[0]);
        Response live = transition(reviewer1(), id, article[1], "approve", Map.of());
        live.then().body("reviewStatus", equalTo("current"));

        clock.advance(Duration.ofDays(350));
        editor1().get("/manage/v1/articles/" + id).then().body("reviewStatus", equalTo("due-soon"));
        reviewer1().get("/manage/v1/review-queue").then().body("slug", hasItem("re-review"));

        clock.advance(Duration.ofDays(30));
        editor1().get("/manage/v1/articles/" + id).then().body("reviewStatus", equalTo("overdue"))
                .body("live", equalTo(true));

        Response current = editor1().get("/manage/v1/articles/" + id);
        transition(reviewer2(), id, current.header("ETag"), "recertify", Map.of("comment", "Still right."))
                .then().statusCode(200).body("reviewStatus", equalTo("current"));
        reviewer1().get("/manage/v1/review-queue").then().body("slug", not(hasItem("re-review")));
    }

}
