package health.cms.delivery.article;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import health.cms.delivery.http.CachedResponse;
import health.cms.delivery.http.ResponseCache;
import health.cms.delivery.http.Responses;
import health.cms.delivery.store.PublishedArticles;
import health.cms.workflow.review.ReviewStatus;

/**
 * A live article as the API serves it: the stored public view with its review status as of now, rendered
 * once and kept in the response cache. REST sends these bytes; GraphQL reads its article from the same bytes.
 */
@ApplicationScoped
public class LiveArticles {

    private final PublishedArticles store;
    private final ResponseCache cache;
    private final Responses responses;
    private final Clock clock;

    LiveArticles(PublishedArticles store, ResponseCache cache, Responses responses, Clock clock) {
        this.store = store;
        this.cache = cache;
        this.responses = responses;
        this.clock = clock;
    }

    /** The rendered article, or null when nothing is live at this slug. */
    public CachedResponse answer(String slug) {
        return cache.article(slug, () -> store.document(slug).map(this::render).orElse(null));
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
        return responses.json(view, keys);
    }
}
