package health.cms.core.review;

import java.util.List;

/**
 * A reviewer's conflict-of-interest answer for one article, given with their approval: none, or the
 * conflict they name (published with the sign-off as a disclosure).
 */
public record ConflictOfInterest(String statement) {

    /** The longest statement a reviewer may give. */
    public static final int MAX_STATEMENT = 1000;

    public static final ConflictOfInterest NONE = new ConflictOfInterest(null);

    public ConflictOfInterest {
        statement = statement == null || statement.isBlank() ? null : statement.strip();
    }

    /** What readers are told: the named conflict, or nothing. */
    public List<String> disclosures() {
        return statement == null ? List.of() : List.of(statement);
    }
}
