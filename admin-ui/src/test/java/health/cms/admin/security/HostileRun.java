package health.cms.admin.security;

import static health.cms.admin.testing.Tokens.accessToken;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

import javax.sql.DataSource;

import health.cms.core.article.Article;
import health.cms.core.comment.TextQuote;
import health.cms.core.testing.DatabaseSnapshot;
import health.cms.core.testing.hostile.HostileRequest;
import health.cms.core.testing.hostile.HostileRequests;
import health.cms.workflow.EditorialAction;
import health.cms.workflow.TransitionRequest;
import health.cms.workflow.comment.ReviewComments;
import health.cms.workflow.schedule.ScheduledJobRepository;
import health.cms.workflow.testing.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.RestAssured;

/**
 * What the hostile-request suites share: articles in each state and a finished import to aim at, and
 * one run that checks every answer (no 5xx, no internals, problem+json from the API, pages from the
 * desk) and that the database did not change.
 */
final class HostileRun {

    static final long SEED = Long.getLong("hostile.seed", 20_261_207L);
    static final String CSRF = "csrf-token";

    private HostileRun() {
    }

    /**
     * Articles in each state, a finished import, a comment thread on the submitted one and the planned publication
     * of a scheduled one, made once per suite with slugs starting with {@code prefix}.
     */
    record Content(long draft, long draftVersion, long submitted, long submittedVersion, long live, long liveVersion,
            long importJob, long thread, long scheduledJob, long scheduledVersion) {
    }

    private static final Map<String, Content> MADE = new HashMap<>();

    /** The suite's content, made on its first call (the suites run one after another in one JVM). */
    static Content content(String prefix) {
        return MADE.computeIfAbsent(prefix, HostileRun::make);
    }

    private static Content make(String prefix) {
        Fixtures.ensureBasics();
        Article draft = Fixtures.draft(prefix + "-draft");
        Article submitted = Fixtures.submitted(prefix + "-submitted");
        Article live = Fixtures.published(prefix + "-live");
        String job = given().auth().oauth2(accessToken("writer1", "writer")).contentType("application/x-ndjson")
                .body(("{\"slug\":\"" + prefix + "-import\",\"title\":\"Imported\"}").getBytes(StandardCharsets.UTF_8))
                .post("/manage/v1/imports")
                .then().statusCode(202).extract().header("Location");
        // the import runs in the background: wait for it, so that the snapshots see a database at rest
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline) && !"finished".equals(given().auth().oauth2(accessToken("writer1", "writer"))
                .get(job).then().extract().path("state"))) {
            sleep(100);
        }
        long thread = Fixtures.bean(ReviewComments.class).comment(Fixtures.EDITOR1, submitted.id(),
                new TextQuote("Body of", null, null), "A thread to aim at.", false).id();
        Article toSchedule = Fixtures.submitted(prefix + "-scheduled");
        Article scheduled = Fixtures.transitions().apply(Fixtures.REVIEWER1, toSchedule.id(), toSchedule.version(),
                new TransitionRequest(EditorialAction.APPROVE, null,
                        // the app's clock: an earlier suite of the same run may have moved it far ahead
                        Fixtures.bean(Clock.class).instant().plus(Duration.ofDays(30)), null, null));
        long scheduledJob = QuarkusTransaction.requiringNew().call(() -> Fixtures.bean(ScheduledJobRepository.class)
                .pendingFor(scheduled.id()).get(0).id());
        return new Content(draft.id(), draft.version(), submitted.id(), submitted.version(), live.id(), live.version(),
                Long.parseLong(job.substring(job.lastIndexOf('/') + 1)), thread, scheduledJob, scheduled.version());
    }

    static void run(DataSource database, String name, List<HostileRequest> requests) {
        DatabaseSnapshot before = DatabaseSnapshot.settled(database, Duration.ofSeconds(10));
        HostileRequests.Report report = HostileRequests.run("localhost", RestAssured.port, requests,
                new HostileRequests.Rules(r -> r.normalizedPath().startsWith("/manage/"),
                        r -> !r.normalizedPath().startsWith("/manage/") && !r.normalizedPath().startsWith("/q/"),
                        (r, response) -> r.normalizedPath().equals("/articles/preview") && response.status() == 200
                                || response.status() == 302 && String.valueOf(response.header("location"))
                                        .contains("response_type=code")));
        DatabaseSnapshot after = DatabaseSnapshot.of(database);
        report.write(Path.of("target", "hostile-requests-" + name + ".txt"));
        System.out.println(name + ": " + report.summary());
        assertTrue(report.failures().isEmpty(), report.failures().size() + " of " + report.requests()
                + " answers broke a rule; the first ones:\n" + String.join("\n", report.failures().subList(0,
                        Math.min(40, report.failures().size()))));
        assertEquals(Map.of(), before.differences(after), "hostile requests changed the database");
    }

    static <T> T pick(RandomGenerator r, List<T> values) {
        return values.get(r.nextInt(values.size()));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
