package health.cms.delivery.client;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import health.cms.delivery.testing.DeliveryRoleResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The TypeScript client is generated from a checked-in copy of the api's OpenAPI document
 * ({@code clients/typescript/openapi.json}); this test fails when the copy is not what the api serves, and
 * writes the served one in its place, so the next build generates the client from it (commit the file).
 */
@QuarkusTest
@QuarkusTestResource(DeliveryRoleResource.class)
class OpenApiSnapshotTest {

    static final Path DOCUMENT = Path.of("..", "clients", "typescript", "openapi.json");

    @Test
    void theClientIsGeneratedFromTheDocumentTheApiServes() throws Exception {
        String served = given().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        String copy = Files.exists(DOCUMENT) ? Files.readString(DOCUMENT) : "";
        if (!copy.equals(served)) {
            Files.writeString(DOCUMENT, served);
        }
        assertEquals(served, copy, DOCUMENT + " was stale and has been refreshed: commit it and build again");
    }
}
