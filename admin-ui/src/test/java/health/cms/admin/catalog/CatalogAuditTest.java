package health.cms.admin.catalog;

import static health.cms.admin.testing.Tokens.editor1;
import static health.cms.admin.testing.Tokens.writer1;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import health.cms.admin.testing.ManageApi;
import health.cms.core.audit.AuditEvent;
import health.cms.core.audit.AuditLog;
import health.cms.core.audit.AuditSubject;
import health.cms.core.testing.EmbeddedPostgresResource;
import health.cms.workflow.DraftingAction;
import health.cms.workflow.EditorialAction;
import health.cms.workflow.testing.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/** Catalog changes that sign-offs and review dates rely on are in the hash-chained audit trail. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class CatalogAuditTest {

    @Inject
    AuditLog audit;

    @BeforeEach
    void basics() {
        Fixtures.ensureBasics();
    }

    @Test
    void relinkingAReviewerProfileToAnotherAccountIsInTheAuditTrail() {
        Map<String, Object> profile = new HashMap<>(Map.of("slug", "linked-reviewer", "displayName", "Lena Linked",
                "credentials", "MD", "keycloakUser", "lena-account", "author", false, "reviewer", true));
        String etag = editor1().body(profile).post("/manage/v1/authors").then().statusCode(201).extract()
                .header("ETag");
        profile.remove("slug");
        profile.put("keycloakUser", "someone-else");
        profile.put("credentials", "MD, PhD");
        editor1().header("If-Match", etag).body(profile).put("/manage/v1/authors/linked-reviewer").then()
                .statusCode(200);

        List<AuditEvent> trail = trail(AuditSubject.PROFILE, "linked-reviewer");
        assertEquals(List.of("create-profile", "relink-profile", "update-profile"),
                trail.stream().map(AuditEvent::action).toList());
        AuditEvent relink = trail.get(1);
        assertEquals("editor1", relink.actor());
        assertEquals("keycloakUser: 'lena-account' -> 'someone-else'", relink.comment());
        assertEquals("credentials: 'MD' -> 'MD, PhD'", trail.get(2).comment());
        assertTrue(trail.get(0).comment().contains("keycloakUser: 'lena-account'") && trail.get(0).comment()
                .contains("reviewer: true"), trail.get(0).comment());
        editor1().get("/manage/v1/audit/verify").then().statusCode(200).body("intact", equalTo(true));
    }

    @Test
    void onlyAProfileMarkedAsAuthorCanStandInABylineAndMarkingItIsAudited() {
        Map<String, Object> profile = new HashMap<>(Map.of("slug", "not-yet-author", "displayName", "Nina Notyet",
                "credentials", "MD", "author", false, "reviewer", false));
        String etag = editor1().body(profile).post("/manage/v1/authors").then().statusCode(201).extract()
                .header("ETag");
        Map<String, Object> article = new HashMap<>(ManageApi.article("byline-needs-author", "## A\n\nText."));
        article.put("authors", List.of("not-yet-author"));
        writer1().body(article).post("/manage/v1/articles").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.find { it.field == 'authors' }.message",
                        equalTo("'not-yet-author' is not marked as an author in the catalog, so it cannot be in a byline"));

        profile.remove("slug");
        profile.put("author", true);
        editor1().header("If-Match", etag).body(profile).put("/manage/v1/authors/not-yet-author").then()
                .statusCode(200).body("author", equalTo(true));
        assertEquals("author: 'false' -> 'true'", trail(AuditSubject.PROFILE, "not-yet-author").get(1).comment());
        writer1().body(article).post("/manage/v1/articles").then().statusCode(201);
    }

    @Test
    void aCategoryReviewIntervalChangeIsAudited() {
        String etag = editor1().body(Map.of("slug", "audited-interval", "name", "Audited", "reviewIntervalMonths", 24))
                .post("/manage/v1/categories").then().statusCode(201).extract().header("ETag");
        editor1().header("If-Match", etag).body(Map.of("name", "Audited", "reviewIntervalMonths", 60))
                .put("/manage/v1/categories/audited-interval").then().statusCode(200);
        editor1().delete("/manage/v1/categories/audited-interval").then().statusCode(204);

        List<AuditEvent> trail = trail(AuditSubject.CATEGORY, "audited-interval");
        assertEquals(List.of("create-category", "update-category", "delete-category"),
                trail.stream().map(AuditEvent::action).toList());
        assertEquals("reviewIntervalMonths: '24' -> '60'", trail.get(1).comment());
        assertTrue(trail.stream().allMatch(e -> e.articleId() == null && e.computeHash().equals(e.hash())));
        editor1().get("/manage/v1/audit/verify").then().statusCode(200).body("intact", equalTo(true));
    }

    @Test
    void aTagRenameIsAudited() {
        String etag = editor1().body(Map.of("slug", "audited-tag", "name", "Old")).post("/manage/v1/tags").then()
                .statusCode(201).extract().header("ETag");
        editor1().header("If-Match", etag).body(Map.of("name", "New")).put("/manage/v1/tags/audited-tag").then()
                .statusCode(200);

        assertEquals(List.of("create-tag", "rename-tag"),
                trail(AuditSubject.TAG, "audited-tag").stream().map(AuditEvent::action).toList());
    }

    @Test
    void catalogActionsNeverReuseAWorkflowActionsName() {
        Set<String> workflow = Stream.concat(Stream.of(EditorialAction.values()).map(EditorialAction::value),
                Stream.of(DraftingAction.values()).map(DraftingAction::value)).collect(Collectors.toSet());
        for (CatalogAction action : CatalogAction.values()) {
            assertTrue(!workflow.contains(action.value()), action + " reuses " + action.value());
        }
    }

    private List<AuditEvent> trail(AuditSubject subject, String slug) {
        return QuarkusTransaction.requiringNew().call(() -> audit.forSubject(subject, slug));
    }
}
