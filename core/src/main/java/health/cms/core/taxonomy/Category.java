package health.cms.core.taxonomy;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import health.cms.core.slug.Slugs;

/** A section of the publication; its re-review interval sets when live articles in it are due again. */
@Entity
@Table(name = "category")
public class Category {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String slug;

    @Column(nullable = false)
    private String name;

    private String description;

    @Column(name = "review_interval_months", nullable = false)
    private int reviewIntervalMonths;

    @Version
    private long version;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Category() {
    }

    public Category(String slug, String name, String description, int reviewIntervalMonths, Instant now) {
        this.slug = Slugs.requireValid(slug);
        this.createdAt = now;
        update(name, description, reviewIntervalMonths);
    }

    public void update(String name, String description, int reviewIntervalMonths) {
        if (reviewIntervalMonths < 1 || reviewIntervalMonths > 120) {
            throw new IllegalArgumentException("The re-review interval must be between 1 and 120 months");
        }
        this.name = name;
        this.description = description;
        this.reviewIntervalMonths = reviewIntervalMonths;
    }

    public Long id() {
        return id;
    }

    public String slug() {
        return slug;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public int reviewIntervalMonths() {
        return reviewIntervalMonths;
    }

    public long version() {
        return version;
    }
}
