package health.cms.workflow;

import static health.cms.workflow.ArticleChanges.requireRole;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import health.cms.core.article.Article;
import health.cms.core.article.ArticleRepository;
import health.cms.core.article.ArticleStatus;
import health.cms.core.article.Revision;
import health.cms.core.article.RevisionContent;
import health.cms.core.article.RevisionRepository;
import health.cms.core.article.SlugRedirectRepository;
import health.cms.core.locale.Locales;
import health.cms.core.profile.Profile;
import health.cms.core.profile.ProfileRepository;
import health.cms.core.readability.RevisionReadabilities;
import health.cms.core.refusal.Refusal;
import health.cms.core.taxonomy.Category;
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
    private final Locales locales;
    private final Clock clock;

    DraftingService(ArticleRepository articles, RevisionRepository revisions, TransitionRules rules,
            ProfileRepository profiles, SlugRedirectRepository redirects, ContentResolver resolver,
            PublicationProjector publication, ArticleChanges changes, RevisionReadabilities readabilities,
            Locales locales, Clock clock) {
        this.articles = articles;
        this.revisions = revisions;
        this.rules = rules;
        this.profiles = profiles;
        this.redirects = redirects;
        this.resolver = resolver;
        this.publication = publication;
        this.changes = changes;
        this.readabilities = readabilities;
        this.locales = locales;
        this.clock = clock;
    }

    /** Creates a new article in the default locale with its first revision, as a draft. */
    @Transactional
    public Article create(Actor actor, ArticleInput input) {
        requireRole(actor, Role.WRITER, "create articles");
        return create(actor, input, now -> new Article(input.slug(), locales.defaultLocale(), now),
                DraftingAction.CREATE, input.changeNote());
    }

    /** Creates the article {@code newArticle} makes (a source or a translation) with its first revision. */
    Article create(Actor actor, ArticleInput input, Function<Instant, Article> newArticle, AuditedAction action,
            String comment) {
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
        Article article = newArticle.apply(now);
        articles.persist(article);
        Revision first = new Revision(article, 1, content, input.changeNote(), actor.username(), now);
        revisions.persist(first);
        readabilities.record(first);
        article.startWorkingOn(first, now);
        changes.record(actor, action, article, first, null, ArticleStatus.DRAFT, comment);
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
            publication.languagesChanged(article, now);
            publication.renamed(oldSlug);
        }
        return changes.flushed(article);
    }

    /**
     * Whether this account may review the article's working revision: it did not write or edit it and is not
     * in its byline (the assignment and the sign-off ask the same).
     */
    public boolean mayReview(String username, Article article) {
        return rules.separationOfDutiesProblem(username, article, article.workingRevision()) == null;
    }

    /** The longest reason an editor may give for assigning a reviewer outside the category's specialties. */
    public static final int MAX_ASSIGNMENT_REASON = 500;

    /** Assigns a reviewer inside the category's specialties, or clears the assignment (editors). */
    @Transactional
    public Article assignReviewer(Actor actor, long articleId, long expectedVersion, String reviewer) {
        return assignReviewer(actor, articleId, expectedVersion, reviewer, null);
    }

    /**
     * Assigns the medical reviewer of this article. An editor assigns anyone with a reviewer profile who
     * did not write or edit the revision; one outside the specialties its category needs only with a reason,
     * which the audit event keeps. A medical reviewer may take an article in their own specialty themselves.
     * {@code reviewer} null clears the assignment (editors).
     */
    @Transactional
    public Article assignReviewer(Actor actor, long articleId, long expectedVersion, String reviewer, String reason) {
        boolean selfAssignment = reviewer != null && reviewer.equals(actor.username()) && !actor.has(Role.EDITOR);
        if (selfAssignment) {
            requireRole(actor, Role.MEDICAL_REVIEWER, "take an article for review");
        } else {
            requireRole(actor, Role.EDITOR, "assign reviewers");
        }
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (why != null && why.length() > MAX_ASSIGNMENT_REASON) {
            throw Refusal.invalid(Map.of("reason", "must be at most " + MAX_ASSIGNMENT_REASON + " characters"));
        }
        Article article = changes.loadForUpdate(articleId, expectedVersion);
        String comment = "unassigned";
        if (reviewer != null) {
            Profile profile = profiles.findByKeycloakUser(reviewer).filter(Profile::isReviewer).orElseThrow(
                    () -> Refusal.invalid(Map.of("reviewer", "'" + reviewer + "' has no medical reviewer profile")));
            if (rules.separationOfDutiesProblem(reviewer, article, article.workingRevision()) != null) {
                throw Refusal.invalid(Map.of("reviewer",
                        "'" + reviewer + "' wrote or edited this revision, or is in its byline, and cannot review it"));
            }
            Category category = article.workingRevision().category();
            boolean inSpecialty = category.coveredBy(profile.specialties());
            if (!inSpecialty && selfAssignment) {
                throw Refusal.forbidden("'" + category.name() + "' needs a reviewer in "
                        + String.join(" or ", category.specialties())
                        + "; you may take only articles in your own specialty, an editor assigns anyone else");
            }
            if (!inSpecialty && why == null) {
                throw Refusal.invalid(Map.of("reason", "'" + reviewer + "' is outside the specialties '"
                        + category.name() + "' needs (" + String.join(", ", category.specialties())
                        + "): say why they should review it"));
            }
            comment = inSpecialty
                    ? reviewer
                    : reviewer + " (outside " + String.join(", ", category.specialties()) + ": "
                            + why + ")";
        }
        article.assignReviewer(reviewer, clock.instant());
        changes.record(actor, DraftingAction.ASSIGN_REVIEWER, article, article.workingRevision(), article.status(),
                article.status(), comment);
        return changes.flushed(article);
    }
}
