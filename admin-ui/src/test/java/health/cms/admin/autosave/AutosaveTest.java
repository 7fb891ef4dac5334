package health.cms.admin.autosave;

import static health.cms.admin.testing.DeskForms.form;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import health.cms.core.article.Article;
import health.cms.core.article.ArticleRepository;
import health.cms.core.markdown.MarkdownRenderer;
import health.cms.core.scratch.ScratchCopies;
import health.cms.core.testing.EmbeddedPostgresResource;
import health.cms.workflow.testing.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.test.security.TestSecurity;

/** Autosave: a closed tab's text comes back to its writer only, and saving it keeps the version check. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class AutosaveTest {

    private static final String TYPED = "## Dose\n\nTyped but never saved: take 10 mg.";

    @BeforeEach
    void basics() {
        Fixtures.ensureBasics();
    }

    private static void keep(String user, Article article, String body) {
        form(user).formParam("version", article.version()).formParam("title", "Autosaved title")
                .formParam("summary", "A lead.").formParam("body", body)
                .post("/scratch/" + article.id()).then().statusCode(200);
    }

    private static boolean hasScratch(long id, String user) {
        return Fixtures.bean(ScratchCopies.class).of(id, user).isPresent();
    }

    @Test
    @TestSecurity(user = "writer1", roles = "writer")
    void aClosedTabsTextIsOfferedBackRestoredAndSavedAsARevision() {
        Article draft = Fixtures.draft("autosave-restore");
        keep("writer1", draft, TYPED);

        given().get("/articles/" + draft.id()).then().statusCode(200)
                .body(containsString("id=\"autosave-offer\""))
                .body(not(containsString("Typed but never saved")));
        given().get("/articles/" + draft.id() + "?restore=true").then().statusCode(200)
                .body(containsString("Typed but never saved: take 10 mg."))
                .body(containsString("name=\"version\" value=\"" + draft.version() + "\""))
                .body(not(containsString("id=\"autosave-offer\"")));
        assertTrue(hasScratch(draft.id(), "writer1"), "a GET restores into the form, it never drops the copy");

        form("writer1").formParam("version", draft.version()).formParam("title", "Autosaved title")
                .formParam("summary", "A lead.").formParam("body", TYPED).formParam("category", "treatments-therapies")
                .formParam("authors", "anna-berg").formParam("refCitation", "Doe J. A trial. 2021.")
                .formParam("intent", "save").post("/articles/" + draft.id()).then().statusCode(303);

        assertEquals(TYPED, QuarkusTransaction.requiringNew().call(() -> Fixtures.bean(ArticleRepository.class)
                .findById(draft.id()).workingRevision().bodyMarkdown()));
        assertTrue(!hasScratch(draft.id(), "writer1"), "saving the revision drops the scratch copy");
    }

    @Test
    @TestSecurity(user = "writer2", roles = "writer")
    void aScratchCopyIsPrivateToItsWriter() {
        Article draft = Fixtures.draft("autosave-private");
        Fixtures.bean(ScratchCopies.class).keep(draft.id(), "writer1", draft.version(), "T", "L", TYPED);

        given().get("/articles/" + draft.id() + "?restore=true").then().statusCode(200)
                .body(not(containsString("Typed but never saved")))
                .body(not(containsString("id=\"autosave-offer\"")));
        form("writer2").post("/scratch/" + draft.id() + "/discard").then().statusCode(303);
        assertTrue(hasScratch(draft.id(), "writer1"), "another writer's discard leaves writer1's copy alone");
    }

    @Test
    @TestSecurity(user = "writer1", roles = "writer")
    void aRestoredCopyOfAStaleVersionMeetsTheConflictPageNotAnOverwrite() {
        Article draft = Fixtures.draft("autosave-stale");
        keep("writer1", draft, TYPED);
        Article newer = Fixtures.drafting().edit(Fixtures.WRITER2, draft.id(), draft.version(),
                Fixtures.input(draft.slug(), "Newer", "## Dose\n\nwriter2 saved this meanwhile."));

        given().get("/articles/" + draft.id() + "?restore=true").then().statusCode(200)
                .body(containsString("name=\"version\" value=\"" + draft.version() + "\""));
        form("writer1").formParam("version", draft.version()).formParam("title", "Autosaved title")
                .formParam("summary", "A lead.").formParam("body", TYPED).formParam("category", "treatments-therapies")
                .formParam("authors", "anna-berg").formParam("refCitation", "Doe J. A trial. 2021.")
                .formParam("intent", "save").post("/articles/" + draft.id()).then().statusCode(412)
                .body(containsString("id=\"conflict-title\""));
        assertEquals(newer.version(), QuarkusTransaction.requiringNew()
                .call(() -> Fixtures.bean(ArticleRepository.class).findById(draft.id()).version()));
        assertTrue(hasScratch(draft.id(), "writer1"), "a refused save keeps the scratch copy");
    }

    @Test
    @TestSecurity(user = "writer1", roles = "writer")
    void anOverlongBodyIsRefusedWithAProblemNamingIt() {
        Article draft = Fixtures.draft("autosave-too-long");
        form("writer1").formParam("version", draft.version()).formParam("title", "T").formParam("summary", "L")
                .formParam("body", "x".repeat(MarkdownRenderer.MAX_BODY_CHARS + 1))
                .post("/scratch/" + draft.id()).then().statusCode(400)
                .body(containsString("body"));
        assertTrue(!hasScratch(draft.id(), "writer1"));
    }
}
