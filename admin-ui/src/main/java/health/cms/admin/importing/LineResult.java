package health.cms.admin.importing;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** The outcome of one line of an import, as its report shows it. */
public record LineResult(int line, Outcome result, String slug, Long articleId, Long version, String reason) {

    /** What became of one line; the JSON spelling is the lower-case name. */
    public enum Outcome {

        CREATED, UPDATED, SKIPPED, ERROR;

        @JsonValue
        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }

        @Override
        public String toString() {
            return value();
        }
    }

    static LineResult error(int line, String slug, String reason) {
        return new LineResult(line, Outcome.ERROR, slug, null, null, reason);
    }
}
