package health.cms.admin.importing;

import java.time.Instant;
import java.util.Arrays;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import com.fasterxml.jackson.annotation.JsonValue;

/** One bulk import: its progress counters and the per-line report as JSON. */
@Entity
@Table(name = "import_job")
public class ImportJob {

    /**
     * Where an import stands: {@code running} until its last line, then {@code finished}. Only these two
     * are stored; {@code interrupted} is what a running job whose heartbeat stopped (a restart) is shown as.
     */
    public enum State {

        RUNNING("running"), FINISHED("finished"), INTERRUPTED("interrupted");

        private final String value;

        State(String value) {
            this.value = value;
        }

        /** The JSON and database spelling. */
        @JsonValue
        public String value() {
            return value;
        }

        @Override
        public String toString() {
            return value;
        }

        /** Stores the state by its name, never its ordinal. */
        @jakarta.persistence.Converter
        public static class Converter implements AttributeConverter<State, String> {

            @Override
            public String convertToDatabaseColumn(State state) {
                return state == null ? null : state.value;
            }

            @Override
            public State convertToEntityAttribute(String value) {
                return value == null
                        ? null
                        : Arrays.stream(values()).filter(s -> s.value.equals(value)).findFirst()
                                .orElseThrow(() -> new IllegalStateException("Unknown import state '" + value + "'"));
            }
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "requested_by", nullable = false)
    private String requestedBy;

    @Column(nullable = false)
    private boolean submit;

    @Column(nullable = false)
    @Convert(converter = State.Converter.class)
    private State state;

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
        this.state = State.RUNNING;
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
            this.state = State.FINISHED;
            this.finishedAt = now;
        }
    }

    public Long id() {
        return id;
    }

    public String requestedBy() {
        return requestedBy;
    }

    /** The stored state; {@link ArticleImporter} reports a running job whose heartbeat stopped as interrupted. */
    public State state() {
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
