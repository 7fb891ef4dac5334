package health.cms.workflow.schedule;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.PessimisticLockException;

import health.cms.core.refusal.Refusal;
import io.quarkus.hibernate.orm.panache.PanacheRepository;

/** Stores planned transitions and claims due ones without two instances taking the same row. */
@ApplicationScoped
public class ScheduledJobRepository implements PanacheRepository<ScheduledJob> {

    /**
     * Locks the oldest due pending job; rows locked by another instance are skipped, so concurrent
     * schedulers never run the same job. Must run inside the transaction that executes the job.
     */
    public Optional<ScheduledJob> claimNextDue(Instant now) {
        @SuppressWarnings("unchecked")
        List<ScheduledJob> jobs = getEntityManager().createNativeQuery("""
                SELECT * FROM scheduled_job
                WHERE state = :pending AND run_at <= :now
                ORDER BY run_at, id
                LIMIT 1
                FOR UPDATE SKIP LOCKED""", ScheduledJob.class)
                .setParameter("pending", ScheduledJob.State.PENDING.value())
                .setParameter("now", now)
                .getResultList();
        return jobs.stream().findFirst();
    }

    public List<ScheduledJob> pendingFor(long articleId) {
        return list("articleId = ?1 and state = ?2 order by runAt", articleId, ScheduledJob.State.PENDING);
    }

    /**
     * The article's pending jobs, locked for a change by a person, who already holds the article's row.
     * The scheduler takes a job's row before the article's, so waiting here could deadlock with it: a
     * job the scheduler is running right now is refused at once instead.
     */
    public List<ScheduledJob> lockPendingFor(long articleId) {
        try {
            return find("articleId = ?1 and state = ?2 order by runAt", articleId, ScheduledJob.State.PENDING)
                    .withLock(LockModeType.PESSIMISTIC_WRITE).withHint("jakarta.persistence.lock.timeout", 0).list();
        } catch (LockTimeoutException | PessimisticLockException e) {
            throw Refusal.conflict("The scheduler is running this article's planned change right now; "
                    + "reload the article in a moment to see the result");
        }
    }
}
