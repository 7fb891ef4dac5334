package health.cms.admin.article;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import health.cms.admin.readability.ReadabilityView;
import health.cms.core.article.Article;
import health.cms.core.article.ArticleRepository;
import health.cms.core.article.ArticleStatus;
import health.cms.core.article.Revision;
import health.cms.core.article.RevisionRepository;
import health.cms.core.profile.Profile;
import health.cms.core.publication.PublicArticle;
import health.cms.core.readability.RevisionReadabilities;
import health.cms.core.refusal.Refusal;
import health.cms.core.review.SignOffRepository;
import health.cms.core.taxonomy.Tag;
import health.cms.workflow.Actor;
import health.cms.workflow.EditorialAction;
import health.cms.workflow.TransitionService;
import health.cms.workflow.review.ReviewStatus;
import health.cms.workflow.schedule.ScheduledJobRepository;
import io.quarkus.panache.common.Parameters;

/** Read models of articles for the desk: working state, revisions, lists and the review queue. */
@ApplicationScoped
public class ArticleQueries {

    private final ArticleRepository articles;
    private final RevisionRepository revisions;
    private final SignOffRepository signOffs;
    private final ScheduledJobRepository jobs;
    private final TransitionService transitions;
    private final RevisionReadabilities readabilities;
    private final Clock clock;

    ArticleQueries(ArticleRepository articles, RevisionRepository revisions, SignOffRepository signOffs,
            ScheduledJobRepository jobs, TransitionService transitions, RevisionReadabilities readabilities,
            Clock clock) {
        this.articles = articles;
        this.revisions = revisions;
        this.signOffs = signOffs;
        this.jobs = jobs;
        this.transitions = transitions;
        this.readabilities = readabilities;
        this.clock = clock;
    }

    @Transactional
    public ArticleState state(long id, Actor actor) {
        return state(find(id), actor);
    }

    ArticleState state(Article article, Actor actor) {
        return new ArticleState(article.id(), article.slug(), article.status().value(), article.version(),
                article.isLive(), article.isLive() ? article.liveRevision().number() : null,
                view(article.workingRevision()),
                ReadabilityView.of(readabilities.report(article.workingRevision())), article.createdAt(), article.updatedAt(),
                article.firstPublishedAt(),
                article.lastReviewedAt(), article.nextReviewDue(), reviewStatus(article), article.assignedReviewer(),
                article.pendingChangeClass(),
                transitions.availableActions(actor, article).stream().map(EditorialAction::value).toList(),
                jobs.pendingFor(article.id()).stream()
                        .map(j -> new ArticleState.ScheduledView(j.id(), j.kind().name().toLowerCase(), j.runAt(),
                                j.requestedBy()))
                        .toList());
    }

    /** Why this person may not sign off the working revision (they wrote or edited it, or are in its byline), or null. */
    @Transactional
    public String signOffProblem(long id, Actor actor) {
        Article article = find(id);
        return transitions.separationOfDutiesProblem(actor, article, article.workingRevision());
    }

    @Transactional
    public List<ArticleState.RevisionView> revisions(long id) {
        return revisions.history(find(id)).stream().map(this::view).toList();
    }

    /** A page of the revisions, oldest first. */
    @Transactional
    public List<ArticleState.RevisionView> revisions(long id, int offset, int limit) {
        return revisions.history(find(id), offset, limit).stream().map(this::view).toList();
    }

    /** A page of the revisions, newest first (the desk's history page). */
    @Transactional
    public List<ArticleState.RevisionView> newestRevisions(long id, int offset, int limit) {
        return revisions.newestFirst(find(id), offset, limit).stream().map(this::view).toList();
    }

    @Transactional
    public ArticleState.RevisionView revision(long id, int number) {
        return revisions.findByNumber(find(id), number).map(this::view)
                .orElseThrow(() -> Refusal.notFound("Revision " + number + " of article " + id));
    }

