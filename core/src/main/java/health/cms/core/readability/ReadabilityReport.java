package health.cms.core.readability;

import java.math.BigDecimal;
import java.util.List;

/**
 * Everything the desk shows about how a revision reads: the measures, the plain-language hints and the
 * grade its category aims at.
 *
 * @param aboveTarget whether the article's grade is higher (harder) than the target; false when unmeasured
 */
public record ReadabilityReport(
        Readability readability,
        List<PlainLanguageHint> hints,
        BigDecimal targetGrade,
        boolean aboveTarget) {

    public ReadabilityReport {
        hints = List.copyOf(hints);
    }

    static ReadabilityReport of(Readability readability, List<PlainLanguageHint> hints, BigDecimal targetGrade) {
        Double grade = readability.grade();
        return new ReadabilityReport(readability, hints, targetGrade,
                grade != null && BigDecimal.valueOf(grade).compareTo(targetGrade) > 0);
    }
}
