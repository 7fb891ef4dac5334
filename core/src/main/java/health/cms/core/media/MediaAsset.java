package health.cms.core.media;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.OptimisticLock;
import org.hibernate.type.SqlTypes;

/**
 * One image of the library: its stored bytes (by SHA-256, never replaced: a new picture is a new asset), what
 * people say about it, and how many of its renditions are ready. The description changes only through
 * {@link #describe}, which checks it and says which fields changed; {@code @Version} refuses a stale edit.
 */
@Entity
@Table(name = "media_asset")
public class MediaAsset {

    private static final int FOCAL_SCALE = 10_000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, updatable = false)
    private String sha256;

    @Column(nullable = false, updatable = false)
    private String format;

    @Column(nullable = false, updatable = false)
    private int width;

    @Column(nullable = false, updatable = false)
    private int height;

    @Column(nullable = false, updatable = false)
    private long bytes;

    @Column(name = "alt_text")
    private String altText;
    private String caption;
    private String credit;
    private String license;
    private String source;

    @Column(name = "focal_x", nullable = false)
    private int focalX = FOCAL_SCALE / 2;

    @Column(name = "focal_y", nullable = false)
    private int focalY = FOCAL_SCALE / 2;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    private List<String> tags = new ArrayList<>();

    @Column(name = "shows_patient", nullable = false)
    private boolean showsPatient;

    @Column(name = "consent_by")
    private String consentBy;

    @Column(name = "consent_at")
    private Instant consentAt;

    @Column(name = "consent_reference")
    private String consentReference;

    // Background progress, not the description: counting a rendition must not make a writer's open edit stale.
    @OptimisticLock(excluded = true)
    @Column(name = "renditions_ready", nullable = false)
    private int renditionsReady;

    @Column(name = "renditions_total", nullable = false)
    private int renditionsTotal;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected MediaAsset() {
    }

    public MediaAsset(CleanImage image, int renditionsTotal, MediaDescription description, String createdBy,
            Instant now) {
        this.sha256 = image.sha256();
        this.format = image.format().name().toLowerCase(Locale.ROOT);
        this.width = image.width();
        this.height = image.height();
        this.bytes = image.bytes().length;
        this.renditionsTotal = renditionsTotal;
        this.createdBy = createdBy;
        this.createdAt = now;
        describe(description);
    }

    /** Replaces the description (checked first); returns the names of the fields that changed, for the audit. */
    public List<String> describe(MediaDescription d) {
        d.check();
        List<String> changed = new ArrayList<>();
        altText = changed(changed, "altText", altText, d.altText());
        caption = changed(changed, "caption", caption, d.caption());
        credit = changed(changed, "credit", credit, d.credit());
        license = changed(changed, "license", license, d.license());
        source = changed(changed, "source", source, d.source());
        int x = (int) Math.round(d.focalX() * FOCAL_SCALE);
        int y = (int) Math.round(d.focalY() * FOCAL_SCALE);
        if (x != focalX || y != focalY) {
            changed.add("focalPoint");
            focalX = x;
            focalY = y;
        }
        tags = changed(changed, "tags", List.copyOf(tags), d.tags());
        if (showsPatient != d.showsPatient()) {
            changed.add("showsPatient");
            showsPatient = d.showsPatient();
        }
        MediaDescription.Consent consent = d.consent();
        String by = consent == null ? null : consent.givenBy().strip();
        Instant at = consent == null ? null : consent.givenAt();
        String reference = consent == null ? null : consent.reference().strip();
        if (!Objects.equals(by, consentBy) || !Objects.equals(at, consentAt) || !Objects.equals(reference, consentReference)) {
            changed.add("consent");
            consentBy = by;
            consentAt = at;
            consentReference = reference;
        }
        return changed;
    }

    /** Counts a rendition stored (or found stored); never more than the total. */
    public void renditionsStored(int ready) {
        this.renditionsReady = Math.min(ready, renditionsTotal);
    }

    private static <T> T changed(List<String> changed, String field, T before, T after) {
        if (!Objects.equals(before, after)) {
            changed.add(field);
        }
        return after;
    }

    public Long id() {
        return id;
    }

    public String sha256() {
        return sha256;
    }

    public ImageFormat format() {
        return ImageFormat.valueOf(format.toUpperCase(Locale.ROOT));
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public long bytes() {
        return bytes;
    }

    public long version() {
        return version;
    }

    public int renditionsReady() {
        return renditionsReady;
    }

    public int renditionsTotal() {
        return renditionsTotal;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** The description as it is now. */
    public MediaDescription description() {
        MediaDescription.Consent consent = consentBy == null
                ? null
                : new MediaDescription.Consent(consentBy, consentAt, consentReference);
        return new MediaDescription(altText, caption, credit, license, source, (double) focalX / FOCAL_SCALE,
                (double) focalY / FOCAL_SCALE, List.copyOf(tags), showsPatient, consent);
    }
}
