package health.cms.admin.schedule;

import jakarta.enterprise.context.ApplicationScoped;

import health.cms.workflow.review.ReviewReminders;
import io.quarkus.scheduler.Scheduled;

/**
 * Runs the workflow's re-review sweep, which writes {@code article.review-due} and
 * {@code article.review-overdue} into the outbox once per review cycle (safe on several instances).
 */
@ApplicationScoped
public class ReviewReminderSweep {

    private final ReviewReminders reminders;

    ReviewReminderSweep(ReviewReminders reminders) {
        this.reminders = reminders;
    }

    @Scheduled(every = "${cms.scheduler.review-reminders-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, delayed = "20s")
    void tick() {
        reminders.emitReached();
    }
}
