package health.cms.admin.readability;

import java.math.BigDecimal;
import java.util.List;

import health.cms.core.readability.PlainLanguageHint;
import health.cms.core.readability.ReadabilityReport;
import health.cms.core.readability.ReadingScores;
import health.cms.core.readability.SectionReadability;

/**
 * How a revision reads, as the management API and the desk show it: {@code grade} and {@code readingEase}
 * are null when no measure applies to the language ({@code measure} null) or the text has no words.
 */
public record ReadabilityView(
        String measure,
        String language,
        Double grade,
        Double readingEase,
        BigDecimal targetGrade,
        boolean aboveTarget,
        int words,
        int sentences,
        int readingMinutes,
        List<SectionReadability> sections,
        List<String> longSentences,
        List<String> passiveSentences,
        List<PlainLanguageHint> plainLanguageHints) {

    public static ReadabilityView of(ReadabilityReport report) {
        var readability = report.readability();
        ReadingScores article = readability.article();
        return new ReadabilityView(readability.measure(), readability.language(), readability.grade(),
                article == null ? null : article.readingEase(), report.targetGrade(), report.aboveTarget(),
                readability.words(), article == null ? 0 : article.sentences(), readability.readingMinutes(),
                readability.sections(), readability.longSentences(), readability.passiveSentences(), report.hints());
    }
}
