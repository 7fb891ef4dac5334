package health.cms.admin.share;

import static health.cms.admin.testing.DeskForms.form;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import health.cms.core.testing.EmbeddedPostgresResource;
import health.cms.workflow.testing.Fixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.test.security.TestSecurity;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class SharePagesTest {

    @Test
    @TestSecurity(user = "writer1", roles = "writer")
    void aWriterMakesAPreviewLinkFromTheEditorAndRevokesIt() {
        long article = Fixtures.draft("desk-shared-draft").id();
        given().get("/articles/" + article).then().statusCode(200)
                .body(containsString("href=\"/articles/" + article + "/share-links\""));
        String location = form("writer1").post("/articles/" + article + "/share-links").then().statusCode(303).extract()
                .header("Location");
        assertTrue(location.endsWith("/articles/" + article + "/share-links?done=created"), location);
        given().get(location).then().statusCode(200).body(containsString("Preview link created"))
                .body(containsString("/api/v1/preview/articles/desk-shared-draft?token="))
                .body(containsString(">working<"));

        ShareLinkView link = Fixtures.bean(ShareLinks.class).forArticle(Fixtures.WRITER1, article).get(0);
        form("writer1").post("/share-links/" + link.id() + "/revoke").then().statusCode(303);
        assertEquals("writer1", Fixtures.bean(ShareLinks.class).forArticle(Fixtures.WRITER1, article).get(0).revokedBy());
        given().get("/articles/" + article + "/share-links").then().statusCode(200).body(containsString(">revoked<"));
    }
}
