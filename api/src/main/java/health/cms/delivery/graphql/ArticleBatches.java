package health.cms.delivery.graphql;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import health.cms.core.publication.PublicArticle;
import health.cms.delivery.catalog.CatalogQueries;
import health.cms.delivery.store.PublishedArticles;

/**
 * What a page of articles shows beyond its list items, read for the whole page in one query each (never one
 * per article): the authors' profiles, the medical reviews and the corrections.
 */
@ApplicationScoped
public class ArticleBatches {

    private final CatalogQueries catalog;
    private final PublishedArticles store;
    private final ObjectMapper json;
    private final JavaType review;
    private final JavaType corrections;

    ArticleBatches(CatalogQueries catalog, PublishedArticles store, ObjectMapper json) {
        this.catalog = catalog;
        this.store = store;
        this.json = json;
        this.review = json.constructType(PublicArticle.MedicalReview.class);
        this.corrections = json.getTypeFactory().constructCollectionType(List.class, PublicArticle.CorrectionView.class);
    }

    /** Each item's author profiles, in byline order. */
    public List<List<CatalogQueries.ProfileView>> authorProfiles(List<ArticleSummary> items) {
        Set<String> slugs = new LinkedHashSet<>();
        items.forEach(item -> item.authors().forEach(author -> slugs.add(author.slug())));
        Map<String, CatalogQueries.ProfileView> profiles = slugs.isEmpty()
                ? Map.of()
                : catalog.profiles(slugs).stream()
                        .collect(Collectors.toMap(CatalogQueries.ProfileView::slug, Function.identity()));
        List<List<CatalogQueries.ProfileView>> answer = new ArrayList<>();
        for (ArticleSummary item : items) {
            answer.add(item.authors().stream().map(author -> profiles.get(author.slug()))
                    .filter(profile -> profile != null).toList());
        }
        return answer;
    }

    /** Each item's medical review, with its status as of now. */
    public List<PublicArticle.MedicalReview> medicalReviews(List<ArticleSummary> items) {
        Map<String, JsonNode> reviews = store.parts(slugs(items), "medicalReview");
        return items.stream().map(item -> this.<PublicArticle.MedicalReview>read(reviews.get(item.slug()), review))
                .toList();
    }

    /** Each item's public corrections, oldest first. */
    public List<List<PublicArticle.CorrectionView>> corrections(List<ArticleSummary> items) {
        Map<String, JsonNode> all = store.parts(slugs(items), "corrections");
        List<List<PublicArticle.CorrectionView>> answer = new ArrayList<>();
        for (ArticleSummary item : items) {
            List<PublicArticle.CorrectionView> list = read(all.get(item.slug()), corrections);
            answer.add(list == null ? List.of() : list);
        }
        return answer;
    }

    private static Collection<String> slugs(List<ArticleSummary> items) {
        return items.stream().map(ArticleSummary::slug).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private <T> T read(JsonNode node, JavaType type) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        try {
            return json.treeToValue(node, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The read model holds the public view the projector wrote", e);
        }
    }
}
