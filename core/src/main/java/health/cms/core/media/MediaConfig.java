package health.cms.core.media;

import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The media library's settings, shared by the desk (which stores) and the api (which serves). */
@ConfigMapping(prefix = "cms.media")
public interface MediaConfig {

    /** Where blobs live. */
    enum Store {
        FILE, S3
    }

    /** {@code file} (the default: a folder of this machine) or {@code s3} (S3-compatible object storage). */
    @WithDefault("file")
    Store store();

    /** The folder of the file store; the local stack points it into its data folder. */
    @WithDefault("data/media")
    String directory();

    S3 s3();

    /**
     * Where readers' browsers fetch our images: the public address of the api, whose {@code /media/...} URLs the
     * delivered articles name (the desk sets it from {@code CMS_PUBLIC_API_URL}).
     */
    @WithDefault("http://localhost:8080")
    String publicUrl();

    /**
     * How often the desk looks for renditions to make (claimed with FOR UPDATE SKIP LOCKED, so several desk
     * instances share the work); {@code off} disables this instance's worker. The api never makes renditions.
     */
    @WithDefault("1s")
    String renditionsEvery();

    /** The largest upload accepted, in bytes (20 MB). */
    @WithDefault("20971520")
    long maxBytes();

    /** The largest image accepted, in pixels (width times height), read from the header before decoding. */
    @WithDefault("50000000")
    long maxPixels();

    /** The widths of the renditions made of each image (never wider than the original). */
    @WithDefault("320,640,1024,1600")
    List<Integer> widths();

    /** S3-compatible object storage (AWS, MinIO, Ceph...), addressed path-style. */
    interface S3 {

        /** The service's URL, e.g. {@code https://s3.eu-central-1.amazonaws.com}; empty for AWS' default. */
        Optional<String> endpoint();

        @WithDefault("us-east-1")
        String region();

        @WithDefault("cms-media")
        String bucket();

        Optional<String> accessKey();

        Optional<String> secretKey();
    }
}
