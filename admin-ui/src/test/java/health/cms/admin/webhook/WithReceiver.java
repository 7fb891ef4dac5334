package health.cms.admin.webhook;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import health.cms.core.testing.MutableClock;
import health.cms.webhooks.OutboxFanOut;
import health.cms.webhooks.testing.TestReceiver;
import health.cms.workflow.testing.Fixtures;

/**
 * What the desk's subscription tests (pages and API) share: a local receiver for each test, the earlier
 * tests' events fanned out before it subscribes, and no subscription left behind afterwards.
 */
abstract class WithReceiver {

    @Inject
    MutableClock clock;
    @Inject
    Webhooks webhooks;
    @Inject
    OutboxFanOut fanOut;

    TestReceiver receiver;

    @BeforeEach
    void receiver() throws Exception {
        Fixtures.ensureBasics();
        fanOut.fanOut();
        receiver = new TestReceiver(clock::instant);
    }

    @AfterEach
    void cleanUp() {
        receiver.close();
        webhooks.list(Fixtures.EDITOR1).forEach(s -> webhooks.delete(Fixtures.EDITOR1, s.id()));
    }
}
