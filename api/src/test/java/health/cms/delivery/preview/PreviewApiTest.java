package health.cms.delivery.preview;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import health.cms.core.apikey.ApiKeyScope;
import health.cms.core.article.Article;
import health.cms.core.media.MediaDescription;
import health.cms.delivery.apikey.IssuedKeysAccess;
import health.cms.delivery.testing.DeliveryRoleResource;
import health.cms.workflow.testing.Fixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/**
 * The preview API shows preview-key holders the working revision, rendered as publishing it would serve it,
 * and nothing of it leaks to the public endpoints or to shared caches.
 */
@QuarkusTest
@QuarkusTestResource(DeliveryRoleResource.class)
class PreviewApiTest {

    private static String previewKey;

    private static RequestSpecification withKey() {
        if (previewKey == null) {
            previewKey = IssuedKeysAccess.working("Preview desk", ApiKeyScope.PREVIEW);
        }
        return given().header("Authorization", "Bearer " + previewKey);
    }

    @Test
    void aDraftIsShownToAPreviewKeyMarkedUnsignedAndNeverCachedOrIndexed() {
        Fixtures.draft("preview-draft-only");
        withKey().get("/api/v1/preview/articles/preview-draft-only").then().statusCode(200)
                .header("Cache-Control", "private, no-store").header("X-Robots-Tag", "noindex")
                .header("Surrogate-Key", nullValue()).header("ETag", nullValue())
                .body("preview", equalTo(true)).body("state", equalTo("draft")).body("workingRevision", equalTo(1))
                .body("signed", equalTo(false)).body("medicalReview.status", equalTo("not-signed"))
                .body("title", equalTo("Article preview-draft-only"))
                .body("body.html", containsString("Body of preview-draft-only"))
                .body("authors[0].slug", equalTo("anna-berg")).body("references[0].doi", equalTo("10.1136/bmj.x1"));
    }

    @Test
    void aDraftsLibraryImageIsPreviewedWithItsDescriptionAndSize() {
        Fixtures.ensureBasics();
        String sha = Fixtures.mediaAsset(new MediaDescription("Peak flow meter", "Reading the scale", null, null, null,
                0.5, 0.5, List.of(), false, null));
        Fixtures.drafting().create(Fixtures.WRITER1, Fixtures.withLeadImage(Fixtures.input("preview-pictured",
                "Pictured", "## Section\n\n![Meter](media:" + sha + ")"), sha));
        withKey().get("/api/v1/preview/articles/preview-pictured").then().statusCode(200)
                .body("body.html", containsString("alt=\"Peak flow meter\" width=\"40\" height=\"30\""))
                .body("body.html", containsString("<figcaption>Reading the scale</figcaption>"))
                .body("images[0].sha256", equalTo(sha)).body("leadImage.caption", equalTo("Reading the scale"));
    }

    @Test
    void aDraftStaysMissingEverywherePublic() {
        Fixtures.draft("preview-draft-hidden");
        withKey().get("/api/v1/preview/articles/preview-draft-hidden").then().statusCode(200);
        given().get("/api/v1/articles/preview-draft-hidden").then().statusCode(404);
        withKey().get("/api/v1/articles/preview-draft-hidden").then().statusCode(404);
        given().get("/api/v1/articles?limit=100").then().statusCode(200).body(not(containsString("preview-draft-hidden")));
        given().get("/api/v1/search?q=preview-draft-hidden").then().body(not(containsString("preview-draft-hidden")));
        given().get("/api/v1/feeds/articles.json").then().statusCode(200).body(not(containsString("preview-draft-hidden")));
        given().get("/sitemap.xml").then().statusCode(200).body(not(containsString("preview-draft-hidden")));
    }

    @Test
    void aPendingEditOfALiveArticleIsPreviewedWhileTheLiveTextIsServed() {
        Article live = Fixtures.published("preview-live-edited");
        Fixtures.drafting().edit(Fixtures.WRITER1, live.id(), live.version(),
                Fixtures.input("preview-live-edited", "Edited title", "## Section\n\nTake 10 mg, not 5 mg."));
        withKey().get("/api/v1/preview/articles/preview-live-edited").then().statusCode(200)
                .body("title", equalTo("Edited title")).body("workingRevision", equalTo(2)).body("signed", equalTo(false))
                // the article is back in draft for its next revision, while revision 1 stays live
                .body("state", equalTo("draft")).body("body.html", containsString("10 mg"));
        given().get("/api/v1/articles/preview-live-edited").then().statusCode(200)
                .body("title", equalTo("Article preview-live-edited")).body(not(containsString("10 mg")));
    }

    @Test
    void aSignedLiveRevisionPreviewsExactlyAsItIsServed() throws Exception {
        Fixtures.published("preview-same-as-live");
        ObjectMapper json = new ObjectMapper();
        JsonNode served = json.readTree(given().get("/api/v1/articles/preview-same-as-live").then().statusCode(200)
                .extract().asString());
        JsonNode previewed = json.readTree(withKey().get("/api/v1/preview/articles/preview-same-as-live").then()
                .statusCode(200).body("signed", equalTo(true)).extract().asString());
        for (String field : new String[]{"slug", "title", "summary", "body", "tableOfContents", "category", "tags",
                "authors", "references", "corrections", "firstPublishedAt", "revision", "medicalReview"}) {
            assertEquals(served.get(field), previewed.get(field), field);
        }
    }

    @Test
    void aPathSpelledOtherwiseStillNeedsAPreviewKey() {
        Fixtures.draft("preview-odd-path");
        for (String path : new String[]{"//api/v1/preview/articles/preview-odd-path",
                "/api/v1/./preview/articles/preview-odd-path", "/api/v1/x/../preview/articles/preview-odd-path"}) {
            int status = given().urlEncodingEnabled(false).get(path).statusCode();
            org.junit.jupiter.api.Assertions.assertNotEquals(200, status, path);
        }
    }

    @Test
    void anUnknownSlugIsTheUsual404() {
        withKey().get("/api/v1/preview/articles/no-such-article-here").then().statusCode(404)
                .contentType("application/problem+json");
        withKey().get("/api/v1/preview/articles/Not_A_Slug").then().statusCode(400);
    }
}
