package health.cms.core.taxonomy;

import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import health.cms.core.slug.Slugs;

/** A category's or tag's name in one locale other than the default, and optionally its slug in that language. */
@Embeddable
public class LocalName {

    @Column(nullable = false)
    private String name;

    private String slug;

    protected LocalName() {
    }

    /** A name of 1 to 200 characters and, when given, a valid slug. */
    public LocalName(String name, String slug) {
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new IllegalArgumentException("A local name is 1 to 200 characters");
        }
        this.name = name.strip();
        this.slug = slug == null || slug.isBlank() ? null : Slugs.requireValid(slug.strip());
    }

    public String name() {
        return name;
    }

    /** The slug in this language, or null when the default slug serves. */
    public String slug() {
        return slug;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LocalName that && name.equals(that.name) && Objects.equals(slug, that.slug);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, slug);
    }

    @Override
    public String toString() {
        return slug == null ? "'" + name + "'" : "'" + name + "' (" + slug + ")";
    }
}
