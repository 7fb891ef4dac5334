package health.cms.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import health.cms.webhooks.RetryPolicy.Verdict;

class RetryPolicyTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private final RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(10), Duration.ofHours(3),
            Duration.ofHours(24));

    private static WebhookSender.Result status(int code) {
        return new WebhookSender.Result(code, null, null, null, null);
    }

    private static WebhookSender.Result failure(WebhookSender.Result.Failure failure) {
        return new WebhookSender.Result(null, failure, "x", null, null);
    }

    @Test
    void twoHundredsAreDelivered() {
        assertEquals(Verdict.DELIVERED, policy.decide(status(204), 1, T0, T0, false).verdict());
    }

    @ParameterizedTest
    @ValueSource(ints = {408, 429, 500, 502, 503, 504})
    void timeoutsThrottlingAndServerErrorsAreRetried(int code) {
        RetryPolicy.Decision decision = policy.decide(status(code), 1, T0, T0, false);
        assertEquals(Verdict.RETRY, decision.verdict());
        assertTrue(decision.nextAttemptAt().isAfter(T0));
    }

    @Test
    void connectionErrorsAndTimeoutsAreRetried() {
        assertEquals(Verdict.RETRY, policy.decide(failure(WebhookSender.Result.Failure.CONNECTION), 1, T0, T0, false)
                .verdict());
        assertEquals(Verdict.RETRY, policy.decide(failure(WebhookSender.Result.Failure.TIMEOUT), 1, T0, T0, false)
                .verdict());
    }

    @ParameterizedTest
    @ValueSource(ints = {301, 400, 401, 403, 404, 422})
    void otherAnswersStopRetrying(int code) {
        RetryPolicy.Decision decision = policy.decide(status(code), 1, T0, T0, false);
        assertEquals(Verdict.FAILED, decision.verdict());
        assertFalse(decision.disableSubscription());
    }

    @Test
    void goneFailsAndDisablesTheSubscription() {
        assertTrue(policy.decide(status(410), 1, T0, T0, false).disableSubscription());
    }

    @Test
    void aRefusedTargetIsNotRetried() {
        assertEquals(Verdict.FAILED, policy.decide(WebhookSender.Result.refused("private"), 1, T0, T0, false)
                .verdict());
    }

    @Test
    void testEventsAreTriedOnce() {
        assertEquals(Verdict.FAILED, policy.decide(status(503), 1, T0, T0, true).verdict());
    }

    @Test
    void delaysGrowExponentiallyWithJitterUpToTheCap() {
        for (int attempt = 1; attempt < 60; attempt++) {
            long nominal = Math.min(Duration.ofHours(3).toMillis(), 10_000L << Math.min(attempt - 1, 30));
            long delay = policy.delay(attempt).toMillis();
            assertTrue(delay >= nominal * 0.75 && delay <= nominal * 1.25, "attempt " + attempt + ": " + delay);
        }
    }

    @Test
    void aReceiverThatAlwaysFailsIsRetriedForAtLeastADayThenGivenUp() {
        Instant now = T0;
        int attempt = 1;
        RetryPolicy.Decision decision = policy.decide(status(503), attempt, T0, now, false);
        while (decision.verdict() == Verdict.RETRY) {
            assertNotNull(decision.nextAttemptAt());
            now = decision.nextAttemptAt();
            attempt++;
            decision = policy.decide(status(503), attempt, T0, now, false);
        }
        assertEquals(Verdict.FAILED, decision.verdict());
        assertTrue(Duration.between(T0, now).compareTo(Duration.ofHours(24)) >= 0, "retried for " + Duration.between(T0, now));
        assertTrue(Duration.between(T0, now).compareTo(Duration.ofHours(28)) < 0, "retried for " + Duration.between(T0, now));
        assertTrue(decision.reason().contains("gave up after " + attempt + " attempts"), decision.reason());
    }

    @Test
    void retryAfterIsHonouredUpToTheCap() {
        WebhookSender.Result slowDown = new WebhookSender.Result(429, null, null, null, Duration.ofMinutes(30));
        assertEquals(T0.plus(Duration.ofMinutes(30)), policy.decide(slowDown, 1, T0, T0, false).nextAttemptAt());
        WebhookSender.Result tooLong = new WebhookSender.Result(503, null, null, null, Duration.ofDays(3));
        assertEquals(T0.plus(Duration.ofHours(3)), policy.decide(tooLong, 1, T0, T0, false).nextAttemptAt());
    }
}
