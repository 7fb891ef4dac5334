package health.cms.core.taxonomy;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A section of the publication; its re-review interval sets when live articles in it are due again. */
@Entity
@Table(name = "category")
public class Category extends Term {

    private String description;

    @Column(name = "review_interval_months", nullable = false)
    private int reviewIntervalMonths;

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
}
