package health.cms.webhooks;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;

import org.hibernate.StaleStateException;

import health.cms.core.refusal.Refusal;
import health.cms.core.taxonomy.CategoryRepository;
import health.cms.core.url.HttpUrls;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Management of webhook subscriptions and their delivery log: refusals are {@link Refusal}s with field
 * errors, results are views. Who may call it is the app's decision (admin-ui requires the editor role);
 * {@code username} is who asked, for the log.
 */
@ApplicationScoped
public class WebhookSubscriptions {

    private final WebhookSubscriptionRepository subscriptions;
    private final WebhookDeliveryRepository deliveries;
    private final CategoryRepository categories;
    private final TargetGuard guard;
    private final WebhookEvents events;
    private final DeliveryWorker worker;
    private final WebhooksConfig config;
    private final Clock clock;

    WebhookSubscriptions(WebhookSubscriptionRepository subscriptions, WebhookDeliveryRepository deliveries,
            CategoryRepository categories, TargetGuard guard, WebhookEvents events, DeliveryWorker worker,
            WebhooksConfig config, Clock clock) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.categories = categories;
        this.guard = guard;
        this.events = events;
        this.worker = worker;
        this.config = config;
        this.clock = clock;
    }

    /** Why a restored subscription sends nothing yet. */
    public static final String NO_SECRET = "This subscription was restored from a backup, which never holds signing "
            + "secrets; rotate the secret and give the new one to the receiver to resume deliveries";

    /** The event types a subscription can choose from. */
    public List<String> eventTypes() {
        return WebhookEvents.TYPES;
    }

    @Transactional
    public List<SubscriptionView> list() {
        return subscriptions.list("order by id").stream().map(this::view).toList();
    }

    /** A page of the subscriptions, oldest first. */
    @Transactional
    public List<SubscriptionView> list(int offset, int limit) {
        return subscriptions.find("order by id").range(offset, offset + limit - 1).stream().map(this::view).toList();
    }

    @Transactional
    public SubscriptionView get(long id) {
        return view(find(id));
    }

    /** Creates a subscription with a new secret, returned this once. */
    @Transactional
    public IssuedSecret create(String username, SubscriptionInput input) {
        Valid valid = validate(input);
        String secret = WebhookSignatures.newSecret();
        WebhookSubscription subscription = new WebhookSubscription(valid.url(), valid.description(), valid.eventTypes(),
                valid.categories(), input.enabled() == null || input.enabled(), secret, username,
                clock.instant());
        subscriptions.persist(subscription);
        subscriptions.flush();
        return new IssuedSecret(view(subscription), secret);
    }

    /**
     * Changes a subscription, version-checked. Enabling a disabled subscription clears its reason and
     * sends its held deliveries, each with a fresh retry window.
     */
    public SubscriptionView update(String username, long id, long expectedVersion, SubscriptionInput input) {
        SubscriptionView updated = QuarkusTransaction.requiringNew().call(() -> {
            WebhookSubscription subscription = find(id);
            Refusal.requireVersion("subscription", subscription.version(), expectedVersion);
            Valid valid = validate(input);
            Instant now = clock.instant();
            subscription.change(valid.url(), valid.description(), valid.eventTypes(), valid.categories(), now);
            if (Boolean.TRUE.equals(input.enabled()) && !subscription.enabled()) {
                subscription.enable(now);
                deliveries.resumeHeld(id, now);
            } else if (Boolean.FALSE.equals(input.enabled())) {
                subscription.disable("Disabled by " + username + " at " + now, now);
            }
            return flushed(subscription);
        });
        worker.newWork();
        return updated;
    }

    /** Deletes a subscription with its deliveries and their log. */
    @Transactional
    public void delete(long id) {
        subscriptions.delete(find(id));
    }

    /** A new secret, returned this once; the previous one keeps signing for {@code cms.webhooks.secret-grace}. */
    @Transactional
    public IssuedSecret rotateSecret(long id) {
        WebhookSubscription subscription = find(id);
        String secret = WebhookSignatures.newSecret();
        Instant now = clock.instant();
        subscription.rotateSecret(secret, now.plus(config.secretGrace()), now);
        return new IssuedSecret(flushed(subscription), secret);
    }

    /**
     * Sends a {@code webhook.test} event now, while the caller waits (at most the request timeout), and
     * returns its delivery with the attempt. Disabled subscriptions can be tested too; test events are
     * not retried and do not count towards disabling.
     */
    public DeliveryView sendTest(String username, long id) {
        String token = UUID.randomUUID().toString();
        long deliveryId = QuarkusTransaction.requiringNew().call(() -> {
            WebhookSubscription subscription = find(id);
            if (!subscription.hasSecret()) {
                throw Refusal.conflict(NO_SECRET);
            }
            Instant now = clock.instant();
            WebhookDelivery test = WebhookDelivery.test(subscription.id(), events.testBody(subscription.id(), now),
                    username, now, worker.instance(), token, now.plus(worker.lease()));
            deliveries.persist(test);
            deliveries.flush();
            test.identifyTest();
            return test.id();
        });
        worker.deliverLeased(deliveryId, token);
        return QuarkusTransaction.requiringNew().call(() -> view(deliveries.findById(deliveryId)));
    }

    /** A page of the subscription's delivery log, newest first, optionally only one state. */
    @Transactional
    public DeliveryPage deliveries(long subscriptionId, String state, Long before, int limit) {
        find(subscriptionId);
        WebhookDelivery.State wanted = null;
        if (state != null) {
            try {
                wanted = WebhookDelivery.State.valueOf(state.toUpperCase());
            } catch (IllegalArgumentException e) {
                throw Refusal.invalid(Map.of("state", "must be pending, delivered or failed"));
            }
        }
        List<WebhookDelivery> page = deliveries.page(subscriptionId, wanted, before, limit + 1);
        boolean more = page.size() > limit;
        List<WebhookDelivery> shown = more ? page.subList(0, limit) : page;
        Map<Long, List<DeliveryAttempt>> attempts = deliveries
                .attemptsOf(shown.stream().map(WebhookDelivery::id).toList());
        return new DeliveryPage(
                shown.stream().map(d -> DeliveryView.of(d, attempts.getOrDefault(d.id(), List.of()))).toList(),
                more ? shown.get(shown.size() - 1).id() : null);
    }

    @Transactional
    public DeliveryView delivery(long deliveryId) {
        return view(findDelivery(deliveryId));
    }

    /**
     * Queues the same message again (same webhook-id and body, so receivers can dedupe) as a new delivery
     * with its own attempts; it goes after the article's deliveries that are already pending.
     */
    public DeliveryView redeliver(String username, long deliveryId) {
        DeliveryView queued = QuarkusTransaction.requiringNew().call(() -> {
            WebhookDelivery original = findDelivery(deliveryId);
            WebhookSubscription subscription = find(original.subscriptionId());
            if (!subscription.enabled() && !original.test()) {
                throw Refusal.conflict("The subscription is disabled"
                        + (subscription.disabledReason() == null ? "" : " (" + subscription.disabledReason() + ")")
                        + "; enable it first, then redeliver");
            }
            WebhookDelivery again = original.redelivery(username, clock.instant());
            deliveries.persist(again);
            deliveries.flush();
            return view(again);
        });
        worker.newWork();
        return queued;
    }

    private record Valid(String url, String description, List<String> eventTypes, List<String> categories) {
    }

    private Valid validate(SubscriptionInput input) {
        if (input == null) {
            throw Refusal.invalid(Map.of("body", "is required"));
        }
        Map<String, String> errors = new LinkedHashMap<>();
        String url = input.url() == null ? "" : input.url().strip();
        if (url.isEmpty()) {
            errors.put("url", "is required");
        } else if (url.length() > 2000) {
            errors.put("url", "must be at most 2000 characters");
        } else {
            HttpUrls.problem(url).or(() -> guard.refusal(url)).ifPresent(problem -> errors.put("url", problem));
        }
        String description = input.description() == null || input.description().isBlank()
                ? null
                : input.description().strip();
        if (description != null && description.length() > 500) {
            errors.put("description", "must be at most 500 characters");
        }
        List<String> types = new ArrayList<>(new LinkedHashSet<>(input.eventTypes() == null ? List.of() : input.eventTypes()));
        if (types.isEmpty()) {
            errors.put("eventTypes", "choose at least one of " + String.join(", ", WebhookEvents.TYPES));
        } else {
            types.stream().filter(type -> !WebhookEvents.TYPES.contains(type)).findFirst().ifPresent(unknown -> errors
                    .put("eventTypes", "'" + unknown + "' is not one of " + String.join(", ", WebhookEvents.TYPES)));
        }
        List<String> slugs = new ArrayList<>(new LinkedHashSet<>(input.categories() == null ? List.of() : input.categories()));
        slugs.stream().filter(slug -> slug == null || categories.findBySlug(slug).isEmpty()).findFirst()
                .ifPresent(unknown -> errors.put("categories", "there is no category '" + unknown + "'"));
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
        return new Valid(url, description, types, slugs);
    }

    private WebhookSubscription find(long id) {
        return subscriptions.findByIdOptional(id)
                .orElseThrow(() -> Refusal.notFound("Webhook subscription " + id));
    }

    private WebhookDelivery findDelivery(long id) {
        return deliveries.findByIdOptional(id).orElseThrow(() -> Refusal.notFound("Webhook delivery " + id));
    }

    private SubscriptionView view(WebhookSubscription subscription) {
        return SubscriptionView.of(subscription, deliveries.pending(subscription.id()));
    }

    private DeliveryView view(WebhookDelivery delivery) {
        return DeliveryView.of(delivery, deliveries.attemptsOf(List.of(delivery.id())).getOrDefault(delivery.id(),
                List.of()));
    }

    private SubscriptionView flushed(WebhookSubscription subscription) {
        try {
            subscriptions.flush();
        } catch (OptimisticLockException | StaleStateException e) {
            throw Refusal.stale("Someone else changed this subscription at the same moment; reload it and try again");
        }
        return view(subscription);
    }
}
