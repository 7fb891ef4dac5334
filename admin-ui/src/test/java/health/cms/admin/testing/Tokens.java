package health.cms.admin.testing;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;

import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;

/**
 * Real signed access tokens shaped like Keycloak's (roles under realm_access.roles), signed with the
 * key that the WireMock OIDC test server publishes.
 */
public final class Tokens {

    private Tokens() {
    }

    public static String accessToken(String user, String... roles) {
        return Jwt.preferredUserName(user)
                .subject(user)
                .claim("realm_access", Map.of("roles", List.of(roles)))
                .issuer("https://server.example.com")
                .audience("https://service.example.com")
                .jws().keyId("1")
                .sign("privateKey.jwk");
    }

    public static RequestSpecification as(String user, String... roles) {
        return given().auth().oauth2(accessToken(user, roles)).contentType("application/json");
    }

    public static RequestSpecification writer1() {
        return as("writer1", "writer");
    }

    public static RequestSpecification writer2() {
        return as("writer2", "writer");
    }

    public static RequestSpecification reviewer1() {
        return as("reviewer1", "medical-reviewer");
    }

    public static RequestSpecification reviewer2() {
        return as("reviewer2", "medical-reviewer", "writer");
    }

    public static RequestSpecification editor1() {
        return as("editor1", "editor");
    }
}
