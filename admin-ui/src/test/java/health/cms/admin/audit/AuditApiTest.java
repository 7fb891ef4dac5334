package health.cms.admin.audit;

import static health.cms.admin.testing.ManageApi.create;
import static health.cms.admin.testing.Tokens.editor1;
import static health.cms.admin.testing.Tokens.writer1;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import health.cms.core.testing.EmbeddedPostgresResource;
import health.cms.workflow.testing.Fixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/** Verifying the audit chain over the management API. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class AuditApiTest {

    void basics() {
        io.restassured.RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        Fixtures.ensureBasics();
    }

    @Test
    void auditChainVerifiesForEditors() {
        create("audited");
        editor1().get("/manage/v1/audit/verify").then().statusCode(200).body("intact", equalTo(true));
        writer1().get("/manage/v1/audit/verify").then().statusCode(403);
    }
}
