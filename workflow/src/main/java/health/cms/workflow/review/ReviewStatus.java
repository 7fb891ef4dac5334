package health.cms.workflow.review;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/** Whether a live article's medical review is current, due within 30 days, or overdue. */
public enum ReviewStatus {

    CURRENT("current"), DUE_SOON("due-soon"), OVERDUE("overdue");

    /** How far ahead of the due date an article counts as due soon. */
    public static final Duration DUE_SOON_WINDOW = Duration.ofDays(30);

    private final String value;

    ReviewStatus(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static ReviewStatus of(Instant nextReviewDue, Instant now) {
        if (nextReviewDue == null || !now.isBefore(nextReviewDue)) {
            return OVERDUE;
        }
        return now.plus(DUE_SOON_WINDOW).isBefore(nextReviewDue) ? CURRENT : DUE_SOON;
    }

    /** The next due date: the category's interval in calendar months after the review. */
    public static Instant nextDue(Instant reviewedAt, int intervalMonths) {
        return reviewedAt.atOffset(ZoneOffset.UTC).plusMonths(intervalMonths).toInstant();
    }

    public static ReviewStatus of(Instant nextReviewDue, Clock clock) {
        return of(nextReviewDue, clock.instant());
    }
}
