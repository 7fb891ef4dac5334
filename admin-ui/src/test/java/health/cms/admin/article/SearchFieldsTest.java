package health.cms.admin.article;

import static health.cms.admin.testing.DeskForms.form;
import static health.cms.admin.testing.ManageApi.article;
import static health.cms.admin.testing.Tokens.writer1;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import health.cms.admin.testing.DeskForms;
import health.cms.core.testing.EmbeddedPostgresResource;
import health.cms.workflow.testing.Fixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.test.security.TestSecurity;

/**
 * Trust and search fields and structured references, through the management API (problem+json on bad values)
 * and the editor form (messages beside the fields, a search result and social card preview).
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class SearchFieldsTest {

    @BeforeEach
    void basics() {
        Fixtures.ensureBasics();
    }

    @Test
    void theApiStoresAndReturnsSearchFieldsAndReferenceParts() {
        Map<String, Object> article = new HashMap<>(article("api-seo", "## A\n\nText."));
        article.put("seo", Map.of("metaTitle", "Immunotherapy, explained", "metaDescription", "What it does.",
                "canonicalUrl", "https://health.example/immunotherapy", "noindex", true));
        article.put("references", List.of(Map.of("authors", "Doe J", "title", "A trial", "source", "NEJM", "year", 2021,
                "doi", "doi:10.1056/nejm.2021", "pmid", "12345")));
        writer1().body(article).post("/manage/v1/articles").then().statusCode(201)
                .body("workingRevision.seo.metaTitle", equalTo("Immunotherapy, explained"))
                .body("workingRevision.seo.noindex", equalTo(true))
                .body("workingRevision.references[0].citation", equalTo("Doe J. A trial. NEJM. 2021."))
                .body("workingRevision.references[0].year", equalTo(2021))
                .body("workingRevision.references[0].doi", equalTo("10.1056/nejm.2021"));
    }

    @Test
    void badSearchFieldsAndReferenceFormatsAreA400ProblemNamingEachField() {
        Map<String, Object> article = new HashMap<>(article("api-seo-bad", "## A\n\nText."));
        article.put("seo", Map.of("metaTitle", "t".repeat(301), "canonicalUrl", "javascript:alert(1)",
                "socialImageUrl", "x".repeat(1001)));
        article.put("references", List.of(Map.of("title", "A trial", "year", "20x1", "doi", "10.12/abc", "pmid", "123456789")));
        writer1().body(article).post("/manage/v1/articles").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("seo.metaTitle", "seo.canonicalUrl", "seo.socialImageUrl",
                        "references[0].year", "references[0].doi", "references[0].pmid"));
    }

    @Test
    @TestSecurity(user = "writer1", roles = "writer")
    void theFormSavesSearchFieldsAndPreviewsTheSearchResultAndSocialCard() {
        String location = DeskForms.form("writer1").formParam("slug", "form-seo").formParam("title", "Immunotherapy")
                .formParam("summary", "A lead.").formParam("body", "## A\n\nText.")
                .formParam("category", "treatments-therapies").formParam("authors", "anna-berg")
                .formParam("refAuthors", "Doe J").formParam("refTitle", "A trial").formParam("refSource", "NEJM")
                .formParam("refYear", "2021").formParam("refPmid", "12345")
                .formParam("metaTitle", "Immunotherapy: how it works, who it helps, what it risks, and what it costs today")
                .formParam("metaDescription", "What it does.").formParam("socialImageUrl", "https://media.example/i.png")
                .formParam("noindex", "true").formParam("intent", "save")
                .post("/articles").then().statusCode(303).extract().header("Location");
        long id = DeskForms.idFrom(location);

        given().get("/articles/" + id).then().statusCode(200)
                .body(containsString("value=\"Doe J\""))
                .body(containsString("id=\"f-noindex\" checked"))
                .body(containsString("class=\"serp-title\">Immunotherapy: how it works, who it helps, what it risks,…</p>"))
                .body(containsString("Title 81 of about 60 characters (cut off)"))
                .body(containsString("<img src=\"https://media.example/i.png\""))
                .body(containsString("Marked noindex"));
    }

    @Test
    @TestSecurity(user = "writer1", roles = "writer")
    void aMalformedDoiInTheFormIsNamedBesideItsReferenceAndKeepsTheText() {
        form("writer1").formParam("slug", "form-doi").formParam("title", "Doi").formParam("summary", "A lead.")
                .formParam("body", "## A\n\nKeep this text.").formParam("category", "treatments-therapies")
                .formParam("authors", "anna-berg").formParam("refTitle", "A trial").formParam("refDoi", "doi 12/3")
                .formParam("refYear", "21").formParam("canonicalUrl", "ftp://example.org/x").formParam("intent", "save")
                .post("/articles").then().statusCode(400)
                .body(allOf(containsString("Reference 1: "), containsString("doi must look like 10.1234/abc"),
                        containsString("year must be a four-digit year, e.g. 2021")))
                .body(containsString("id=\"f-canonicalUrl-error\""))
                .body(containsString("Keep this text."))
                .body(not(containsString("Exception")));
    }
}
