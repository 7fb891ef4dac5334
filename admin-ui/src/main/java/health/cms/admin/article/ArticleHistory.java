package health.cms.admin.article;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import health.cms.core.article.Article;
import health.cms.core.article.Revision;
import health.cms.core.article.RevisionRepository;
import health.cms.core.audit.AuditEvent;
import health.cms.core.audit.AuditLog;
import health.cms.core.correction.CorrectionRepository;
import health.cms.core.diff.RevisionDiff;
import health.cms.core.refusal.Refusal;
import health.cms.core.review.SignOff;
import health.cms.core.review.SignOffRepository;

/** Diffs between revisions and the audit timeline of one article. */
@ApplicationScoped
public class ArticleHistory {

    /** The bases a diff can be asked against besides a revision number. */
    public static final String LIVE = "live";
    public static final String APPROVED = "approved";
    public static final String REVIEW = "review";
    /** The API's pattern for {@code from}: one of the named bases or a revision number. */
    public static final String FROM_PATTERN = "review|live|approved|\\d{1,6}";

    private final ArticleQueries queries;
    private final RevisionRepository revisions;
    private final SignOffRepository signOffs;
    private final AuditLog audit;
    private final CorrectionRepository corrections;

    ArticleHistory(ArticleQueries queries, RevisionRepository revisions, SignOffRepository signOffs, AuditLog audit,
            CorrectionRepository corrections) {
        this.corrections = corrections;
        this.queries = queries;
        this.revisions = revisions;
        this.signOffs = signOffs;
        this.audit = audit;
    }

    /**
     * {@code from} is a revision number, {@value #LIVE} (the revision readers see now, nothing when the
     * article is offline), {@value #APPROVED} (the last approved revision before {@code to}) or
     * {@value #REVIEW} (what the reviewer compares against: {@value #LIVE} when the article is live,
     * else {@value #APPROVED}).
     */
    @Transactional
    public RevisionDiff.Result diff(long articleId, String from, Integer to) {
        Article article = queries.find(articleId);
        Revision target = to == null ? article.workingRevision() : revision(article, to);
        return RevisionDiff.between(base(article, from, target), target);
    }

    /**
     * The review's base: an approved revision that never went live (its schedule was cancelled) is not what
     * readers have, so comparing with it would hide its changes from the reviewer and the change class.
     */
    private Revision base(Article article, String from, Revision target) {
        return switch (from) {
            case LIVE -> article.liveRevision();
            case APPROVED -> lastApprovedBefore(article, target);
            case REVIEW -> article.isLive() ? article.liveRevision() : lastApprovedBefore(article, target);
            default -> revision(article, Integer.parseInt(from));
        };
    }

    @Transactional
    public List<AuditEvent> audit(long articleId) {
        return audit.forArticle(queries.find(articleId).id());
    }

    /** A page of the article's audit events, oldest first. */
    @Transactional
    public List<AuditEvent> audit(long articleId, int offset, int limit) {
        return audit.forArticle(queries.find(articleId).id(), offset, limit);
    }

    /** A page of the article's audit events, newest first (the desk's history page). */
    @Transactional
    public List<AuditEvent> newestAudit(long articleId, int offset, int limit) {
        return audit.forArticleNewestFirst(queries.find(articleId).id(), offset, limit);
    }

    /** A published correction as the history shows it. */
    public record CorrectionView(int revision, String changeClass, String note, java.time.Instant publishedAt) {
    }

    @Transactional
    public List<CorrectionView> corrections(long articleId) {
        return corrections.forArticle(queries.find(articleId)).stream()
                .map(c -> new CorrectionView(c.revision().number(), c.changeClass().value(), c.note(), c.publishedAt()))
                .toList();
    }

    private Revision lastApprovedBefore(Article article, Revision target) {
        return revisions.history(article).stream()
                .filter(r -> r.number() < target.number())
                .filter(r -> signOffs.forRevision(r).stream().anyMatch(s -> s.decision() == SignOff.Decision.APPROVED))
                .reduce((first, second) -> second)
                .orElse(null);
    }

    private Revision revision(Article article, int number) {
        return revisions.findByNumber(article, number)
                .orElseThrow(() -> Refusal.notFound("Revision " + number + " of article " + article.id()));
    }
}
