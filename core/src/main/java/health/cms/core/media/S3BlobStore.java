package health.cms.core.media;

import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Blobs in an S3-compatible bucket, under the key {@code <sha256>/<name>}. Path-style addressing, so
 * MinIO, Ceph and test servers work as well as AWS. An S3 PUT is atomic: a reader never sees half a blob.
 */
public final class S3BlobStore implements BlobStore {

    private final S3Client s3;
    private final String bucket;

    public S3BlobStore(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    /** A client from the settings: explicit keys if given, otherwise the SDK's default chain (env, IAM role). */
    public static S3BlobStore from(MediaConfig.S3 config) {
        S3ClientBuilder builder = S3Client.builder().httpClient(UrlConnectionHttpClient.create())
                .region(Region.of(config.region())).forcePathStyle(true);
        config.endpoint().filter(e -> !e.isBlank()).ifPresent(e -> builder.endpointOverride(URI.create(e)));
        if (config.accessKey().isPresent() && config.secretKey().isPresent()) {
            builder.credentialsProvider(StaticCredentialsProvider
                    .create(AwsBasicCredentials.create(config.accessKey().get(), config.secretKey().get())));
        } else {
            builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
        }
        return new S3BlobStore(builder.build(), config.bucket());
    }

    @Override
    public void put(String sha256, String name, byte[] bytes) {
        BlobStore.check(sha256, name);
        s3.putObject(b -> b.bucket(bucket).key(key(sha256, name)), RequestBody.fromBytes(bytes));
    }

    @Override
    public Optional<byte[]> get(String sha256, String name) {
        BlobStore.check(sha256, name);
        try {
            return Optional.of(s3.getObjectAsBytes(b -> b.bucket(bucket).key(key(sha256, name))).asByteArray());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean exists(String sha256, String name) {
        BlobStore.check(sha256, name);
        try {
            s3.headObject(b -> b.bucket(bucket).key(key(sha256, name)));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public void delete(String sha256, String name) {
        BlobStore.check(sha256, name);
        s3.deleteObject(b -> b.bucket(bucket).key(key(sha256, name)));
    }

    @Override
    public List<String> list(String sha256) {
        BlobStore.check(sha256, null);
        String prefix = sha256 + "/";
        return s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents().stream().map(S3Object::key)
                .map(k -> k.substring(prefix.length())).sorted(Comparator.naturalOrder()).toList();
    }

    private static String key(String sha256, String name) {
        return sha256 + "/" + name;
    }
}