    /** Lists articles for the desk, newest change first, with optional filters (null means any). */
    @Transactional
    public List<ArticleState.Summary> list(ArticleStatus status, String author, String category, String createdBy,
            String assignee, int limit, int offset) {
        StringBuilder query = new StringBuilder("select a from Article a join a.workingRevision w where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (status != null) {
            query.append(" and a.status = :status");
            params.put("status", status);
        }
        if (category != null) {
            query.append(" and w.category.slug = :category");
            params.put("category", category);
        }
        if (author != null) {
            query.append(" and exists (select 1 from Revision r join r.authors p where r = w and p.slug = :author)");
            params.put("author", author);
        }
        if (createdBy != null) {
            query.append(" and exists (select 1 from Revision r where r.article = a and r.createdBy = :createdBy)");
            params.put("createdBy", createdBy);
        }
        if (assignee != null) {
            query.append(" and a.assignedReviewer = :assignee");
            params.put("assignee", assignee);
        }
        query.append(" order by a.updatedAt desc, a.id desc");
        var typed = articles.getEntityManager().createQuery(query.toString(), Article.class);
        params.forEach(typed::setParameter);
        return typed.setFirstResult(offset).setMaxResults(limit).getResultList().stream().map(this::summary).toList();
    }

    /** Submitted articles waiting longest first, then live articles due soon or overdue, at most {@code limit}. */
    @Transactional
    public List<ArticleState.Summary> reviewQueue(int limit) {
        return reviewQueue(0, limit);
    }

    /** The queue from its {@code offset}-th entry on, at most {@code limit}. */
    @Transactional
    public List<ArticleState.Summary> reviewQueue(int offset, int limit) {
        return reviewQueue(offset, limit, null);
    }

    /** The same queue, of articles in {@code locale} only (null: every language). */
    @Transactional
    public List<ArticleState.Summary> reviewQueue(int offset, int limit, String locale) {
        List<ArticleState.Summary> queue = new ArrayList<>();
        String inLocale = locale == null ? "" : " and locale = :locale";
        Parameters waitingFor = Parameters.with("status", ArticleStatus.MEDICAL_REVIEW);
        Parameters dueBy = Parameters.with("soon", clock.instant().plus(ReviewStatus.DUE_SOON_WINDOW));
        if (locale != null) {
            waitingFor.and("locale", locale);
            dueBy.and("locale", locale);
        }
        long waiting = articles.count("status = :status" + inLocale, waitingFor);
        if (offset < waiting) {
            articles.find("status = :status" + inLocale + " order by updatedAt, id", waitingFor)
                    .range(offset, offset + limit - 1).list().forEach(a -> queue.add(summary(a)));
        }
        if (queue.size() < limit) {
            int dueOffset = (int) Math.max(0, offset - waiting);
            articles.find("liveRevision is not null and nextReviewDue < :soon" + inLocale + " order by nextReviewDue, id",
                    dueBy)
                    .range(dueOffset, dueOffset + limit - queue.size() - 1).list().forEach(a -> queue.add(summary(a)));
        }
        return queue;
    }

    /** The byline, category and tags of the working revision by name: part of what the reviewer signs. */
    @Transactional
    public ArticleState.Filing filing(long id) {
        Revision r = find(id).workingRevision();
        return new ArticleState.Filing(
                r.authors().stream().map(a -> new ArticleState.Named(a.slug(), a.displayName(), a.credentials())).toList(),
                new ArticleState.Named(r.category().slug(), r.category().name(), null),
                r.tags().stream().map(t -> new ArticleState.Named(t.slug(), t.name(), null)).toList());
    }

    Article find(long id) {
        return articles.findByIdOptional(id).orElseThrow(() -> Refusal.notFound("Article " + id));
    }

    private ArticleState.Summary summary(Article a) {
        Revision w = a.workingRevision();
        return new ArticleState.Summary(a.id(), a.slug(), w.title(), a.status().value(), a.isLive(), w.category().slug(),
                w.authors().stream().map(Profile::slug).toList(), a.updatedAt(), a.nextReviewDue(), reviewStatus(a),
                a.assignedReviewer(), a.version());
    }

    private String reviewStatus(Article article) {
        return article.isLive() ? ReviewStatus.of(article.nextReviewDue(), clock.instant()).value() : null;
    }

    private ArticleState.RevisionView view(Revision r) {
        return new ArticleState.RevisionView(r.number(), r.title(), r.summary(), r.bodyMarkdown(), r.category().slug(),
                r.authors().stream().map(Profile::slug).toList(), r.tags().stream().map(Tag::slug).toList(),
                r.references().stream().map(PublicArticle.ReferenceView::of).toList(), r.appearance(), r.changeNote(),
                r.createdBy(), r.createdAt(), r.contentHash(),
                signOffs.forRevision(r).stream()
                        .map(s -> new ArticleState.SignOffView(s.decision().value(), s.reviewerUser(), s.reviewerName(),
                                s.reviewerCredentials(), s.comment(), s.contentHash(), s.signedAt()))
                        .toList(),
                r.images().stream().map(ArticleState.ImageView::of).toList(), r.leadImage());
    }
}
