package health.cms.delivery.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    private RateLimiter limiter(int perSecond, int burst, int maxClients) {
        return new RateLimiter(perSecond, burst, maxClients, now::get);
    }

    private void advanceMillis(long millis) {
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
    }

    @Test
    void aBurstPassesThenTheNextRequestWaitsForOneToken() {
        RateLimiter limiter = limiter(10, 5, 100);
        for (int i = 0; i < 5; i++) {
            assertEquals(0, limiter.acquire("a"), "request " + (i + 1) + " of the burst");
        }
        assertEquals(TimeUnit.MILLISECONDS.toNanos(100), limiter.acquire("a"), "one token comes back every 100 ms");
        advanceMillis(99);
        assertEquals(TimeUnit.MILLISECONDS.toNanos(1), limiter.acquire("a"));
        advanceMillis(1);
        assertEquals(0, limiter.acquire("a"));
        assertTrue(limiter.acquire("a") > 0);
    }

    @Test
    void aSteadyClientGetsTheSustainedRateAndNoMore() {
        RateLimiter limiter = limiter(10, 1, 100);
        int passed = 0;
        for (int i = 0; i < 200; i++) {
            if (limiter.acquire("steady") == 0) {
                passed++;
            }
            advanceMillis(25);
        }
        // 200 requests over 5 seconds at 40/s: the limit lets 10 a second through
        assertEquals(50, passed);
    }

    @Test
    void aQuietClientIsFullAgainAfterTheRefillTime() {
        RateLimiter limiter = limiter(100, 50, 100);
        for (int i = 0; i < 50; i++) {
            limiter.acquire("b");
        }
        assertTrue(limiter.acquire("b") > 0);
        advanceMillis(500);
        for (int i = 0; i < 50; i++) {
            assertEquals(0, limiter.acquire("b"), "request " + (i + 1) + " after refilling");
        }
    }

    @Test
    void clientsHaveTheirOwnBuckets() {
        RateLimiter limiter = limiter(1, 2, 100);
        limiter.acquire("greedy");
        limiter.acquire("greedy");
        assertTrue(limiter.acquire("greedy") > 0);
        assertEquals(0, limiter.acquire("polite"));
    }

    @Test
    void zeroTurnsTheLimitOff() {
        RateLimiter limiter = limiter(0, 1, 100);
        for (int i = 0; i < 10_000; i++) {
            assertEquals(0, limiter.acquire("anyone"));
        }
        assertEquals(0, limiter.trackedClients());
    }

    @Test
    void memoryStaysBoundedWhateverTheNumberOfClients() {
        RateLimiter limiter = limiter(100, 10, 1_000);
        for (int i = 0; i < 50_000; i++) {
            limiter.acquire("10.0." + (i >> 8) + "." + (i & 255));
        }
        assertTrue(limiter.trackedClients() <= 1_000, "tracked " + limiter.trackedClients());
    }

    @Test
    void concurrentRequestsNeverShareOutMoreThanTheBurst() throws Exception {
        RateLimiter limiter = limiter(1, 1_000, 100);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> {
                    int passed = 0;
                    for (int i = 0; i < 1_000; i++) {
                        if (limiter.acquire("shared") == 0) {
                            passed++;
                        }
                    }
                    return passed;
                }));
            }
            int total = 0;
            for (Future<Integer> result : results) {
                total += result.get();
            }
            assertEquals(1_000, total, "the clock stood still: exactly the burst may pass");
        } finally {
            pool.shutdownNow();
        }
    }
}
