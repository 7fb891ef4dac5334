package health.cms.core.media;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.extension.ExtendWith;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.s3.S3Client;

/** The S3 store passes the same contract against a real S3-compatible server, configured as in production. */
@ExtendWith(S3MockServer.class)
class S3BlobStoreTest extends BlobStoreContract {

    private static final AtomicInteger BUCKETS = new AtomicInteger();

    @Override
    BlobStore store() {
        String bucket = "media-" + BUCKETS.incrementAndGet();
        S3BlobStore store = S3BlobStore.from(new MediaConfig.S3() {

            @Override
            public Optional<String> endpoint() {
                return Optional.of(S3MockServer.endpoint().toString());
            }

            @Override
            public String region() {
                return "us-east-1";
            }

            @Override
            public String bucket() {
                return bucket;
            }

            @Override
            public Optional<String> accessKey() {
                return Optional.of("test");
            }

            @Override
            public Optional<String> secretKey() {
                return Optional.of("test");
            }
        });
        try (S3Client admin = S3Client.builder().endpointOverride(S3MockServer.endpoint()).forcePathStyle(true)
                .region(software.amazon.awssdk.regions.Region.US_EAST_1)
                .httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build()) {
            admin.createBucket(b -> b.bucket(bucket));
        }
        return store;
    }
}
