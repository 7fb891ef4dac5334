package health.cms.admin.media;

import static health.cms.admin.testing.DeskForms.form;
import static health.cms.admin.testing.DeskForms.idFrom;
import static health.cms.admin.testing.DeskForms.multipart;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import health.cms.core.media.MediaAssetRepository;
import health.cms.core.testing.EmbeddedPostgresResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.test.security.TestSecurity;

/** The desk's media library without JavaScript: upload several files, find them, describe one. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class MediaPagesTest {

    @Inject
    MediaAssetRepository assets;

    @Test
    @TestSecurity(user = "writer1", roles = "writer")
    void aWriterUploadsTwoFilesFindsThemAndDescribesOne() {
        String word = "okapi" + System.nanoTime();
        multipart("writer1").multiPart("file", "one.png", MediaImages.png(90, 60), "image/png")
                .multiPart("file", "two.png", MediaImages.png(91, 60), "image/png").multiPart("tags", word)
                .post("/media").then().statusCode(303).header("Location", containsString("/media?uploaded=2"));

        String grid = given().get("/media?tag=" + word).then().statusCode(200).extract().asString();
        assertEquals(2, grid.split("<li>", -1).length - 1, grid);

        long id = QuarkusTransaction.requiringNew().call(() -> assets.search(null, word, 0, 10).get(0).id());
        long version = QuarkusTransaction.requiringNew().call(() -> assets.findById(id).version());
        String saved = form("writer1").formParam("version", version).formParam("altText", "Striped legs of an okapi")
                .formParam("caption", "Seen at the zoo").formParam("tags", word).post("/media/" + id).then()
                .statusCode(303).extract().header("Location");
        assertEquals(id, idFrom(saved));
        given().get("/media/" + id).then().statusCode(200).body(containsString("Striped legs of an okapi"));

        form("writer1").formParam("version", version).formParam("altText", "Stale").post("/media/" + id).then()
                .statusCode(412).body(containsString("changed since you loaded it"));
        form("writer1").formParam("version", version + 1).formParam("focalX", "3").post("/media/" + id).then()
                .statusCode(400).body(containsString("must be a number from 0 to 1"))
                .body(containsString("value=\"3\"")); // the form comes back as typed
    }

    @Test
    @TestSecurity(user = "writer1", roles = "writer")
    void aRenamedScriptIsRefusedWithAMessageOnTheForm() {
        multipart("writer1").multiPart("file", "evil.jpg", "<svg/>".getBytes(StandardCharsets.UTF_8), "image/jpeg")
                .post("/media").then().statusCode(400).body(containsString("evil.jpg: Only JPEG, PNG, WebP and GIF"))
                .body(not(containsString("Exception")));
    }

    @Test
    @TestSecurity(user = "reviewer1", roles = "medical-reviewer")
    void aReviewerBrowsesButHasNoUploadForm() {
        given().get("/media").then().statusCode(200).body(containsString("Media library"))
                .body(not(containsString("id=\"media-upload\"")));
    }
}
