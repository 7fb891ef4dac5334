package health.cms.workflow.notification;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a notification says happened, and to whom the rules send it. Each value is stored as written, so it
 * never changes once released.
 */
public enum NotificationKind {

    // @formatter:off
    /** To the reviewer an editor assigned (or who took the article). */
    ASSIGNED(             "assigned",            "You were assigned to review"),
    /** To the assigned reviewer, or when nobody is assigned to every reviewer in the category's specialty. */
    SUBMITTED(            "submitted",           "Submitted for medical review"),
    /** To the writers of the article. */
    CHANGES_REQUESTED(    "changes-requested",   "Changes requested"),
    /** To the writers, the assigned reviewer and everyone in the thread. */
    COMMENTED(            "commented",           "New review comment"),
    /** Approved to go live at a set time: to the writers and editors. */
    APPROVED(             "approved",            "Approved"),
    /** Live now: to the writers and editors. */
    PUBLISHED(            "published",           "Published"),
    /** A scheduled publication was refused: to the writers and editors. */
    PUBLICATION_FAILED(   "publication-failed",  "Scheduled publication failed"),
    /** Re-review due within 30 days: weekly to the reviewer of record. */
    REVIEW_DUE(           "review-due",          "Re-review due soon"),
    /** Re-review overdue: weekly to the reviewer of record. */
    REVIEW_OVERDUE(       "review-overdue",      "Re-review overdue");
    // @formatter:on

    private final String value;
    private final String headline;

    NotificationKind(String value, String headline) {
        this.value = value;
        this.headline = headline;
    }

    /** The value stored and served, e.g. {@code changes-requested}. */
    public String value() {
        return value;
    }

    /** The words a person reads, before the article's title. */
    public String headline() {
        return headline;
    }

    public static Optional<NotificationKind> fromValue(String value) {
        return Arrays.stream(values()).filter(kind -> kind.value.equals(value)).findFirst();
    }
}
