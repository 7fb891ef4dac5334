package health.cms.admin.media;

import static health.cms.admin.testing.Tokens.editor1;
import static health.cms.admin.testing.Tokens.reviewer1;
import static health.cms.admin.testing.Tokens.writer1;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import health.cms.admin.catalog.CatalogAction;
import health.cms.admin.search.VocabularyAction;
import health.cms.core.audit.AuditEvent;
import health.cms.core.audit.AuditLog;
import health.cms.core.audit.AuditSubject;
import health.cms.core.media.BlobStore;
import health.cms.core.media.MediaAssetRepository;
import health.cms.core.media.TestImages;
import health.cms.core.testing.EmbeddedPostgresResource;
import health.cms.workflow.DraftingAction;
import health.cms.workflow.EditorialAction;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** The media library over the management API, with real image files. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class MediaApiTest {

    @Inject
    BlobStore store;
    @Inject
    MediaAssetRepository assets;
    @Inject
    MediaRenditions renditions;
    @Inject
    AuditLog audit;

    private static Response upload(RequestSpecification who, byte[] file, String fileName, Map<String, String> fields) {
        RequestSpecification request = who.contentType("multipart/form-data").multiPart("file", fileName, file,
                "application/octet-stream");
        fields.forEach(request::multiPart);
        return request.post("/manage/v1/media");
    }

    @Test
    void writerUploadsAPhotoAndGetsItStrippedWithItsRenditionsMadeInTheBackground() {
        byte[] photo = TestImages.jpegWithGps(MediaImages.fresh(700, 350), 1);
        Response created = upload(writer1(), photo, "holiday.png", Map.of("altText", "A rash on the forearm",
                "credit", "Dr. Anna Berg", "tags", "skin, rash", "showsPatient", "true"));
        created.then().statusCode(201).body("format", equalTo("jpg")).body("width", equalTo(700))
                .body("height", equalTo(350)).body("altText", equalTo("A rash on the forearm"))
                .body("tags", equalTo(List.of("skin", "rash"))).body("showsPatient", equalTo(true))
                .body("renditions.ready", equalTo(0)).body("renditions.total", equalTo(2))
                .body("renditionUrls.width", equalTo(List.of(320, 640)))
                .body("url", startsWith("http://localhost:8080/media/"));
        String sha = created.jsonPath().getString("sha256");
        long id = created.jsonPath().getLong("id");
        assertEquals("http://localhost:8080/media/" + sha + "/640.jpg", created.jsonPath().getString("renditionUrls[1].url"));

        byte[] stored = store.get(sha, "original.jpg").orElseThrow();
        assertFalse(TestImages.contains(stored, TestImages.GPS_MARKER), "the stored original kept the GPS block");
        assertEquals(List.of(AuditSubject.MEDIA_ASSET.value()), audit.forSubject(AuditSubject.MEDIA_ASSET, Long.toString(id))
                .stream().map(AuditEvent::subjectType).toList());

        renditions.runPending();

        writer1().get("/manage/v1/media/" + id).then().statusCode(200).body("renditions.ready", equalTo(2));
        assertEquals(List.of("320.jpg", "640.jpg", "original.jpg"), store.list(sha));
    }

    @Test
    void theSameBytesAgainAreTheSameAssetWith200() {
        byte[] png = MediaImages.png(120, 80);
        long id = upload(writer1(), png, "a.png", Map.of("altText", "first")).then().statusCode(201).extract()
                .jsonPath().getLong("id");
        upload(editor1(), png, "b.png", Map.of("altText", "second")).then().statusCode(200).body("id", equalTo((int) id))
                .body("altText", equalTo("first"));
    }

    @Test
    void aBombAndARenamedScriptAreRefusedAndNothingIsStored() {
        long before = QuarkusTransaction.requiringNew().call(assets::count);
        upload(writer1(), TestImages.pngClaiming(100_000, 100_000), "bomb.png", Map.of()).then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("errors.field", hasItem("file"))
                .body("errors.message", hasItem("The image has 100000 x 100000 pixels; the most accepted is 50 megapixels"));
        upload(writer1(), "<svg onload=\"alert(1)\"></svg>".getBytes(StandardCharsets.UTF_8), "evil.jpg", Map.of())
                .then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("errors.message", hasItem(
                        "Only JPEG, PNG, WebP and GIF images are accepted, and this file is none of them (SVG is refused: it can carry scripts)"));
        writer1().contentType("multipart/form-data").multiPart("altText", "no file").post("/manage/v1/media").then()
                .statusCode(400).body("errors.message", hasItem("Attach the image in a part named file"));
        long after = QuarkusTransaction.requiringNew().call(assets::count);
        assertEquals(before, after);
    }

    @Test
    void renditionsMadeInTheBackgroundDoNotMakeTheWritersDescriptionStale() {
        // the writer opens the fresh image and describes it while the desk makes its renditions
        Response created = upload(writer1(), MediaImages.png(700, 350), "fresh.png", Map.of());
        long id = created.jsonPath().getLong("id");
        assertEquals(0, created.jsonPath().getInt("renditions.ready"));
        renditions.runPending();
        writer1().get("/manage/v1/media/" + id).then().statusCode(200).body("renditions.ready", equalTo(2))
                .header("ETag", equalTo(created.header("ETag")));

        writer1().header("If-Match", created.header("ETag")).body(Map.of("altText", "A plaster cast"))
                .put("/manage/v1/media/" + id).then().statusCode(200).body("altText", equalTo("A plaster cast"));
    }

    @Test
    void describingIsVersionCheckedAndAudited() {
        Response created = upload(writer1(), MediaImages.png(100, 100), "d.png", Map.of("altText", "Old alt"));
        long id = created.jsonPath().getLong("id");
        String etag = created.header("ETag");
        Map<String, Object> body = Map.of("altText", "A bandage on a knee", "caption", "After three days",
                "credit", "Clinic photo", "focalPoint", Map.of("x", 0.25, "y", 0.75), "tags", List.of("wound"),
                "showsPatient", true, "consent", Map.of("givenBy", "The patient", "givenAt", "2026-05-01T00:00:00Z",
                        "reference", "Form 2026-17"));
        Response updated = editor1().header("If-Match", etag).body(body).put("/manage/v1/media/" + id);
        updated.then().statusCode(200).body("caption", equalTo("After three days")).body("focalPoint.x", equalTo(0.25f))
                .body("consent.reference", equalTo("Form 2026-17")).header("ETag", not(equalTo(etag)));

        editor1().header("If-Match", etag).body(body).put("/manage/v1/media/" + id).then().statusCode(412);
        editor1().body(body).put("/manage/v1/media/" + id).then().statusCode(428);
        reviewer1().header("If-Match", updated.header("ETag")).body(body).put("/manage/v1/media/" + id).then()
                .statusCode(403);
        editor1().header("If-Match", updated.header("ETag")).body(Map.of("altText", "x".repeat(501)))
                .put("/manage/v1/media/" + id).then().statusCode(400);

        List<AuditEvent> events = audit.forSubject(AuditSubject.MEDIA_ASSET, Long.toString(id));
        assertEquals(List.of(MediaAction.UPLOAD.value(), MediaAction.DESCRIBE.value()),
                events.stream().map(AuditEvent::action).toList());
        assertEquals("changed altText, caption, credit, focalPoint, tags, showsPatient, consent", events.get(1).comment());
        assertEquals("editor1", events.get(1).actor());
    }

    @Test
    void everyDeskRoleSearchesButOnlyWritersAndEditorsUpload() {
        String word = "zebra" + System.nanoTime();
        upload(writer1(), MediaImages.png(50, 50), "s.png",
                Map.of("caption", "A " + word + " pattern", "tags", "stripes-" + word))
                .then().statusCode(201);
        reviewer1().get("/manage/v1/media?q=" + word.toUpperCase()).then().statusCode(200)
                .body("caption", equalTo(List.of("A " + word + " pattern")));
        reviewer1().get("/manage/v1/media?tag=stripes-" + word).then().statusCode(200).body("size()", equalTo(1));
        reviewer1().get("/manage/v1/media?tag=stripes").then().statusCode(200)
                .body("caption", not(hasItem("A " + word + " pattern")));
        upload(reviewer1(), MediaImages.png(50, 51), "r.png", Map.of()).then().statusCode(403);
    }

    @Test
    void aRenditionLostFromTheStoreIsMadeAgainOnDemand() {
        Response created = upload(writer1(), MediaImages.png(400, 200), "l.png", Map.of());
        long id = created.jsonPath().getLong("id");
        String sha = created.jsonPath().getString("sha256");
        renditions.runPending();
        byte[] first = store.get(sha, "320.png").orElseThrow();
        store.delete(sha, "320.png");

        writer1().get("/manage/v1/media/" + id).then().statusCode(200).body("renditions.ready", equalTo(0))
                .body("renditions.total", equalTo(1));
        renditions.runPending();

        assertArrayEquals(first, store.get(sha, "320.png").orElseThrow());
        writer1().get("/manage/v1/media/" + id).then().body("renditions.ready", equalTo(1));
    }

    @Test
    void mediaActionsNeverReuseAnotherActionsName() {
        var taken = Stream.of(Stream.of(EditorialAction.values()).map(EditorialAction::value),
                Stream.of(DraftingAction.values()).map(DraftingAction::value),
                Stream.of(CatalogAction.values()).map(CatalogAction::value),
                Stream.of(VocabularyAction.values()).map(VocabularyAction::value)).flatMap(s -> s)
                .collect(Collectors.toSet());
        for (MediaAction action : MediaAction.values()) {
            assertTrue(!taken.contains(action.value()), action + " reuses " + action.value());
        }
    }
}
