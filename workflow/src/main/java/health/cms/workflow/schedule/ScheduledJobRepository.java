package health.cms.workflow.schedule;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

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
                WHERE state = 'pending' AND run_at <= :now
                ORDER BY run_at, id
                LIMIT 1
                FOR UPDATE SKIP LOCKED""", ScheduledJob.class)
                .setParameter("now", now)
                .getResultList();
        return jobs.stream().findFirst();
    }

    public List<ScheduledJob> pendingFor(long articleId) {
        return list("articleId = ?1 and state = 'pending' order by runAt", articleId);
    }
}
