package health.cms.webhooks;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import health.cms.core.outbox.Outbox;

/**
 * The events a subscription can choose and the JSON bodies sent for them:
 * {@code {"type", "timestamp", "data": {"id", "slug", "locale", "revision", "category", "url", "source"}}}, where
 * {@code source} is {@code {"id", "slug", "locale", "url"}} of the article a translation was translated from (null
 * for an article in its source language).
 */
@ApplicationScoped
public class WebhookEvents {

    /** The type of the event that "send test event" sends; never written to the outbox. */
    public static final String TEST_EVENT = "webhook.test";

    /** Every event type a subscription may choose, in the order the desk lists them. */
    public static final List<String> TYPES = Arrays.stream(Outbox.EventType.values()).map(Outbox.EventType::value)
            .toList();

    private final ObjectMapper json;
    private final String articleUrl;

    WebhookEvents(ObjectMapper json, WebhooksConfig config) {
        this.json = json;
        this.articleUrl = config.articleUrl();
    }

    /** The article a translation was made from, as an event names it. */
    public record Source(long id, String slug, String locale) {
    }

    public String articleBody(String type, Instant occurredAt, long articleId, String slug, String locale,
            Integer revision, String category, Source source) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", articleId);
        data.put("slug", slug);
        data.put("locale", locale);
        data.put("revision", revision);
        data.put("category", category);
        data.put("url", url(slug, locale));
        if (source == null) {
            data.put("source", null);
        } else {
            Map<String, Object> of = new LinkedHashMap<>();
            of.put("id", source.id());
            of.put("slug", source.slug());
            of.put("locale", source.locale());
            of.put("url", url(source.slug(), source.locale()));
            data.put("source", of);
        }
        return body(type, occurredAt, data);
    }

    private String url(String slug, String locale) {
        return articleUrl.replace("{slug}", slug).replace("{locale}", locale);
    }

    public String testBody(long subscriptionId, Instant now) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("subscriptionId", subscriptionId);
        data.put("message", "A test event from the medical CMS; no content changed.");
        return body(TEST_EVENT, now, data);
    }

    private String body(String type, Instant at, Map<String, Object> data) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("timestamp", at.toString());
        body.put("data", data);
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The body is a plain map", e);
        }
    }
}
