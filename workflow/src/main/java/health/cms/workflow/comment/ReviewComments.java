package health.cms.workflow.comment;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;

import org.hibernate.StaleStateException;

import health.cms.core.article.Article;
import health.cms.core.article.ArticleRepository;
import health.cms.core.article.Revision;
import health.cms.core.article.RevisionRepository;
import health.cms.core.audit.AuditLog;
import health.cms.core.comment.ReviewComment;
import health.cms.core.comment.ReviewCommentRepository;
import health.cms.core.comment.TextQuote;
import health.cms.core.markdown.MarkdownRenderer;
import health.cms.core.refusal.Refusal;
import health.cms.workflow.Actor;
import health.cms.workflow.AuditedAction;
import health.cms.workflow.DraftingAction;
import health.cms.workflow.Role;
import health.cms.workflow.notification.NotificationRules;

/**
 * The review conversation on an article: reviewers and editors comment on a quoted passage (optionally
 * blocking approval), anyone on the desk replies, and writers, editors or the comment's author resolve it.
 * Every step is in the audit trail; nothing here is ever public.
 */
@ApplicationScoped
public class ReviewComments {

    /** The longest comment or reply. */
    public static final int MAX_BODY = 5000;
    /** How much text either side of a passage is kept to find it again, as the W3C selector suggests. */
    private static final int CONTEXT = 40;

    private final ReviewCommentRepository comments;
    private final ArticleRepository articles;
    private final RevisionRepository revisions;
    private final MarkdownRenderer renderer;
    private final AuditLog audit;
    private final NotificationRules notifications;
    private final Clock clock;

    ReviewComments(ReviewCommentRepository comments, ArticleRepository articles, RevisionRepository revisions,
            MarkdownRenderer renderer, AuditLog audit, NotificationRules notifications, Clock clock) {
        this.notifications = notifications;
        this.comments = comments;
        this.articles = articles;
        this.revisions = revisions;
        this.renderer = renderer;
        this.audit = audit;
        this.clock = clock;
    }

    /** Every thread on the article, oldest first, anchored in its current working revision. */
    @Transactional
    public List<CommentThread> threads(long articleId) {
        Article article = article(articleId);
        String text = readerText(article.workingRevision());
        Map<Long, List<CommentThread.Reply>> replies = new LinkedHashMap<>();
        List<ReviewComment> all = comments.forArticle(articleId);
        for (ReviewComment comment : all) {
            if (comment.parentId() != null) {
                replies.computeIfAbsent(comment.parentId(), id -> new ArrayList<>())
                        .add(new CommentThread.Reply(comment.id(), number(comment), comment.body(), comment.author(),
                                comment.createdAt()));
            }
        }
        List<CommentThread> threads = new ArrayList<>();
        for (ReviewComment comment : all) {
            if (comment.parentId() == null) {
                CommentThread.Anchor anchor = comment.quote().locate(text).isPresent()
                        ? CommentThread.Anchor.CURRENT
                        : CommentThread.Anchor.OUTDATED;
                threads.add(new CommentThread(comment.id(), number(comment), comment.quote(), anchor, comment.body(),
                        comment.blocking(), comment.author(), comment.createdAt(), comment.resolvedBy(),
                        comment.resolvedAt(), replies.getOrDefault(comment.id(), List.of())));
            }
        }
        return threads;
    }

