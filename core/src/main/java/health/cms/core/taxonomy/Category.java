package health.cms.core.taxonomy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A section of the publication; its re-review interval sets when live articles in it are due again, and its
 * target grade how plainly they should read.
 */
@Entity
@Table(name = "category")
public class Category extends Term {

    private String description;

    @Column(name = "review_interval_months", nullable = false)
    private int reviewIntervalMonths;

    @Column(name = "target_grade", precision = 3, scale = 1)
    private BigDecimal targetGrade;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    private List<String> specialties = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "category_name", joinColumns = @JoinColumn(name = "category_id"))
    @MapKeyColumn(name = "locale")
    private Map<String, LocalName> localNames = new HashMap<>();

    protected Category() {
    }

    @Override
    protected Map<String, LocalName> localNameRows() {
        return localNames;
    }

    public Category(String slug, String name, String description, int reviewIntervalMonths, Instant now) {
        super(slug, name, now);
        update(name, description, reviewIntervalMonths);
    }

    public void update(String name, String description, int reviewIntervalMonths) {
        if (reviewIntervalMonths < 1 || reviewIntervalMonths > 120) {
            throw new IllegalArgumentException("The re-review interval must be between 1 and 120 months");
        }
        rename(name);
        this.description = description;
        this.reviewIntervalMonths = reviewIntervalMonths;
    }

    public String description() {
        return description;
    }

    public int reviewIntervalMonths() {
        return reviewIntervalMonths;
    }

    /** The Flesch-Kincaid grade its articles should read at, when an editor set one. */
    public Optional<BigDecimal> targetGrade() {
        return Optional.ofNullable(targetGrade);
    }

    /** Sets the grade to aim at (1 to 18, one decimal), or clears it with {@code null} for the default. */
    public void aimAtGrade(BigDecimal grade) {
        if (grade != null && (grade.compareTo(BigDecimal.ONE) < 0 || grade.compareTo(BigDecimal.valueOf(18)) > 0
                || grade.scale() > 1)) {
            throw new IllegalArgumentException("The target grade must be between 1 and 18, with at most one decimal");
        }
        this.targetGrade = grade;
    }

    /** The specialties a reviewer of its articles should have; empty when any reviewer will do. */
    public List<String> specialties() {
        return List.copyOf(specialties);
    }

    /** Names the specialties its articles need (blank entries dropped, each kept once). */
    public void needSpecialties(List<String> needed) {
        this.specialties = new ArrayList<>(needed.stream().map(String::strip).filter(s -> !s.isEmpty()).distinct()
                .toList());
    }

    /**
     * Whether someone with these specialties is a reviewer in this category's field: one of them is one it
     * needs (case aside), or it needs none in particular.
     */
    public boolean coveredBy(Collection<String> reviewerSpecialties) {
        if (specialties.isEmpty()) {
            return true;
        }
        List<String> needed = specialties.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
        return reviewerSpecialties.stream().map(s -> s.toLowerCase(Locale.ROOT)).anyMatch(needed::contains);
    }
}
