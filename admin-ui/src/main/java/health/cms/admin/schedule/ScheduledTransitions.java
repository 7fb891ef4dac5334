package health.cms.admin.schedule;

import java.time.Clock;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import health.cms.core.refusal.Refusal;
import health.cms.workflow.TransitionService;
import health.cms.workflow.notification.NotificationRules;
import health.cms.workflow.schedule.ScheduledJob;
import health.cms.workflow.schedule.ScheduledJobRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Runs due scheduled publications and unpublications. Each job is claimed with
 * {@code FOR UPDATE SKIP LOCKED} and executed in the same transaction, so with several admin-ui
 * instances every job still runs exactly once, through the same workflow door as a person's action.
 */
@ApplicationScoped
public class ScheduledTransitions {

    private static final Logger LOG = Logger.getLogger(ScheduledTransitions.class);
    private static final int MAX_JOBS_PER_RUN = 500;

    private final ScheduledJobRepository jobs;
    private final TransitionService transitions;
    private final NotificationRules notifications;
    private final Clock clock;

    ScheduledTransitions(ScheduledJobRepository jobs, TransitionService transitions, NotificationRules notifications,
            Clock clock) {
        this.jobs = jobs;
        this.transitions = transitions;
        this.notifications = notifications;
        this.clock = clock;
    }

    @Scheduled(every = "${cms.scheduler.every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, delayed = "5s")
    void tick() {
        runDueJobs();
    }

    /** Runs every due job; returns how many this instance ran. */
    public int runDueJobs() {
        int ran = 0;
        while (ran < MAX_JOBS_PER_RUN && runOne()) {
            ran++;
        }
        return ran;
    }

    /** Claims and runs one due job; a refused job is marked failed with its reason, never retried forever. */
    private boolean runOne() {
        Long[] claimed = new Long[1];
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                Optional<ScheduledJob> job = jobs.claimNextDue(clock.instant());
                job.ifPresent(j -> {
                    claimed[0] = j.id();
                    transitions.runScheduled(j);
                });
                return job.isPresent();
            });
        } catch (RuntimeException e) {
            if (claimed[0] == null) {
                throw e;
            }
            String reason = e instanceof Refusal ? e.getMessage() : "unexpected failure: " + e;
            LOG.warnf("Scheduled job %d failed: %s", claimed[0], reason);
            QuarkusTransaction.requiringNew().run(() -> jobs.findByIdOptional(claimed[0]).ifPresent(job -> {
                job.finish(ScheduledJob.State.FAILED, reason, clock.instant());
                if (job.kind() == ScheduledJob.Kind.PUBLISH && job.articleId() != null) {
                    notifications.publicationFailed(job.articleId());
                }
            }));
            return true;
        }
    }
}
