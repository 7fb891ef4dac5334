package health.cms.admin.article;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;

import org.jboss.resteasy.reactive.RestForm;

import health.cms.admin.web.Forms;
import health.cms.core.refusal.Refusal;

/** A workflow action as posted from the editor or the review screen. */
public class ActionForm {

    @RestForm
    public String action;
    @RestForm
    public String comment;
    /** A {@code datetime-local} value, read as UTC. */
    @RestForm
    public String publishAt;
    @RestForm
    public String unpublishAt;
    @RestForm
    public String changeClass;
    @RestForm
    public String correctionNote;
    @RestForm
    public Long version;
    /** {@code none}, or {@code named} with the conflict in {@link #conflictStatement}; asked with an approval. */
    @RestForm
    public String conflict;
    @RestForm
    public String conflictStatement;

    public ArticleCommands.TransitionBody toBody() {
        return new ArticleCommands.TransitionBody(action, Forms.blankToNull(comment), time("publishAt", publishAt),
                time("unpublishAt", unpublishAt), Forms.blankToNull(changeClass), Forms.blankToNull(correctionNote),
                conflictAnswer());
    }

    private String conflictAnswer() {
        if ("named".equals(conflict)) {
            if (conflictStatement == null || conflictStatement.isBlank()) {
                throw Refusal.invalid(Map.of("conflictOfInterest", "name the conflict, or confirm there is none"));
            }
            return conflictStatement;
        }
        return ArticleCommands.NO_CONFLICT.equals(conflict) ? ArticleCommands.NO_CONFLICT : null;
    }

    public long requiredVersion() {
        return Forms.requireVersion(version);
    }

    private static Instant time(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip()).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw Refusal.invalid(Map.of(field, "must be a date and time like 2026-12-01T09:00"));
        }
    }
}
