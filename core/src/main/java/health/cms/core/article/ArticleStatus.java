package health.cms.core.article;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

import jakarta.persistence.AttributeConverter;

/**
 * The editorial state of an article's working revision, with the legal moves between states.
 *
 * <p>
 * Which verbs lead along these edges, and who may use them, is the workflow module's business; this
 * graph only makes an impossible jump (say draft straight to published) unrepresentable.
 */
public enum ArticleStatus {

    DRAFT("draft"), MEDICAL_REVIEW("medical-review"), SCHEDULED("scheduled"), PUBLISHED("published");

    private final String value;

    ArticleStatus(String value) {
        this.value = value;
    }

    /** The JSON and database spelling, e.g. {@code medical-review}. */
    public String value() {
        return value;
    }

    public Set<ArticleStatus> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(MEDICAL_REVIEW);
            case MEDICAL_REVIEW -> EnumSet.of(DRAFT, SCHEDULED, PUBLISHED);
            case SCHEDULED -> EnumSet.of(DRAFT, PUBLISHED);
            case PUBLISHED -> EnumSet.of(DRAFT);
        };
    }

    public boolean canMoveTo(ArticleStatus target) {
        return next().contains(target);
    }

    public static ArticleStatus fromValue(String value) {
        return Arrays.stream(values())
                .filter(s -> s.value.equals(value))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown article status '" + value + "'"));
    }

    @Override
    public String toString() {
        return value;
    }

    /** Stores the status by its name, never its ordinal. */
    @jakarta.persistence.Converter
    public static class Converter implements AttributeConverter<ArticleStatus, String> {

        @Override
        public String convertToDatabaseColumn(ArticleStatus status) {
            return status == null ? null : status.value;
        }

        @Override
        public ArticleStatus convertToEntityAttribute(String value) {
            return value == null ? null : fromValue(value);
        }
    }
}
