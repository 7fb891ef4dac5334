package health.cms.admin.testing;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;

import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * Real signed access tokens shaped like Keycloak's (roles under realm_access.roles, minted for the
 * {@code cms-cli} client with the management API's audience), signed with the key that the WireMock OIDC
 * test server publishes.
 */
public final class Tokens {

    private Tokens() {
    }

    /** The audience the realm's audience mapper gives the tokens of the clients allowed on /manage. */
    public static final String MANAGEMENT_API = "cms-management-api";

    public static String accessToken(String user, String... roles) {
        return token(user, roles).audience(MANAGEMENT_API).claim("azp", "cms-cli").jws().keyId("1")
                .sign("privateKey.jwk");
    }

    /** A realm-signed token for {@code user} without audience or client: callers add theirs, then sign. */
    public static JwtClaimsBuilder token(String user, String... roles) {
        return Jwt.preferredUserName(user)
                .subject(user)
                .claim("realm_access", Map.of("roles", List.of(roles)))
                .issuer("https://server.example.com");
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
