package health.cms.admin.testing;

import static io.restassured.RestAssured.given;

import health.cms.admin.web.DeskCsrf;
import health.cms.workflow.testing.Fixtures;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Posts desk forms as a browser does, with the hidden CSRF field of the page they came from. Test identities
 * ({@code @TestSecurity}) have no login session, so their token is bound to the user alone.
 */
public final class DeskForms {

    private DeskForms() {
    }

    /** The token the desk puts into the forms of {@code user} signed in with {@code @TestSecurity}. */
    public static String token(String user) {
        return Fixtures.bean(DeskCsrf.class).tokenFor(user, "");
    }

    public static RequestSpecification form(String user) {
        return given().redirects().follow(false).contentType(ContentType.URLENC).formParam(DeskCsrf.FIELD, token(user));
    }

    public static RequestSpecification multipart(String user) {
        return given().redirects().follow(false).multiPart(DeskCsrf.FIELD, token(user));
    }

    /** The id at the end of a redirect such as {@code /articles/42?done=created}. */
    public static long idFrom(String location) {
        String path = location.replaceAll("\\?.*$", "");
        return Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
    }
}
