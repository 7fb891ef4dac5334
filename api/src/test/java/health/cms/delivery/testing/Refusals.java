package health.cms.delivery.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Assertions on the api's refusals. */
public final class Refusals {

    private Refusals() {
    }

    /** A 400 problem+json that names the parameter and nothing of our internals. */
    public static void assertBadParameter(String url, String parameter) {
        String body = given().get(url).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem(parameter)).extract().asString();
        assertTrue(!body.contains("Exception") && !body.contains("at health."), body);
    }
}
