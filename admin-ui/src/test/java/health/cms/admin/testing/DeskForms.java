package health.cms.admin.testing;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Posts desk forms as a browser does: with the CSRF cookie and the same token in a hidden field. */
public final class DeskForms {

    /** 16 bytes, base64url: the size the CSRF filter expects. */
    public static final String TOKEN = "c2l4dGVlbi1ieXRlcy0xMg";

    private DeskForms() {
    }

    public static RequestSpecification form() {
        return given().redirects().follow(false).contentType(ContentType.URLENC).cookie("csrf-token", TOKEN)
                .formParam("csrf-token", TOKEN);
    }

    public static RequestSpecification multipart() {
        return given().redirects().follow(false).cookie("csrf-token", TOKEN).multiPart("csrf-token", TOKEN);
    }

    /** The id at the end of a redirect such as {@code /articles/42?done=created}. */
    public static long idFrom(String location) {
        String path = location.replaceAll("\\?.*$", "");
        return Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
    }
}
