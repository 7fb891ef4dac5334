package health.cms.admin.webhook;

/** A subscription with its new signing secret: the only time the secret is shown (creation, rotation). */
public record IssuedSecret(SubscriptionView subscription, String secret) {
}
