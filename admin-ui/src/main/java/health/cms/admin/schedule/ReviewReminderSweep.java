package health.cms.admin.schedule;

import jakarta.enterprise.context.ApplicationScoped;

import health.cms.workflow.notification.RereviewReminders;
import health.cms.workflow.review.ReviewReminders;
import io.quarkus.scheduler.Scheduled;

/**
 * Runs the workflow's re-review sweep, which writes {@code article.review-due} and
 * {@code article.review-overdue} into the outbox once per review cycle, and the weekly reminders to the reviewer
 * of record (both safe on several instances).
 */
@ApplicationScoped
public class ReviewReminderSweep {

    private final ReviewReminders reminders;
    private final RereviewReminders notices;

    ReviewReminderSweep(ReviewReminders reminders, RereviewReminders notices) {
        this.reminders = reminders;
        this.notices = notices;
    }

    @Scheduled(every = "${cms.scheduler.review-reminders-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, delayed = "20s")
    void tick() {
        reminders.emitReached();
        notices.remind();
    }
}
