package health.cms.core.profile;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import health.cms.core.slug.Slugs;

/** The public profile of an author or medical reviewer: what the author box and the review line show. */
@Entity
@Table(name = "profile")
public class Profile {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String slug;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    private String credentials;
    private String bio;
    private String website;

    @Column(name = "avatar_url")
    private String avatarUrl;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    private List<String> specialties = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    private List<String> languages = new ArrayList<>();

    @Column(name = "keycloak_user", unique = true)
    private String keycloakUser;

    @Column(name = "is_author", nullable = false)
    private boolean author;

    @Column(name = "is_reviewer", nullable = false)
    private boolean reviewer;

    @Version
    private long version;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Profile() {
    }

    public Profile(String slug, ProfileDetails details, Instant now) {
        this.slug = Slugs.requireValid(slug);
        this.createdAt = now;
        update(details);
    }

    public void update(ProfileDetails details) {
        if (details.displayName() == null || details.displayName().isBlank()) {
            throw new IllegalArgumentException("A profile needs a display name");
        }
        this.displayName = details.displayName().strip();
        this.credentials = details.credentials();
        this.bio = details.bio();
        this.website = details.website();
        this.avatarUrl = details.avatarUrl();
        this.specialties = new ArrayList<>(details.specialties());
        this.keycloakUser = details.keycloakUser();
        this.author = details.author();
        this.reviewer = details.reviewer();
    }

    public Long id() {
        return id;
    }

    public String slug() {
        return slug;
    }

    public String displayName() {
        return displayName;
    }

    public String credentials() {
        return credentials;
    }

    public String bio() {
        return bio;
    }

    public String website() {
        return website;
    }

    public String avatarUrl() {
        return avatarUrl;
    }

    public List<String> specialties() {
        return List.copyOf(specialties);
    }

    /** The languages this person reviews in (BCP 47 tags such as {@code en} or {@code de}). */
    public List<String> languages() {
        return List.copyOf(languages);
    }

    /**
     * What a reviewer keeps about their own expertise: their specialties and the languages they review in
     * (blank entries dropped, each kept once).
     */
    public void keepExpertise(List<String> specialties, List<String> languages) {
        this.specialties = new ArrayList<>(cleaned(specialties));
        this.languages = new ArrayList<>(cleaned(languages));
    }

    private static List<String> cleaned(List<String> entries) {
        return entries.stream().map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }

    public String keycloakUser() {
        return keycloakUser;
    }

    public boolean isAuthor() {
        return author;
    }

    public boolean isReviewer() {
        return reviewer;
    }

    public long version() {
        return version;
    }
}
