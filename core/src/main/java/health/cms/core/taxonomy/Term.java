package health.cms.core.taxonomy;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

import health.cms.core.slug.Slugs;

/** What a category and a tag share: a slug that never changes once given, a name, and a version-checked row. */
@MappedSuperclass
public abstract class Term {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String slug;

    @Column(nullable = false)
    private String name;

    @Version
    private long version;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Term() {
    }

    protected Term(String slug, String name, Instant now) {
        this.slug = Slugs.requireValid(slug);
        this.name = name;
        this.createdAt = now;
    }

    public void rename(String name) {
        this.name = name;
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

    public long version() {
        return version;
    }

    /** The names in other locales than the default, by locale. */
    protected abstract Map<String, LocalName> localNameRows();

    /** Its names in the other locales, by locale tag (sorted). */
    public Map<String, LocalName> localNames() {
        return new TreeMap<>(localNameRows());
    }

    /** Its name and slug in this locale, if an editor gave one. */
    public Optional<LocalName> localName(String locale) {
        return Optional.ofNullable(localNameRows().get(locale));
    }

    /** Names it in this locale; {@code null} removes the locale's name (the default name then serves). */
    public void nameIn(String locale, LocalName name) {
        if (name == null) {
            localNameRows().remove(locale);
        } else if (!name.equals(localNameRows().get(locale))) {
            localNameRows().put(locale, name);
        }
    }
}
