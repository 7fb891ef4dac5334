package health.cms.webhooks.testing;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import health.cms.core.testing.MutableClock;
import health.cms.webhooks.OutboxFanOut;

/**
 * The setup every delivery test of this module shares: a fresh receiver on 127.0.0.1, no backlog from
 * earlier tests, and no subscription left behind.
 */
public abstract class ReceiverTest {

    @Inject
    protected MutableClock clock;
    @Inject
    protected OutboxFanOut fanOut;

    protected DeliveryHarness harness;
    protected TestReceiver receiver;

    @BeforeEach
    void receiverAndNoBacklog() throws Exception {
        harness = new DeliveryHarness(clock::instant, clock::set);
        // events of earlier tests are fanned out before this test's subscriptions exist
        fanOut.fanOut();
        receiver = new TestReceiver(clock::instant);
    }

    @AfterEach
    void removeSubscriptions() {
        receiver.close();
        harness.removeSubscriptions();
    }
}
