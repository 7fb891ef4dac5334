package health.cms.delivery.article;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import health.cms.core.locale.Locales;
import health.cms.core.publication.PublicArticle;
import health.cms.delivery.http.ArticleLocales;
import health.cms.delivery.http.CachedResponse;
import health.cms.delivery.http.DeliveryConfig;
import health.cms.delivery.http.ResponseCache;
import health.cms.delivery.http.Responses;
import health.cms.delivery.store.PublishedArticles;
import health.cms.workflow.review.ReviewStatus;

/**
 * A live article as the API serves it: the stored public view with its review status as of now and the addresses
 * of its other languages, rendered once and kept in the response cache under its own slug (so each language has
 * its own entry). REST sends these bytes; GraphQL reads its article from the same bytes.
 */
@ApplicationScoped
public class LiveArticles {

    private final PublishedArticles store;
    private final ResponseCache cache;
    private final Responses responses;
    private final DeliveryConfig config;
    private final Locales locales;
    private final ObjectMapper json;
    private final Clock clock;

    LiveArticles(PublishedArticles store, ResponseCache cache, Responses responses, DeliveryConfig config,
            Locales locales, ObjectMapper json, Clock clock) {
        this.store = store;
        this.cache = cache;
        this.responses = responses;
        this.config = config;
        this.locales = locales;
        this.json = json;
        this.clock = clock;
    }

    /** The rendered article, or null when nothing is live at this slug. */
    public CachedResponse answer(String slug) {
        return cache.article(slug, () -> store.document(slug).map(this::render).orElse(null));
    }

    /**
     * The article in the language the reader wants ({@code wanted}, most wanted first), through the fallback
     * chain to the default locale; the article itself when it has no other live language.
     */
    public CachedResponse negotiate(CachedResponse article, List<String> wanted) {
        ArticleLocales languages = article.locales();
        if (wanted.isEmpty() || languages == null || languages.slugs().size() < 2) {
            return article;
        }
        String slug = languages.choose(wanted, locales.defaultLocale());
        if (slug == null || slug.equals(languages.slugs().get(languages.locale()))) {
            return article;
        }
        CachedResponse chosen = answer(slug);
        return chosen == null ? article : chosen;
    }

    private CachedResponse render(PublishedArticles.Document document) {
        ObjectNode view = (ObjectNode) document.document().deepCopy();
        JsonNode review = view.path("medicalReview");
        if (review instanceof ObjectNode reviewNode) {
            reviewNode.put("status", ReviewStatus.of(document.nextReviewDue(), clock.instant()).value());
        }
        List<String> keys = new ArrayList<>();
        keys.add("article-" + document.slug());
        keys.add("category-" + view.path("category").path("slug").asText());
        view.path("authors").forEach(a -> keys.add("author-" + a.path("slug").asText()));
        if (!view.hasNonNull("locale")) {
            return responses.json(view, keys);
        }
        Map<String, String> slugs = new HashMap<>();
        slugs.put(view.get("locale").asText(), document.slug());
        for (JsonNode alternate : view.path("translations")) {
            ((ObjectNode) alternate).put("url", url(alternate.path("slug").asText()));
            slugs.put(alternate.path("locale").asText(), alternate.path("slug").asText());
        }
        if (slugs.size() > 1) {
            linkTranslations(view);
        }
        return responses.json(view, keys).withLocales(new ArticleLocales(view.get("locale").asText(), slugs));
    }

    /**
     * schema.org's links between the languages of one work: a translation names its source
     * ({@code translationOfWork}), a source its translations ({@code workTranslation}); the ready-to-embed text
     * follows.
     */
    private void linkTranslations(ObjectNode view) {
        if (!(view.get("jsonLd") instanceof ObjectNode jsonLd)) {
            return;
        }
        boolean translation = view.hasNonNull("translation");
        ArrayNode works = json.createArrayNode();
        for (JsonNode alternate : view.path("translations")) {
            if (!translation || alternate.path("source").asBoolean()) {
                ObjectNode work = works.addObject();
                work.put("@type", "MedicalWebPage");
                work.put("inLanguage", alternate.path("locale").asText());
                work.put("url", alternate.path("url").asText());
            }
        }
        if (translation && !works.isEmpty()) {
            jsonLd.set("translationOfWork", works.get(0));
        } else if (!translation) {
            jsonLd.set("workTranslation", works);
        }
        try {
            view.put("jsonLdScript", PublicArticle.scriptSafe(json.writeValueAsString(jsonLd)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored document is plain JSON", e);
        }
    }

    private String url(String slug) {
        return config.articleUrl().replace("{slug}", slug);
    }
}
