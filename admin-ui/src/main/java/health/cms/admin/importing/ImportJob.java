package health.cms.admin.importing;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import com.fasterxml.jackson.annotation.JsonValue;

/** One bulk import and its progress counters; the report of its lines is appended to {@link ImportReportLine}. */
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
    private int updated;
    private int skipped;
    private int failed;

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

    /** Counts the outcomes of lines whose report was just appended; a finished job takes no more. */
    void counted(List<LineResult> batch, Instant now) {
        if (state != State.RUNNING) {
            throw new IllegalStateException("Import " + id + " is " + state + " and takes no more lines");
        }
        for (LineResult line : batch) {
            processed++;
            switch (line.result()) {
                case CREATED -> created++;
                case UPDATED -> updated++;
                case SKIPPED -> skipped++;
                case ERROR -> failed++;
            }
        }
        this.heartbeatAt = now;
    }

    void finish(Instant now) {
        this.state = State.FINISHED;
        this.heartbeatAt = now;
        this.finishedAt = now;
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

    public int updated() {
        return updated;
    }

    public int skipped() {
        return skipped;
    }

    public int failed() {
        return failed;
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
