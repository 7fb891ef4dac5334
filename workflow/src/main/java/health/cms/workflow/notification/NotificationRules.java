package health.cms.workflow.notification;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import health.cms.core.article.Article;
import health.cms.core.article.ArticleRepository;
import health.cms.core.article.ArticleStatus;
import health.cms.core.comment.ReviewComment;
import health.cms.core.comment.ReviewCommentRepository;
import health.cms.core.notification.DeskMemberRepository;
import health.cms.core.notification.Notification;
import health.cms.core.notification.NotificationRepository;
import health.cms.core.profile.Profile;
import health.cms.core.profile.ProfileRepository;
import health.cms.core.taxonomy.Category;
import health.cms.workflow.Actor;
import health.cms.workflow.ArticleChanged;
import health.cms.workflow.AuditedAction;
import health.cms.workflow.DraftingAction;
import health.cms.workflow.EditorialAction;
import health.cms.workflow.Role;

/**
 * Who is told what when an article changes. Every notification is written inside the transaction of the
 * action that caused it (so both happen or neither) and never to the person who acted.
 */
@ApplicationScoped
public class NotificationRules {

    /** Re-review reminders repeat at most this often for one article and reviewer. */
    public static final Duration REMINDER_INTERVAL = Duration.ofDays(7);

    /**
     * Fired synchronously for each notification written, inside the action's transaction: the desk queues
     * the mail there, so the mail exists exactly when the notification does.
     */
    public record Written(Notification notification, NotificationKind kind) {
    }

    private final NotificationRepository notifications;
    private final ArticleRepository articles;
    private final ProfileRepository profiles;
    private final DeskMemberRepository members;
    private final ReviewCommentRepository comments;
    private final Event<Written> written;
    private final Clock clock;

    NotificationRules(NotificationRepository notifications, ArticleRepository articles, ProfileRepository profiles,
            DeskMemberRepository members, ReviewCommentRepository comments, Event<Written> written, Clock clock) {
        this.notifications = notifications;
        this.articles = articles;
        this.profiles = profiles;
        this.members = members;
        this.comments = comments;
        this.written = written;
        this.clock = clock;
    }

    /** After an audited change to the article, in its transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    void afterChange(@Observes ArticleChanged change) {
        Actor actor = change.actor();
        AuditedAction action = change.action();
        Article article = change.article();
        ArticleStatus to = change.to();
        if (action == DraftingAction.ASSIGN_REVIEWER && article.assignedReviewer() != null) {
            notify(actor, NotificationKind.ASSIGNED, article, List.of(article.assignedReviewer()));
        } else if (action == EditorialAction.SUBMIT) {
            notify(actor, NotificationKind.SUBMITTED, article, article.assignedReviewer() != null
                    ? List.of(article.assignedReviewer())
                    : specialists(article.workingRevision().category()));
        } else if (action == EditorialAction.REQUEST_CHANGES) {
            notify(actor, NotificationKind.CHANGES_REQUESTED, article, writers(article));
        } else if (action == EditorialAction.APPROVE && to == ArticleStatus.SCHEDULED) {
            notify(actor, NotificationKind.APPROVED, article, writersAndEditors(article));
        } else if ((action == EditorialAction.APPROVE || action == EditorialAction.PUBLISH_DUE)
                && to == ArticleStatus.PUBLISHED) {
            notify(actor, NotificationKind.PUBLISHED, article, writersAndEditors(article));
        }
    }

    /** After a comment or reply: the writers, the assigned reviewer and everyone already in the thread. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void afterComment(Actor actor, Article article, ReviewComment comment) {
        Set<String> people = new LinkedHashSet<>(writers(article));
        if (article.assignedReviewer() != null) {
            people.add(article.assignedReviewer());
        }
        long thread = comment.parentId() == null ? comment.id() : comment.parentId();
        comments.forArticle(article.id()).stream()
                .filter(c -> c.id().equals(thread) || Long.valueOf(thread).equals(c.parentId()))
                .map(ReviewComment::author).forEach(people::add);
        notify(actor, NotificationKind.COMMENTED, article, people);
    }

    /** A scheduled publication was refused: the writers and editors hear why it is not live. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publicationFailed(long articleId) {
        articles.findByIdOptional(articleId).ifPresent(
                article -> notify(Actor.SCHEDULER, NotificationKind.PUBLICATION_FAILED, article, writersAndEditors(article)));
    }

    /**
     * A weekly reminder to the reviewer of record, unless they were reminded of this article in the last
     * seven days; returns whether one was written.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean remind(Article article, String reviewer, boolean overdue) {
        NotificationKind kind = overdue ? NotificationKind.REVIEW_OVERDUE : NotificationKind.REVIEW_DUE;
        if (notifications.toldSince(reviewer, kind.value(), article.id(), clock.instant().minus(REMINDER_INTERVAL))) {
            return false;
        }
        notify(Actor.SCHEDULER, kind, article, List.of(reviewer));
        return true;
    }

    private void notify(Actor actor, NotificationKind kind, Article article, Collection<String> recipients) {
        String title = article.workingRevision().title();
        for (String recipient : new LinkedHashSet<>(recipients)) {
            if (recipient == null || recipient.equals(actor.username())) {
                continue;
            }
            Notification notification = new Notification(recipient, kind.value(), article.id(), title,
                    actor.username(), clock.instant());
            notifications.persist(notification);
            written.fire(new Written(notification, kind));
        }
    }

    /** Everyone who wrote a revision of the article, and who submitted it. */
    private Set<String> writers(Article article) {
        Set<String> writers = new LinkedHashSet<>(articles.getEntityManager().createQuery(
                "select distinct r.createdBy from Revision r where r.article = :article", String.class)
                .setParameter("article", article).getResultList());
        if (article.submittedBy() != null) {
            writers.add(article.submittedBy());
        }
        return writers;
    }

    private Set<String> writersAndEditors(Article article) {
        Set<String> people = writers(article);
        people.addAll(members.withRole(Role.EDITOR.value()));
        return people;
    }

    /** The reviewers whose specialties the category needs (every reviewer when it needs none in particular). */
    private List<String> specialists(Category category) {
        return profiles.list("reviewer = true and keycloakUser is not null").stream()
                .filter(profile -> category.coveredBy(profile.specialties())).map(Profile::keycloakUser).toList();
    }
}
