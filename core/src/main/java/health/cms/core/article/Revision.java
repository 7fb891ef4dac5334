package health.cms.core.article;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

import health.cms.core.profile.Profile;
import health.cms.core.taxonomy.Category;
import health.cms.core.taxonomy.Tag;

/**
 * One immutable version of an article's content. Every accepted edit inserts a new revision, so a
 * medical sign-off always refers to text that can no longer change under it.
 */
@Entity
@Immutable
@Table(name = "revision")
public class Revision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "article_id")
    private Article article;

    @Column(nullable = false)
    private int number;

    @Column(nullable = false)
    private String title;

    @Column(nullable = false)
    private String summary;

    @Column(name = "body_markdown", nullable = false)
    private String bodyMarkdown;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "category_id")
    private Category category;

    @ManyToMany(fetch = FetchType.LAZY)
    @JoinTable(name = "revision_author", joinColumns = @JoinColumn(name = "revision_id"), inverseJoinColumns = @JoinColumn(name = "profile_id"))
    @OrderColumn(name = "position")
    private List<Profile> authors = new ArrayList<>();

    @ManyToMany(fetch = FetchType.LAZY)
    @JoinTable(name = "revision_tag", joinColumns = @JoinColumn(name = "revision_id"), inverseJoinColumns = @JoinColumn(name = "tag_id"))
    private Set<Tag> tags = new HashSet<>();

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "revision_reference", joinColumns = @JoinColumn(name = "revision_id"))
    @OrderColumn(name = "position")
    private List<Reference> references = new ArrayList<>();

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "revision_image", joinColumns = @JoinColumn(name = "revision_id"))
    @OrderColumn(name = "position")
    private List<RevisionImage> images = new ArrayList<>();

    @Column(name = "lead_image", length = 64)
    private String leadImage;

    @Column(name = "meta_title")
    private String metaTitle;

    @Column(name = "meta_description")
    private String metaDescription;

    @Column(name = "canonical_url")
    private String canonicalUrl;

    @Column(name = "social_image_url")
    private String socialImageUrl;

    @Column(nullable = false)
    private boolean noindex;

    @Column(name = "change_note")
    private String changeNote;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "content_hash", nullable = false, length = 64)
    private String contentHash;

    protected Revision() {
    }

    public Revision(Article article, int number, RevisionContent content, String changeNote, String createdBy,
            Instant createdAt) {
        if (content.authors().isEmpty()) {
            throw new IllegalArgumentException("An article needs at least one author");
        }
        this.article = article;
        this.number = number;
        this.title = content.title().strip();
        this.summary = content.summary().strip();
        this.bodyMarkdown = content.bodyMarkdown();
        this.category = content.category();
        this.authors = new ArrayList<>(content.authors());
        this.tags = new HashSet<>(content.tags());
        this.references = new ArrayList<>(content.references());
        this.metaTitle = content.appearance().metaTitle();
        this.metaDescription = content.appearance().metaDescription();
        this.canonicalUrl = content.appearance().canonicalUrl();
        this.socialImageUrl = content.appearance().socialImageUrl();
        this.noindex = content.appearance().noindex();
        this.images = new ArrayList<>(content.images());
        this.leadImage = content.leadImage();
        this.changeNote = changeNote;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.contentHash = ContentHash.of(content);
    }

    public RevisionContent content() {
        return new RevisionContent(title, summary, bodyMarkdown, category, authors, tags, references, appearance(),
                images, leadImage);
    }

    /** How this revision appears in search results and social shares. */
    public SearchAppearance appearance() {
        return new SearchAppearance(metaTitle, metaDescription, canonicalUrl, socialImageUrl, noindex);
    }

    public Long id() {
        return id;
    }

    public Article article() {
        return article;
    }

    public int number() {
        return number;
    }

    public String title() {
        return title;
    }

    public String summary() {
        return summary;
    }

    public String bodyMarkdown() {
        return bodyMarkdown;
    }

    public Category category() {
        return category;
    }

    public List<Profile> authors() {
        return List.copyOf(authors);
    }

    /** Tags in slug order, so every listing of them is stable. */
    public List<Tag> tags() {
        return tags.stream().sorted(Comparator.comparing(Tag::slug)).toList();
    }

    public List<Reference> references() {
        return List.copyOf(references);
    }

    /** The images this revision shows, with their description as saved (body images first, then the lead). */
    public List<RevisionImage> images() {
        return List.copyOf(images);
    }

    /** The lead image's hash, or null. */
    public String leadImage() {
        return leadImage;
    }

    public String changeNote() {
        return changeNote;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String contentHash() {
        return contentHash;
    }
}