    /**
     * Comments on a passage of the working revision. The passage must be in that text (the desk sends what
     * the reviewer selected, with the text around it when the passage occurs more than once); the context
     * kept with it is taken from the text itself.
     */
    @Transactional
    public ReviewComment comment(Actor actor, long articleId, TextQuote selected, String body, boolean blocking) {
        if (!actor.has(Role.MEDICAL_REVIEWER) && !actor.has(Role.EDITOR)) {
            throw Refusal.forbidden("Commenting on a passage needs the medical-reviewer or editor role; "
                    + "writers reply to comments");
        }
        Article article = article(articleId);
        Revision working = article.workingRevision();
        String exact = selected.exact();
        Map<String, String> errors = new LinkedHashMap<>();
        if (exact.isEmpty() || exact.length() > TextQuote.MAX_EXACT) {
            errors.put("quote", "select a passage of 1 to " + TextQuote.MAX_EXACT + " characters");
        }
        checkBody(body, errors);
        String text = readerText(working);
        int at = exact.isEmpty() ? -1 : selected.locate(text).orElse(-1);
        if (errors.isEmpty() && at < 0) {
            errors.put("quote", "is not in the text of revision " + working.number() + "; select it again");
        }
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
        TextQuote quote = new TextQuote(exact, text.substring(Math.max(0, at - CONTEXT), at),
                text.substring(at + exact.length(), Math.min(text.length(), at + exact.length() + CONTEXT)));
        ReviewComment comment = ReviewComment.on(articleId, working.id(), quote, body.strip(), blocking,
                actor.username(), clock.instant());
        comments.persist(comment);
        record(actor, DraftingAction.COMMENT, article,
                (blocking ? "blocking comment on \"" : "comment on \"") + exact + "\": " + body.strip());
        notifications.afterComment(actor, article, comment);
        return comment;
    }

    /** Answers a thread. */
    @Transactional
    public ReviewComment reply(Actor actor, long articleId, long commentId, String body) {
        Map<String, String> errors = new LinkedHashMap<>();
        checkBody(body, errors);
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
        Article article = article(articleId);
        ReviewComment reply = find(articleId, commentId).reply(article.workingRevision().id(), body.strip(),
                actor.username(), clock.instant());
        comments.persist(reply);
        record(actor, DraftingAction.REPLY, article, "reply to comment " + commentId + ": " + body.strip());
        notifications.afterComment(actor, article, reply);
        return reply;
    }

    /** Closes a thread: the writers answer the review, editors run the desk, and an author may withdraw their point. */
    @Transactional
    public ReviewComment resolve(Actor actor, long articleId, long commentId) {
        ReviewComment comment = find(articleId, commentId);
        if (!actor.has(Role.WRITER) && !actor.has(Role.EDITOR) && !actor.username().equals(comment.author())) {
            throw Refusal.forbidden("Only writers, editors or the comment's author resolve a comment");
        }
        Article article = article(articleId);
        comment.resolve(actor.username(), clock.instant());
        try {
            comments.flush();
        } catch (OptimisticLockException | StaleStateException e) {
            throw Refusal.stale("Someone resolved this comment at the same moment; reload the article");
        }
        record(actor, DraftingAction.RESOLVE_COMMENT, article,
                "resolved " + (comment.blocking() ? "blocking comment " : "comment ") + commentId);
        return comment;
    }

    /** The text a reader sees of a revision, as a reviewer selects from it: title, lead and body. */
    String readerText(Revision revision) {
        return TextQuote.normalize(revision.title() + "\n" + revision.summary() + "\n"
                + renderer.render(revision.bodyMarkdown()).text());
    }

    private static void checkBody(String body, Map<String, String> errors) {
        if (body == null || body.isBlank()) {
            errors.put("body", "is required");
        } else if (body.length() > MAX_BODY) {
            errors.put("body", "must be at most " + MAX_BODY + " characters");
        }
    }

    private ReviewComment find(long articleId, long commentId) {
        return Optional.ofNullable(comments.findById(commentId)).filter(found -> found.articleId() == articleId)
                .orElseThrow(() -> Refusal.notFound("Comment " + commentId + " on article " + articleId));
    }

    private Article article(long articleId) {
        return articles.findByIdOptional(articleId).orElseThrow(() -> Refusal.notFound("Article " + articleId));
    }

    private int number(ReviewComment comment) {
        return revisions.findById(comment.revisionId()).number();
    }

    private void record(Actor actor, AuditedAction action, Article article, String comment) {
        audit.append(new AuditLog.Entry(clock.instant(), actor.username(), action.value(), article.id(),
                article.workingRevision().id(), null, null, comment));
    }
}
