package health.cms.webhooks;

/** A subscription with its new signing secret: the only time the secret is shown (creation, rotation). */
public record IssuedSecret(SubscriptionView subscription, String secret) {
}
