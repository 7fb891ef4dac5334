package health.cms.core.readability;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/** The readability measured for one revision when it was saved, kept for the desk's lists and averages. */
@Entity
@Immutable
@Table(name = "revision_readability")
public class RevisionReadability {

    @Id
    @Column(name = "revision_id")
    private Long revisionId;

    private String measure;

    @Column(nullable = false)
    private String language;

    private int words;

    private int sentences;

    private int syllables;

    @Column(name = "reading_ease", precision = 6, scale = 1)
    private BigDecimal readingEase;

    @Column(precision = 5, scale = 1)
    private BigDecimal grade;

    @Column(name = "long_sentences")
    private int longSentences;

    @Column(name = "passive_sentences")
    private int passiveSentences;

    @Column(name = "plain_hints")
    private int plainHints;

    @Column(name = "reading_minutes")
    private int readingMinutes;

    @Column(name = "measured_at", nullable = false)
    private Instant measuredAt;

    protected RevisionReadability() {
    }

    RevisionReadability(long revisionId, Readability readability, int plainHints, Instant measuredAt) {
        this.revisionId = revisionId;
        this.measure = readability.measure();
        this.language = readability.language();
        this.words = readability.words();
        ReadingScores article = readability.article();
        this.sentences = article == null ? 0 : article.sentences();
        this.syllables = article == null ? 0 : article.syllables();
        this.readingEase = decimal(article == null ? null : article.readingEase());
        this.grade = decimal(readability.grade());
        this.longSentences = readability.longSentences().size();
        this.passiveSentences = readability.passiveSentences().size();
        this.plainHints = plainHints;
        this.readingMinutes = readability.readingMinutes();
        this.measuredAt = measuredAt;
    }

    private static BigDecimal decimal(Double value) {
        return value == null ? null : BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP);
    }

    public long revisionId() {
        return revisionId;
    }

    /** The measure's name, {@code null} when none applies to the language. */
    public String measure() {
        return measure;
    }

    public String language() {
        return language;
    }

    public int words() {
        return words;
    }

    public int sentences() {
        return sentences;
    }

    public BigDecimal readingEase() {
        return readingEase;
    }

    /** The Flesch-Kincaid grade, {@code null} when not measured or without words. */
    public BigDecimal grade() {
        return grade;
    }

    public int longSentences() {
        return longSentences;
    }

    public int passiveSentences() {
        return passiveSentences;
    }

    public int plainHints() {
        return plainHints;
    }

    public int readingMinutes() {
        return readingMinutes;
    }

    public Instant measuredAt() {
        return measuredAt;
    }
}
