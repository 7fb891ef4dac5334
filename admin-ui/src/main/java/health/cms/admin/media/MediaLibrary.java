package health.cms.admin.media;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;

import health.cms.admin.config.CmsConfig;
import health.cms.core.article.RevisionImage;
import health.cms.core.article.RevisionRepository;
import health.cms.core.audit.AuditLog;
import health.cms.core.audit.AuditSubject;
import health.cms.core.markdown.Picture;
import health.cms.core.media.BlobStore;
import health.cms.core.media.CleanImage;
import health.cms.core.media.ImagePipeline;
import health.cms.core.media.MediaAsset;
import health.cms.core.media.MediaAssetRepository;
import health.cms.core.media.MediaDescription;
import health.cms.core.refusal.Refusal;
import health.cms.workflow.Actor;
import health.cms.workflow.Role;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The media library's one service for the management API and the desk: upload (clean, store the original,
 * record the asset and queue its renditions), search, read, and the audited description edits. Writers and
 * editors change the library; every desk role reads it.
 */
@ApplicationScoped
public class MediaLibrary {

    /** The most library images one preview looks up (a real body shows a handful). */
    static final int PREVIEW_IMAGES = 100;

    /** How many revisions showing one image its page lists. */
    static final int USES_SHOWN = 100;

    private final MediaAssetRepository assets;
    private final RevisionRepository revisions;
    private final BlobStore store;
    private final ImagePipeline pipeline;
    private final AuditLog audit;
    private final Clock clock;
    private final String publicBase;

    MediaLibrary(MediaAssetRepository assets, RevisionRepository revisions, BlobStore store, ImagePipeline pipeline,
            AuditLog audit, Clock clock, CmsConfig config) {
        this.assets = assets;
        this.revisions = revisions;
        this.store = store;
        this.pipeline = pipeline;
        this.audit = audit;
        this.clock = clock;
        this.publicBase = config.publicApiUrl().replaceAll("/+$", "");
    }

    /** An upload's outcome: the asset, and whether it is new (false: the same bytes were stored before). */
    public record Stored(MediaView asset, boolean created) {
    }

    /** The largest upload accepted, in bytes. */
    public long maxBytes() {
        return pipeline.maxBytes();
    }

    /**
     * Stores an image, or finds it stored: the same cleaned bytes are the same asset, whose description stays
     * as it was. Nothing is stored for a refused upload.
     */
    public Stored upload(Actor actor, byte[] bytes, MediaDescription description) {
        requireEditorOrWriter(actor);
        description.check();
        CleanImage image = pipeline.clean(bytes);
        Optional<MediaView> existing = QuarkusTransaction.requiringNew()
                .call(() -> assets.findBySha256(image.sha256()).map(this::view));
        if (existing.isPresent()) {
            return new Stored(existing.get(), false);
        }
        // The original first: a row never names a blob that is not there (an orphaned blob is harmless).
        store.put(image.sha256(), image.originalName(), image.bytes());
        try {
            return new Stored(QuarkusTransaction.requiringNew().call(() -> record(actor, image, description)), true);
        } catch (PersistenceException e) {
            // Another upload of the same bytes won the race: it is the asset.
            return QuarkusTransaction.requiringNew()
                    .call(() -> assets.findBySha256(image.sha256()).map(a -> new Stored(view(a), false)))
                    .orElseThrow(() -> e);
        }
    }

    private MediaView record(Actor actor, CleanImage image, MediaDescription description) {
        Instant now = clock.instant();
        int total = pipeline.renditionNames(image.format(), image.width()).size();
        MediaAsset asset = new MediaAsset(image, total, description, actor.username(), now);
        assets.persist(asset);
        assets.flush();
        queueRenditions(asset, now);
        audit.append(AuditLog.Entry.about(AuditSubject.MEDIA_ASSET, asset.id().toString(), now, actor.username(),
                MediaAction.UPLOAD.value(), asset.sha256()));
        return view(asset);
    }

    /** Newest first, filtered by text (alt text, caption, credit, tags) and by tag. */
    public List<MediaView> search(String text, String tag, int offset, int limit) {
        return QuarkusTransaction.requiringNew()
                .call(() -> assets.search(text, tag, offset, limit).stream().map(this::view).toList());
    }

