package health.cms.admin.search;

import static health.cms.admin.testing.Tokens.editor1;
import static health.cms.admin.testing.Tokens.writer1;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import health.cms.admin.catalog.CatalogAction;
import health.cms.core.audit.AuditLog;
import health.cms.core.audit.AuditSubject;
import health.cms.core.search.VocabularyChannel;
import health.cms.core.testing.EmbeddedPostgresResource;
import health.cms.workflow.DraftingAction;
import health.cms.workflow.EditorialAction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/** Editors extend the search vocabulary; each group is checked, audited and announced to the api replicas. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class VocabularyApiTest {

    @Inject
    AuditLog audit;
    @Inject
    DataSource database;

    @Test
    void editorAddsAGroupThatIsAuditedAndAnnounced() throws Exception {
        try (Connection listener = database.getConnection(); Statement statement = listener.createStatement()) {
            statement.execute("LISTEN " + VocabularyChannel.NAME);
            long id = editor1().body(Map.of("terms", " Zoster   Rash, shingles ")).post("/manage/v1/search/vocabulary")
                    .then().statusCode(201).body("terms", equalTo("zoster rash, shingles")).extract().jsonPath()
                    .getLong("id");
            writer1().get("/manage/v1/search/vocabulary").then().statusCode(200)
                    .body("groups.terms", hasItem("zoster rash, shingles"));
            var events = audit.forSubject(AuditSubject.SEARCH_VOCABULARY, Long.toString(id));
            assertEquals(List.of(VocabularyAction.ADD_GROUP.value()), events.stream().map(e -> e.action()).toList());
            try (ResultSet rs = statement.executeQuery("SELECT 1")) {
                rs.next();
            }
            var notifications = listener.unwrap(org.postgresql.PGConnection.class).getNotifications(5_000);
            assertEquals(Long.toString(id), notifications[0].getParameter());
        }
    }

    @Test
    void vocabularyActionsNeverReuseAnotherActionsName() {
        Set<String> taken = Stream.of(Stream.of(EditorialAction.values()).map(EditorialAction::value),
                Stream.of(DraftingAction.values()).map(DraftingAction::value),
                Stream.of(CatalogAction.values()).map(CatalogAction::value)).flatMap(s -> s).collect(Collectors.toSet());
        for (VocabularyAction action : VocabularyAction.values()) {
            assertFalse(taken.contains(action.value()), action + " reuses " + action.value());
        }
    }

    @Test
    void onlyEditorsAddAndOnlyRealGroups() {
        writer1().body(Map.of("terms", "a word, another word")).post("/manage/v1/search/vocabulary").then()
                .statusCode(403);
        editor1().body(Map.of("terms", "lonely")).post("/manage/v1/search/vocabulary").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("terms"));
        editor1().body(Map.of("terms", "<script>, alert")).post("/manage/v1/search/vocabulary").then().statusCode(400);
        editor1().body(Map.of("terms", "dup one, dup two")).post("/manage/v1/search/vocabulary").then().statusCode(201);
        editor1().body(Map.of("terms", "Dup One, dup two")).post("/manage/v1/search/vocabulary").then().statusCode(409);
    }
}
