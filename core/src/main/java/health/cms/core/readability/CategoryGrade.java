package health.cms.core.readability;

import java.math.BigDecimal;

/** The average grade of the measured working revisions in one category, next to the grade it aims at. */
public record CategoryGrade(String slug, String name, BigDecimal averageGrade, long articles, BigDecimal targetGrade) {

    /** Whether the category reads harder on average than it aims to. */
    public boolean aboveTarget() {
        return averageGrade.compareTo(targetGrade) > 0;
    }
}