    /**
     * One asset. A rendition found missing from the store (a lost disk, a bucket emptied by hand) is queued
     * to be made again, and the progress counts only what is there.
     */
    public MediaView get(long id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            MediaAsset asset = find(id);
            List<String> expected = pipeline.renditionNames(asset.format(), asset.width());
            if (asset.renditionsReady() == asset.renditionsTotal() && !expected.isEmpty()) {
                Set<String> stored = new HashSet<>(store.list(asset.sha256()));
                int present = (int) expected.stream().filter(stored::contains).count();
                if (present < expected.size()) {
                    asset.renditionsStored(present);
                    queueRenditions(asset, clock.instant());
                    assets.flush();
                }
            }
            return view(asset);
        });
    }

    /** The assets with these hashes as the library describes them now, in the given order (unknown ones left out). */
    public List<MediaView> byHashes(List<String> hashes) {
        return QuarkusTransaction.requiringNew().call(() -> hashes.stream().map(assets::findBySha256)
                .flatMap(Optional::stream).map(this::view).toList());
    }

    /**
     * How a body shows these images ({@code media:<sha256>}), by hash: each one's given description (the one signed
     * with a revision, or the library's for a body not saved yet) with the library's size and URLs, as the delivery
     * API renders it. An image the library does not hold is left out, so the body shows nothing for it.
     */
    public Map<String, Picture> pictures(List<RevisionImage> images) {
        List<MediaView> library = byHashes(images.stream().map(RevisionImage::sha256).distinct().toList());
        Map<String, Picture> pictures = new LinkedHashMap<>();
        for (RevisionImage image : images) {
            library.stream().filter(asset -> asset.sha256().equals(image.sha256())).findFirst()
                    .ifPresent(asset -> pictures.putIfAbsent(image.sha256(), new Picture(image.altText(),
                            image.caption(), image.credit(), asset.width(), asset.height(), asset.url(),
                            String.join(", ", asset.renditionUrls().stream()
                                    .map(rendition -> rendition.url() + " " + rendition.width() + "w").toList()))));
        }
        return pictures;
    }

    /**
     * The pictures a body that is not saved yet would show (the editor's live preview): its {@code media:} images
     * with the library's current description, which saving copies into the revision. At most
     * {@value #PREVIEW_IMAGES} distinct images are looked up.
     */
    public Map<String, Picture> picturesIn(List<String> destinations) {
        List<String> hashes = destinations.stream().filter(d -> d.startsWith(RevisionImage.SCHEME))
                .map(d -> d.substring(RevisionImage.SCHEME.length())).filter(h -> h.matches("[0-9a-f]{64}")).distinct()
                .limit(PREVIEW_IMAGES).toList();
        return pictures(byHashes(hashes).stream()
                .map(asset -> new RevisionImage(asset.sha256(), asset.altText(), asset.caption(), asset.credit()))
                .toList());
    }

    /** The revisions that show asset {@code id}, so the desk sees where a description change would matter. */
    public List<RevisionRepository.ImageUse> usesOf(long id) {
        return QuarkusTransaction.requiringNew().call(() -> revisions.usesOf(find(id).sha256(), USES_SHOWN));
    }

    /** Replaces the description of asset {@code id} at {@code version}; the changed fields are audited. */
    public MediaView describe(Actor actor, long id, long version, MediaDescription description) {
        requireEditorOrWriter(actor);
        return QuarkusTransaction.requiringNew().call(() -> {
            MediaAsset asset = find(id);
            Refusal.requireVersion("image", asset.version(), version);
            List<String> changed = asset.describe(description);
            if (!changed.isEmpty()) {
                audit.append(AuditLog.Entry.about(AuditSubject.MEDIA_ASSET, asset.id().toString(), clock.instant(),
                        actor.username(), MediaAction.DESCRIBE.value(), "changed " + String.join(", ", changed)));
                assets.flush();
            }
            return view(asset);
        });
    }

    private MediaAsset find(long id) {
        return assets.findByIdOptional(id).orElseThrow(() -> Refusal.notFound("Image " + id));
    }

    private void queueRenditions(MediaAsset asset, Instant now) {
        if (asset.renditionsTotal() == 0) {
            return;
        }
        assets.getEntityManager().createNativeQuery("""
                INSERT INTO media_rendition_job (asset_id, queued_at) VALUES (:id, :at) ON CONFLICT DO NOTHING""")
                .setParameter("id", asset.id()).setParameter("at", Timestamp.from(now)).executeUpdate();
    }

    private MediaView view(MediaAsset asset) {
        return MediaView.of(asset, publicBase, pipeline.renditionWidths(asset.width()));
    }

    private static void requireEditorOrWriter(Actor actor) {
        if (!actor.has(Role.WRITER) && !actor.has(Role.EDITOR)) {
            throw Refusal.forbidden("Adding images and describing them needs the writer or editor role");
        }
    }
}
