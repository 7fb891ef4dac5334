package health.cms.webhooks;

import jakarta.enterprise.context.ApplicationScoped;

import health.cms.core.notify.ChannelListener;
import health.cms.core.outbox.Outbox;

/**
 * Wakes the delivery worker as soon as an outbox event commits (PostgreSQL NOTIFY from core's outbox,
 * sent on commit), so a change reaches receivers in milliseconds rather than at the next poll. Polling
 * stays the safety net: a lost connection only delays deliveries until the next poll.
 */
@ApplicationScoped
public class OutboxListener implements ChannelListener {

    private final DeliveryWorker worker;
    private final boolean enabled;

    OutboxListener(DeliveryWorker worker, WebhooksConfig config) {
        this.worker = worker;
        this.enabled = !config.every().equals("off");
    }

    @Override
    public String channel() {
        return Outbox.CHANNEL;
    }

    @Override
    public boolean listening() {
        return enabled;
    }

    @Override
    public void notified(String payload) {
        worker.newWork();
    }
}
