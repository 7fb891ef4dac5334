package health.cms.workflow.schedule;

import java.time.Instant;
import java.util.Locale;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import health.cms.core.correction.ChangeClass;

/** A transition planned for a later time: publish an approved revision, or take an article offline. */
@Entity
@Table(name = "scheduled_job")
public class ScheduledJob {

    /** What the job will do. */
    public enum Kind {
        PUBLISH, UNPUBLISH
    }

    /** Where the job stands; stored by its lower-case name, never its ordinal. */
    public enum State {

        PENDING, DONE, CANCELLED, FAILED;

        /** The database spelling, e.g. {@code pending}. */
        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Maps the state to its database spelling and back. */
        @jakarta.persistence.Converter
        public static class Converter implements AttributeConverter<State, String> {

            @Override
            public String convertToDatabaseColumn(State state) {
                return state == null ? null : state.value();
            }

            @Override
            public State convertToEntityAttribute(String value) {
                return value == null ? null : State.valueOf(value.toUpperCase(Locale.ROOT));
            }
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "article_id", nullable = false)
    private Long articleId;

    @Column(name = "revision_id")
    private Long revisionId;

    @Column(nullable = false)
    private String action;

    @Column(name = "run_at", nullable = false)
    private Instant runAt;

    @Column(name = "requested_by", nullable = false)
    private String requestedBy;

    @Column(name = "change_class")
    private String changeClass;

    @Column(name = "correction_note")
    private String correctionNote;

    @Convert(converter = State.Converter.class)
    @Column(nullable = false)
    private State state = State.PENDING;

    private String outcome;

    @Column(name = "finished_at")
    private Instant finishedAt;

    protected ScheduledJob() {
    }

    public ScheduledJob(Kind kind, Long articleId, Long revisionId, Instant runAt, String requestedBy,
            ChangeClass changeClass, String correctionNote) {
        this.changeClass = changeClass == null ? null : changeClass.value();
        this.correctionNote = correctionNote;
        this.action = kind.name().toLowerCase();
        this.articleId = articleId;
        this.revisionId = revisionId;
        this.runAt = runAt;
        this.requestedBy = requestedBy;
    }

    /** The same planned change at another time, asked for by {@code requestedBy}; this one is to be cancelled. */
    public ScheduledJob movedTo(Instant newRunAt, String requestedBy) {
        return new ScheduledJob(kind(), articleId, revisionId, newRunAt, requestedBy, changeClass(), correctionNote);
    }

    public void finish(State state, String outcome, Instant now) {
        this.state = state;
        this.outcome = outcome;
        this.finishedAt = now;
    }

    public Long id() {
        return id;
    }

    public Kind kind() {
        return Kind.valueOf(action.toUpperCase());
    }

    public Long articleId() {
        return articleId;
    }

    public Long revisionId() {
        return revisionId;
    }

    public Instant runAt() {
        return runAt;
    }

    public String requestedBy() {
        return requestedBy;
    }

    public ChangeClass changeClass() {
        return changeClass == null ? null : ChangeClass.fromValue(changeClass);
    }

    public String correctionNote() {
        return correctionNote;
    }

    public State state() {
        return state;
    }

    public String outcome() {
        return outcome;
    }
}
