package health.cms.admin.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import health.cms.admin.testing.OwnDatabase;
import health.cms.admin.testing.Tokens;
import health.cms.core.testing.EmbeddedPostgresResource;
import health.cms.core.testing.ServedEndpoints;
import health.cms.workflow.testing.Fixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The authorization matrix of {@link AccessMatrix}: every management endpoint with real signed JWTs,
 * every desk page with a session per user, and a check that the app serves no endpoint the tables
 * leave out.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@TestProfile(OwnDatabase.class)
class AuthorizationMatrixTest {

    @TestHTTPResource("/")
    URI app;

    @BeforeEach
    void basics() {
        Fixtures.ensureBasics();
    }

    @Test
    void everyEndpointTheDeskServesIsInTheMatrix() {
        Set<ServedEndpoints.Endpoint> served = ServedEndpoints.all();
        Set<ServedEndpoints.Endpoint> covered = new LinkedHashSet<>();
        List<String> unknownRows = new ArrayList<>();
        List<MatrixTable.Row> rows = new ArrayList<>(AccessMatrix.managementApi());
        rows.addAll(AccessMatrix.deskPages());
        for (MatrixTable.Row row : rows) {
            String path = row.placeholder() == null ? row.path() : row.samplePath();
            Optional<ServedEndpoints.Endpoint> endpoint = ServedEndpoints.matching(served, row.method(), path);
            endpoint.ifPresentOrElse(covered::add, () -> unknownRows.add(row.toString()));
        }
        List<ServedEndpoints.Endpoint> missing = served.stream().filter(e -> !covered.contains(e)).toList();
        assertTrue(served.size() > 40, "the scan finds the desk's endpoints: " + served);
        assertTrue(missing.isEmpty(), "endpoints without a row in AccessMatrix (add one saying who may call them):\n  "
                + String.join("\n  ", missing.stream().map(Object::toString).toList()));
        assertTrue(unknownRows.isEmpty(),
                "rows of AccessMatrix that no endpoint serves:\n  " + String.join("\n  ", unknownRows));
    }

    @ParameterizedTest(name = "management API as {0}")
    @ValueSource(strings = {"anonymous", "writer1", "writer2", "reviewer1", "reviewer2", "editor1", "outsider"})
    void managementApiAnswersEachUserAsTheMatrixSays(String user) {
        ManagementApiMatrix matrix = new ManagementApiMatrix(app,
                name -> Tokens.accessToken(name, AccessMatrix.user(name).roles().toArray(String[]::new)),
                new ManagementApiMatrix.Site("treatments-therapies", "anna-berg", "cancer"));
        ManagementApiMatrix.Outcome outcome = matrix.runColumn(user);
        assertEquals(AccessMatrix.managementApi().size(), outcome.checked());
        assertTrue(outcome.mismatches().isEmpty(), "management API as " + user + ":\n  "
                + String.join("\n  ", outcome.mismatches()));
    }

    @Test
    void deskPagesAsAnonymousVisitor() {
        assertColumn("anonymous");
    }

    @Test
    @TestSecurity(user = "writer1", roles = "writer")
    void deskPagesAsWriter1() {
        assertColumn("writer1");
    }

    @Test
    @TestSecurity(user = "writer2", roles = "writer")
    void deskPagesAsWriter2() {
        assertColumn("writer2");
    }

    @Test
    @TestSecurity(user = "reviewer1", roles = "medical-reviewer")
    void deskPagesAsReviewer1() {
        assertColumn("reviewer1");
    }

    @Test
    @TestSecurity(user = "reviewer2", roles = {"medical-reviewer", "writer"})
    void deskPagesAsReviewer2() {
        assertColumn("reviewer2");
    }

    @Test
    @TestSecurity(user = "editor1", roles = "editor")
    void deskPagesAsEditor1() {
        assertColumn("editor1");
    }

    @Test
    @TestSecurity(user = "outsider", roles = {})
    void deskPagesAsOutsiderWithoutDeskRoles() {
        assertColumn("outsider");
    }

    /** Runs one user's column of {@link AccessMatrix#DESK_PAGES}; the session is the test method's. */
    private void assertColumn(String user) {
        List<String> mismatches = new ArrayList<>();
        for (MatrixTable.Row row : AccessMatrix.deskPages()) {
            int expected = row.expected().get(user);
            String problem;
            try {
                problem = problemWithPage(send(row, user), expected);
            } catch (RuntimeException e) {
                problem = "could not run: " + e;
            }
            if (problem != null) {
                mismatches.add(row + " as " + user + ": " + problem);
            }
        }
        assertTrue(mismatches.isEmpty(), "desk pages as " + user + ":\n  " + String.join("\n  ", mismatches));
    }

    private static String problemWithPage(Response response, int expected) {
        int status = response.statusCode();
        String body = response.asString().replaceAll("\\s+", " ");
        String start = body.substring(0, Math.min(300, body.length()));
        if (status != expected) {
            return "expected " + expected + ", got " + status + " " + response.header("Location") + " " + start;
        }
        // An authorization request to the OIDC server (the WireMock one here, Keycloak in production).
        if (status == 302 && !String.valueOf(response.header("Location")).contains("response_type=code")) {
            return "302 to " + response.header("Location") + " instead of the login";
        }
        if (status >= 400 && (body.contains("Exception") || !body.contains("<html"))) {
            return status + " is not the desk's friendly page: " + start;
        }
        return null;
    }

    private Response send(MatrixTable.Row row, String user) {
        String placeholder = row.placeholder();
        DeskCells.Target target = placeholder == null ? null : DeskCells.fixture(placeholder);
        String path = target == null ? row.path() : row.pathFor(target.key());
        RequestSpecification request = row.writes()
                ? DeskCells.body(row.body(), target, user)
                : given().redirects().follow(false);
        return request.request(row.method(), path);
    }
}
