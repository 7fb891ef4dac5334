package health.cms.admin.reviewer;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import health.cms.core.article.Article;
import health.cms.core.article.ArticleRepository;
import health.cms.core.article.ArticleStatus;
import health.cms.core.profile.Profile;
import health.cms.core.profile.ProfileRepository;
import health.cms.core.refusal.Refusal;
import health.cms.core.taxonomy.Category;
import health.cms.workflow.DraftingService;

/**
 * Whom to ask to review an article: every reviewer who may sign off its working revision, those whose
 * specialties the article's category needs first, then the least loaded, with the languages they review in.
 */
@ApplicationScoped
public class ReviewerSuggestions {

    private final ArticleRepository articles;
    private final ProfileRepository profiles;
    private final DraftingService drafting;

    ReviewerSuggestions(ArticleRepository articles, ProfileRepository profiles, DraftingService drafting) {
        this.articles = articles;
        this.profiles = profiles;
        this.drafting = drafting;
    }

    /** The article's category, the specialties it needs, and the reviewers best match first. */
    public record Suggestions(long articleId, long version, String title, String category, List<String> specialties,
            String assignedReviewer, List<Suggestion> reviewers) {
    }

    /**
     * One reviewer: {@code inSpecialty} says whether they may be assigned without a reason (and may take the
     * article themselves); {@code matching} are the specialties they share with the category;
     * {@code openReviews} the articles in medical review assigned to them now.
     */
    public record Suggestion(String username, String name, String credentials, List<String> specialties,
            List<String> languages, boolean inSpecialty, List<String> matching, long openReviews) {
    }

    @Transactional
    public Suggestions forArticle(long articleId) {
        Article article = articles.findByIdOptional(articleId)
                .orElseThrow(() -> Refusal.notFound("Article " + articleId));
        Category category = article.workingRevision().category();
        Map<String, Long> load = openReviews();
        List<Suggestion> reviewers = profiles.list("reviewer = true and keycloakUser is not null").stream()
                .filter(profile -> drafting.mayReview(profile.keycloakUser(), article))
                .map(profile -> suggestion(profile, category, load.getOrDefault(profile.keycloakUser(), 0L)))
                .sorted(Comparator.comparing(Suggestion::inSpecialty).reversed()
                        .thenComparing(s -> -s.matching().size())
                        .thenComparingLong(Suggestion::openReviews)
                        .thenComparing(Suggestion::name))
                .toList();
        return new Suggestions(article.id(), article.version(), article.workingRevision().title(), category.name(),
                category.specialties(), article.assignedReviewer(), reviewers);
    }

    private static Suggestion suggestion(Profile profile, Category category, long openReviews) {
        List<String> needed = category.specialties().stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
        List<String> matching = profile.specialties().stream()
                .filter(s -> needed.contains(s.toLowerCase(Locale.ROOT))).toList();
        return new Suggestion(profile.keycloakUser(), profile.displayName(), profile.credentials(),
                profile.specialties(), profile.languages(), category.coveredBy(profile.specialties()), matching,
                openReviews);
    }

    /** Articles waiting in medical review, by the reviewer assigned to them. */
    private Map<String, Long> openReviews() {
        return articles.getEntityManager().createQuery("""
                select a.assignedReviewer, count(a) from Article a
                where a.status = :review and a.assignedReviewer is not null group by a.assignedReviewer""",
                Object[].class).setParameter("review", ArticleStatus.MEDICAL_REVIEW).getResultStream()
                .collect(Collectors.toMap(row -> (String) row[0], row -> (Long) row[1]));
    }
}
