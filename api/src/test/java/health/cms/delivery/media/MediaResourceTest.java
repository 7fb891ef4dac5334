package health.cms.delivery.media;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import health.cms.core.media.BlobStore;
import health.cms.core.media.ImagePipeline;
import health.cms.core.media.TestImages;
import health.cms.delivery.testing.DeliveryRoleResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The api serves stored images and renditions by hash, cacheable forever, and nothing else. */
@QuarkusTest
@QuarkusTestResource(DeliveryRoleResource.class)
class MediaResourceTest {

    static final byte[] PNG = TestImages.write(TestImages.redLeftBlueRight(33, 21), "png");
    static final String HASH = ImagePipeline.sha256(PNG);

    @Inject
    BlobStore store;

    @BeforeEach
    void stored() {
        store.put(HASH, "original.png", PNG);
        store.put(HASH, "320.png", PNG);
    }

    @Test
    void servesARenditionWithImmutableCachingAndTheHashAsETag() {
        byte[] body = given().get("/media/" + HASH + "/320.png").then().statusCode(200)
                .contentType("image/png").header("Cache-Control", "public, max-age=31536000, immutable")
                .header("ETag", "\"" + HASH + "\"").extract().asByteArray();
        assertArrayEquals(PNG, body);
        given().get("/media/" + HASH + "/original.png").then().statusCode(200).contentType("image/png");
    }

    @Test
    void answers304ToAClientThatHasIt() {
        given().header("If-None-Match", "\"" + HASH + "\"").get("/media/" + HASH + "/320.png").then().statusCode(304)
                .header("ETag", "\"" + HASH + "\"");
    }

    @Test
    void unknownImagesRenditionsAndNamesAre404Problems() {
        String unknown = ImagePipeline.sha256(new byte[]{1, 2, 3});
        for (String path : new String[]{"/media/" + unknown + "/320.png", "/media/" + HASH + "/640.png",
                "/media/" + HASH + "/320.exe", "/media/" + HASH + "/..%2F..%2Fetc%2Fpasswd", "/media/NOTAHASH/320.png"}) {
            given().get(path).then().statusCode(404).contentType(startsWith("application/problem+json"))
                    .body("status", equalTo(404));
        }
    }
}
