package health.cms.admin.webhook;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import health.cms.core.refusal.Refusal;
import health.cms.webhooks.DeliveryPage;
import health.cms.webhooks.DeliveryView;
import health.cms.webhooks.IssuedSecret;
import health.cms.webhooks.SubscriptionInput;
import health.cms.webhooks.SubscriptionView;
import health.cms.webhooks.WebhookSubscriptions;
import health.cms.workflow.Actor;
import health.cms.workflow.Role;

/**
 * Editors' management of webhook subscriptions and their delivery log, for the management API and the
 * desk's pages: the editor role is checked here, the work is done by the webhooks module.
 */
@ApplicationScoped
public class Webhooks {

    private final WebhookSubscriptions subscriptions;

    Webhooks(WebhookSubscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    /** The event types a subscription can choose from. */
    public List<String> eventTypes() {
        return subscriptions.eventTypes();
    }

    public List<SubscriptionView> list(Actor actor) {
        requireEditor(actor);
        return subscriptions.list();
    }

    /** A page of the subscriptions, oldest first. */
    public List<SubscriptionView> list(Actor actor, int offset, int limit) {
        requireEditor(actor);
        return subscriptions.list(offset, limit);
    }

    public SubscriptionView get(Actor actor, long id) {
        requireEditor(actor);
        return subscriptions.get(id);
    }

    /** Creates a subscription with a new secret, returned this once. */
    public IssuedSecret create(Actor actor, SubscriptionInput input) {
        requireEditor(actor);
        return subscriptions.create(actor.username(), input);
    }

    /** Changes a subscription, version-checked; enabling it sends its held deliveries. */
    public SubscriptionView update(Actor actor, long id, long expectedVersion, SubscriptionInput input) {
        requireEditor(actor);
        return subscriptions.update(actor.username(), id, expectedVersion, input);
    }

    /** Deletes a subscription with its deliveries and their log. */
    public void delete(Actor actor, long id) {
        requireEditor(actor);
        subscriptions.delete(id);
    }

    /** A new secret, returned this once; the previous one keeps signing for a grace time. */
    public IssuedSecret rotateSecret(Actor actor, long id) {
        requireEditor(actor);
        return subscriptions.rotateSecret(id);
    }

    /** Sends a {@code webhook.test} event now, while the caller waits, and returns its delivery. */
    public DeliveryView sendTest(Actor actor, long id) {
        requireEditor(actor);
        return subscriptions.sendTest(actor.username(), id);
    }

    /** A page of the subscription's delivery log, newest first, optionally only one state. */
    public DeliveryPage deliveries(Actor actor, long subscriptionId, String state, Long before, int limit) {
        requireEditor(actor);
        return subscriptions.deliveries(subscriptionId, state, before, limit);
    }

    public DeliveryView delivery(Actor actor, long deliveryId) {
        requireEditor(actor);
        return subscriptions.delivery(deliveryId);
    }

    /** Queues the same message again (same webhook-id and body) as a new delivery. */
    public DeliveryView redeliver(Actor actor, long deliveryId) {
        requireEditor(actor);
        return subscriptions.redeliver(actor.username(), deliveryId);
    }

    private static void requireEditor(Actor actor) {
        if (!actor.has(Role.EDITOR)) {
            throw Refusal.forbidden("Managing webhooks needs the editor role");
        }
    }
}
