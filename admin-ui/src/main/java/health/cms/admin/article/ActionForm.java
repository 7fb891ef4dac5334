package health.cms.admin.article;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;

import org.jboss.resteasy.reactive.RestForm;

import health.cms.admin.manage.article.ArticleCommands;
import health.cms.workflow.WorkflowException;

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

    public ArticleCommands.TransitionBody toBody() {
        return new ArticleCommands.TransitionBody(action, blankToNull(comment), time("publishAt", publishAt),
                time("unpublishAt", unpublishAt), blankToNull(changeClass), blankToNull(correctionNote));
    }

    public long requiredVersion() {
        if (version == null) {
            throw WorkflowException.invalid(Map.of("version", "is missing; reload the page"));
        }
        return version;
    }

    private static Instant time(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip()).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw WorkflowException.invalid(Map.of(field, "must be a date and time like 2026-12-01T09:00"));
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
