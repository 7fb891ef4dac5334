package health.cms.admin.importing;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One bulk import: its progress counters and the per-line report as JSON. */
@Entity
@Table(name = "import_job")
public class ImportJob {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "requested_by", nullable = false)
    private String requestedBy;

    @Column(nullable = false)
    private boolean submit;

    @Column(nullable = false)
    private String state;

    @Column(name = "total_lines", nullable = false)
    private int totalLines;

    private int processed;
    private int created;
    private int skipped;
    private int failed;

    @Column(nullable = false)
    private String results = "[]";

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "heartbeat_at", nullable = false)
    private Instant heartbeatAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    protected ImportJob() {
    }

    ImportJob(String requestedBy, boolean submit, int totalLines, Instant now) {
        this.requestedBy = requestedBy;
        this.submit = submit;
        this.totalLines = totalLines;
        this.state = "running";
        this.startedAt = now;
        this.heartbeatAt = now;
    }

    void progress(int processed, int created, int skipped, int failed, String results, Instant now, boolean done) {
        this.processed = processed;
        this.created = created;
        this.skipped = skipped;
        this.failed = failed;
        this.results = results;
        this.heartbeatAt = now;
        if (done) {
            this.state = "finished";
            this.finishedAt = now;
        }
    }

    public Long id() {
        return id;
    }

    public String requestedBy() {
        return requestedBy;
    }

    public boolean submit() {
        return submit;
    }

    public String state() {
        return state;
    }

    public int totalLines() {
        return totalLines;
    }

    public int processed() {
        return processed;
    }

    public int created() {
        return created;
    }

    public int skipped() {
        return skipped;
    }

    public int failed() {
        return failed;
    }

    public String results() {
        return results;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant heartbeatAt() {
        return heartbeatAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }
}
