package health.cms.admin.security;

import static health.cms.admin.testing.ManageApi.article;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import health.cms.admin.testing.Tokens;
import health.cms.core.testing.EmbeddedPostgresResource;
import health.cms.workflow.testing.Fixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.specification.RequestSpecification;

/**
 * The management API accepts only tokens minted for it, and takes the actor from the user name alone:
 * every token here is signed by the realm and unexpired, so only the audience and principal rules refuse.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class ManageTokensTest {

    @BeforeEach
    void basics() {
        Fixtures.ensureBasics();
    }

    @Test
    void refusesTokenMintedForAnotherClientOfTheRealm() {
        // What a user gets from the realm's account console or admin-cli: same realm, same roles, other client.
        String accountConsole = Tokens.token("editor1", "editor").audience("account").claim("azp", "account-console")
                .jws().keyId("1").sign("privateKey.jwk");
        bearer(accountConsole).get("/manage/v1/review-queue").then().statusCode(401);
        bearer(accountConsole).body(article("foreign-client-draft", "## A\n\nText.")).post("/manage/v1/articles")
                .then().statusCode(401);
        String noAudience = Tokens.token("editor1", "editor").claim("azp", "cms-cli").jws().keyId("1")
                .sign("privateKey.jwk");
        bearer(noAudience).get("/manage/v1/review-queue").then().statusCode(401);

        Tokens.editor1().get("/manage/v1/review-queue").then().statusCode(200);
    }

    @Test
    void refusesTokenThatNamesNoUser() {
        // A service account's token without the profile scope: only an opaque subject, no user name.
        String serviceAccount = Tokens.token("editor1", "editor").subject("0b5e2a8c-service-account")
                .remove("preferred_username").audience(Tokens.MANAGEMENT_API).jws().keyId("1")
                .sign("privateKey.jwk");
        bearer(serviceAccount).get("/manage/v1/review-queue").then().statusCode(401);
    }

    @Test
    void upnClaimCannotImpersonateAnotherUser() {
        // Quarkus's default principal is `upn` before `preferred_username`: a realm mapper filling upn with
        // another user's name would make this writer act, and be audited, as that user.
        String token = Tokens.token("writer1", "writer").claim("upn", "reviewer1").audience(Tokens.MANAGEMENT_API)
                .jws().keyId("1").sign("privateKey.jwk");
        long id = bearer(token).body(article("upn-impersonation", "## A\n\nText.")).post("/manage/v1/articles")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        Tokens.writer1().get("/manage/v1/articles/" + id + "/revisions").then().statusCode(200)
                .body("[0].createdBy", equalTo("writer1"));
    }

    private static RequestSpecification bearer(String token) {
        return given().auth().oauth2(token).contentType("application/json");
    }
}
