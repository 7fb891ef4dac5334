package health.cms.admin.importing;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import health.cms.core.refusal.Refusal;
import io.quarkus.hibernate.orm.panache.PanacheRepository;

/** Stores import jobs and their reports; each write is its own short transaction beside the lines' own. */
@ApplicationScoped
public class ImportJobs implements PanacheRepository<ImportJob> {

    /**
     * Starts a job unless {@code user} already runs {@code limit} of them. A running job whose heartbeat is
     * older than {@code stalledBefore} was cut off by a restart and does not count. The check and the insert
     * hold a lock on the person's name, so two requests at once cannot both take the last place, on any instance.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    ImportJob start(String user, boolean submit, int lines, Instant now, int limit, Instant stalledBefore) {
        getEntityManager().createNativeQuery("SELECT count(*) FROM (SELECT pg_advisory_xact_lock(hashtext(?1))) l")
                .setParameter(1, "import_job:" + user).getSingleResult();
        long running = count("requestedBy = ?1 and state = ?2 and heartbeatAt >= ?3", user, ImportJob.State.RUNNING,
                stalledBefore);
        if (running >= limit) {
            throw Refusal.conflict("You already have " + running + " imports running, and at most " + limit
                    + " may run at once per person; start this one when one of them has finished");
        }
        ImportJob job = new ImportJob(user, submit, lines, now);
        persist(job);
        return job;
    }

    /** Appends the report of a batch of lines, counts them into the job and, after the last, finishes it. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void append(long id, List<LineResult> batch, Instant now, boolean done) {
        ImportJob job = findById(id);
        for (LineResult line : batch) {
            getEntityManager().persist(new ImportReportLine(id, line));
        }
        job.counted(batch, now);
        if (done) {
            job.finish(now);
        }
    }

    /** The report of every line so far, in file order. */
    List<LineResult> report(long id) {
        return getEntityManager()
                .createQuery("from ImportReportLine where jobId = ?1 order by line", ImportReportLine.class)
                .setParameter(1, id).getResultStream().map(ImportReportLine::toResult).toList();
    }
}
