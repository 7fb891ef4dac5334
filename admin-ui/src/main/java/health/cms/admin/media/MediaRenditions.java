package health.cms.admin.media;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import health.cms.core.media.BlobStore;
import health.cms.core.media.CleanImage;
import health.cms.core.media.ImagePipeline;
import health.cms.core.media.MediaAsset;
import health.cms.core.media.MediaAssetRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Makes the renditions of new images in the background. Each queued asset is claimed with
 * {@code FOR UPDATE SKIP LOCKED}, so several desk instances share the work and never make the same one
 * twice at once; a rendition already stored is skipped, so a retry after a crash only finishes the rest.
 */
@ApplicationScoped
public class MediaRenditions {

    private static final Logger LOG = Logger.getLogger(MediaRenditions.class);
    private static final int MAX_ASSETS_PER_RUN = 50;

    private final EntityManager em;
    private final MediaAssetRepository assets;
    private final BlobStore store;
    private final ImagePipeline pipeline;

    MediaRenditions(EntityManager em, MediaAssetRepository assets, BlobStore store, ImagePipeline pipeline) {
        this.em = em;
        this.assets = assets;
        this.store = store;
        this.pipeline = pipeline;
    }

    @Scheduled(every = "${cms.media.renditions-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, delayed = "3s")
    void tick() {
        runPending();
    }

    /** Makes the renditions of every queued asset; returns how many assets this instance finished. */
    public int runPending() {
        int done = 0;
        while (done < MAX_ASSETS_PER_RUN && runOne()) {
            done++;
        }
        return done;
    }

    private boolean runOne() {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Number> claimed = em.createNativeQuery("""
                    SELECT asset_id FROM media_rendition_job ORDER BY queued_at, asset_id
                    LIMIT 1 FOR UPDATE SKIP LOCKED""").getResultList();
            if (claimed.isEmpty()) {
                return false;
            }
            long id = claimed.get(0).longValue();
            assets.findByIdOptional(id).ifPresent(this::make);
            em.createNativeQuery("DELETE FROM media_rendition_job WHERE asset_id = :id").setParameter("id", id)
                    .executeUpdate();
            return true;
        });
    }

    private void make(MediaAsset asset) {
        String original = CleanImage.originalName(asset.format());
        byte[] bytes = store.get(asset.sha256(), original).orElse(null);
        if (bytes == null) {
            LOG.warnf("Image %d has no stored original %s/%s: its renditions cannot be made", asset.id(),
                    asset.sha256(), original);
            return;
        }
        for (ImagePipeline.Rendition rendition : pipeline.renditions(bytes, asset.format(), asset.width(),
                name -> !store.exists(asset.sha256(), name))) {
            store.put(asset.sha256(), rendition.name(), rendition.bytes());
        }
        int ready = pipeline.renditionNames(asset.format(), asset.width()).size();
        asset.renditionsStored(ready);
    }
}
