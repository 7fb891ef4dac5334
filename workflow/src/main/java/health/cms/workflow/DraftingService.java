package health.cms.workflow;

import static health.cms.workflow.ArticleChanges.requireRole;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import health.cms.core.article.Article;
import health.cms.core.article.ArticleRepository;
import health.cms.core.article.ArticleStatus;
import health.cms.core.article.Revision;
import health.cms.core.article.RevisionContent;
import health.cms.core.article.RevisionRepository;
import health.cms.core.article.SlugRedirectRepository;
import health.cms.core.profile.Profile;
import health.cms.core.profile.ProfileRepository;
import health.cms.core.readability.RevisionReadabilities;
import health.cms.core.refusal.Refusal;
import health.cms.workflow.publication.PublicationProjector;

/**
 * The door for writing an article: creating and editing drafts, and the desk's renames and reviewer
 * assignments. State changes by the table's actions go through {@link TransitionService}.
 */
@ApplicationScoped
public class DraftingService {

    private final ArticleRepository articles;
    private final RevisionRepository revisions;
    private final TransitionRules rules;
    private final ProfileRepository profiles;
    private final SlugRedirectRepository redirects;
    private final ContentResolver resolver;
    private final PublicationProjector publication;
    private final ArticleChanges changes;
    private final RevisionReadabilities readabilities;
    private final Clock clock;

    DraftingService(ArticleRepository articles, RevisionRepository revisions, TransitionRules rules,
            ProfileRepository profiles, SlugRedirectRepository redirects, ContentResolver resolver,
            PublicationProjector publication, ArticleChanges changes, RevisionReadabilities readabilities,
            Clock clock) {
        this.articles = articles;
        this.revisions = revisions;
        this.rules = rules;
        this.profiles = profiles;
        this.redirects = redirects;
        this.resolver = resolver;
        this.publication = publication;
        this.changes = changes;
        this.readabilities = readabilities;
        this.clock = clock;
    }

    /** Creates a new article with its first revision, as a draft. */
    @Transactional
    public Article create(Actor actor, ArticleInput input) {
        requireRole(actor, Role.WRITER, "create articles");
        Map<String, String> slugErrors = new LinkedHashMap<>();
        ContentResolver.slugProblem(input.slug()).ifPresent(problem -> slugErrors.put("slug", problem));
        if (slugErrors.isEmpty() && articles.findBySlug(input.slug()).isPresent()) {
            slugErrors.put("slug", "an article with slug '" + input.slug() + "' already exists");
        } else if (slugErrors.isEmpty() && redirects.isOldSlug(input.slug())) {
            // Readers and search engines following the old link must keep reaching the renamed article.
            slugErrors.put("slug", "'" + input.slug() + "' is an old address of another article and redirects there");
        }
        RevisionContent content;
        try {
            content = resolver.resolve(input);
        } catch (Refusal invalid) {
            slugErrors.putAll(invalid.fieldErrors());
            throw Refusal.invalid(slugErrors);
        }
        if (!slugErrors.isEmpty()) {
            throw Refusal.invalid(slugErrors);
        }
        Instant now = clock.instant();
        Article article = new Article(input.slug(), now);
        articles.persist(article);
        Revision first = new Revision(article, 1, content, input.changeNote(), actor.username(), now);
        revisions.persist(first);
        readabilities.record(first);
        article.startWorkingOn(first, now);
        changes.record(actor, DraftingAction.CREATE, article, first, null, ArticleStatus.DRAFT, input.changeNote());
        return changes.flushed(article);
    }

    /**
     * Saves an edit as a new revision. A published article goes back to draft for its next revision
     * while the live revision stays public; content under review or scheduled cannot be edited.
     */
    @Transactional
    public Article edit(Actor actor, long articleId, long expectedVersion, ArticleInput input) {
        requireRole(actor, Role.WRITER, "edit articles");
        Article article = changes.loadForUpdate(articleId, expectedVersion);
        ArticleStatus from = article.status();
        if (from == ArticleStatus.MEDICAL_REVIEW || from == ArticleStatus.SCHEDULED) {
            throw Refusal.conflict("The article is " + from + "; withdraw it or have changes requested "
                    + "before editing, so the reviewer signs off the text they read");
        }
        if (input.slug() != null && !input.slug().equals(article.slug())) {
            throw Refusal.invalid(Map.of("slug", "cannot be changed by an edit"));
        }
        RevisionContent content = resolver.resolve(input);
        Instant now = clock.instant();
        Revision revision = new Revision(article, revisions.nextNumber(article), content, input.changeNote(),
                actor.username(), now);
        revisions.persist(revision);
        readabilities.record(revision);
        article.startWorkingOn(revision, now);
        if (from == ArticleStatus.PUBLISHED) {
            article.moveTo(ArticleStatus.DRAFT, now);
        }
        changes.record(actor, DraftingAction.EDIT, article, revision, from, article.status(), input.changeNote());
        return changes.flushed(article);
    }

    /**
     * Renames an article's slug (editors only). The old slug keeps answering with a redirect to the
     * new one, and a live article's public entry moves with it.
     */
    @Transactional
    public Article renameSlug(Actor actor, long articleId, long expectedVersion, String newSlug) {
        requireRole(actor, Role.EDITOR, "rename articles");
        Article article = changes.loadForUpdate(articleId, expectedVersion);
        ContentResolver.slugProblem(newSlug).ifPresent(problem -> {
            throw Refusal.invalid(Map.of("slug", problem));
        });
        if (newSlug.equals(article.slug())) {
            return article;
        }
        if (articles.findBySlug(newSlug).isPresent() || redirects.usedByAnother(newSlug, article.id())) {
            throw Refusal.invalid(Map.of("slug", "'" + newSlug + "' is or was used by another article"));
        }
        String oldSlug = article.slug();
        Instant now = clock.instant();
        article.renameSlug(newSlug, now);
        redirects.renamed(article, oldSlug, newSlug, now);
        changes.record(actor, DraftingAction.RENAME_SLUG, article, article.workingRevision(), article.status(),
                article.status(), oldSlug + " -> " + newSlug);
        if (article.isLive()) {
            publication.publish(article, now, false);
            publication.renamed(oldSlug);
        }
        return changes.flushed(article);
    }

    /**
     * Assigns the medical reviewer the desk wants on this article (editors only). The reviewer needs a
     * reviewer profile and must not have written or edited the revision under review.
     */
    @Transactional
    public Article assignReviewer(Actor actor, long articleId, long expectedVersion, String reviewer) {
        requireRole(actor, Role.EDITOR, "assign reviewers");
        Article article = changes.loadForUpdate(articleId, expectedVersion);
        if (reviewer != null) {
            boolean isReviewer = profiles.findByKeycloakUser(reviewer).map(Profile::isReviewer).orElse(false);
            if (!isReviewer) {
                throw Refusal.invalid(Map.of("reviewer", "'" + reviewer + "' has no medical reviewer profile"));
            }
            if (rules.separationOfDutiesProblem(reviewer, article, article.workingRevision()) != null) {
                throw Refusal.invalid(Map.of("reviewer",
                        "'" + reviewer + "' wrote or edited this revision, or is in its byline, and cannot review it"));
            }
        }
        article.assignReviewer(reviewer, clock.instant());
        changes.record(actor, DraftingAction.ASSIGN_REVIEWER, article, article.workingRevision(), article.status(),
                article.status(), reviewer == null ? "unassigned" : reviewer);
        return changes.flushed(article);
    }
}
