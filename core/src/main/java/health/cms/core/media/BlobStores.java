package health.cms.core.media;

import java.nio.file.Path;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** Makes the one {@link BlobStore} of an app from {@code cms.media.store}, and the image pipeline from the limits. */
@ApplicationScoped
public class BlobStores {

    @Produces
    @ApplicationScoped
    BlobStore blobStore(MediaConfig config) {
        return switch (config.store()) {
            case FILE -> new FileBlobStore(Path.of(config.directory()));
            case S3 -> S3BlobStore.from(config.s3());
        };
    }

    @Produces
    @ApplicationScoped
    ImagePipeline imagePipeline(MediaConfig config) {
        return ImagePipeline.from(config);
    }
}
