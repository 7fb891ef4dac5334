package health.cms.admin.apikey;

/** A key just created or rotated, with its secret: the only time the secret is shown. */
public record IssuedApiKey(ApiKeyView apiKey, String key) {
}
