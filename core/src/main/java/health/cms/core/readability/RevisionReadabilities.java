package health.cms.core.readability;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import health.cms.core.article.Revision;
import health.cms.core.taxonomy.Category;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Measures revisions as they are saved, and reads the measures back for the desk. */
@ApplicationScoped
public class RevisionReadabilities implements PanacheRepositoryBase<RevisionReadability, Long> {

    /** The grade a category aims at when its editor set none: the top of health-literacy guidance's 6 to 8. */
    public static final BigDecimal DEFAULT_TARGET_GRADE = new BigDecimal("8.0");

    /**
     * The language articles are measured in. Articles carry no language of their own yet; when translations
     * give them one, it replaces this and non-English ones get no Flesch score.
     */
    public static final String PUBLICATION_LANGUAGE = "en";

    private final Clock clock;

    RevisionReadabilities(Clock clock) {
        this.clock = clock;
    }

    /** Measures a newly saved revision, in the transaction that saves it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public RevisionReadability record(Revision revision) {
        Readability readability = ReadabilityMeter.measure(revision.bodyMarkdown(), PUBLICATION_LANGUAGE);
        RevisionReadability measured = new RevisionReadability(revision.id(), readability,
                hints(revision.bodyMarkdown(), readability).size(), clock.instant());
        persist(measured);
        return measured;
    }

    /** The stored measure of a revision; revisions saved before measuring began have none. */
    public Optional<RevisionReadability> stored(long revisionId) {
        return findByIdOptional(revisionId);
    }

    /** The full report on a revision, measured now from its text (the same result as when it was saved). */
    public ReadabilityReport report(Revision revision) {
        return report(revision.bodyMarkdown(), revision.category());
    }

    /** The full report on a text being written in a category, for the live preview. */
    public ReadabilityReport report(String markdown, Category category) {
        Readability readability = ReadabilityMeter.measure(markdown, PUBLICATION_LANGUAGE);
        return ReadabilityReport.of(readability, hints(markdown, readability), targetOf(category));
    }

    /** The report on a text being written, for a category by slug (the default target when unknown or blank). */
    public ReadabilityReport draft(String markdown, String categorySlug) {
        Category category = categorySlug == null || categorySlug.isBlank()
                ? null
                : getEntityManager().createQuery("from Category where slug = :slug", Category.class)
                        .setParameter("slug", categorySlug).getResultStream().findFirst().orElse(null);
        return report(markdown, category);
    }

    public static BigDecimal targetOf(Category category) {
        return category == null ? DEFAULT_TARGET_GRADE : category.targetGrade().orElse(DEFAULT_TARGET_GRADE);
    }

    /** The average grade of each category's working revisions that have one, by category name. */
    public List<CategoryGrade> averageGradeByCategory() {
        List<Object[]> rows = getEntityManager().createQuery("""
                select c.slug, c.name, avg(m.grade), count(m), c.targetGrade
                from Article a join a.workingRevision r join r.category c, RevisionReadability m
                where m.revisionId = r.id and m.grade is not null
                group by c.id, c.slug, c.name, c.targetGrade
                order by c.name""", Object[].class).getResultList();
        return rows.stream().map(row -> new CategoryGrade((String) row[0], (String) row[1],
                BigDecimal.valueOf(((Number) row[2]).doubleValue()).setScale(1, RoundingMode.HALF_UP),
                ((Number) row[3]).longValue(), row[4] == null ? DEFAULT_TARGET_GRADE : (BigDecimal) row[4]))
                .toList();
    }

    private static List<PlainLanguageHint> hints(String markdown, Readability readability) {
        return readability.measured() ? PlainLanguageHints.in(markdown, MedicalVocabulary.standard()) : List.of();
    }
}
