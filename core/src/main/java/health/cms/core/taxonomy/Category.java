package health.cms.core.taxonomy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

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

    protected Category() {
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
}
