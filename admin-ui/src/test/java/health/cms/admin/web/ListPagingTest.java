package health.cms.admin.web;

import static health.cms.admin.testing.ManageApi.article;
import static health.cms.admin.testing.ManageApi.create;
import static health.cms.admin.testing.Tokens.editor1;
import static health.cms.admin.testing.Tokens.writer1;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import health.cms.core.testing.EmbeddedPostgresResource;
import health.cms.workflow.testing.Fixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;

/**
 * Every list of the management API comes a bounded page at a time: no request can make the desk load an
 * article's whole history (each revision holds its whole body) or a whole catalog into one answer.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class ListPagingTest {

    /** The revisions' maximum page (ArticlesApi), kept here so that raising it breaks this test. */
    private static final int MAX_REVISIONS = 100;

    @BeforeEach
    void basics() {
        Fixtures.ensureBasics();
    }

    @Test
    void historyLongerThanTheMaximumPageIsNeverLoadedInOneRequest() {
        Response created = create("long-history");
        long id = created.jsonPath().getLong("id");
        String etag = created.header("ETag");
        for (int number = 2; number <= MAX_REVISIONS + 2; number++) {
            etag = writer1().header("If-Match", etag).body(article("long-history", "## Dosage\n\nEdit " + number + "."))
                    .put("/manage/v1/articles/" + id).then().statusCode(200).extract().header("ETag");
        }
        String revisions = "/manage/v1/articles/" + id + "/revisions";

        Response byDefault = writer1().get(revisions);
        byDefault.then().statusCode(200).body("size()", equalTo(50)).body("[0].number", equalTo(1));
        assertEquals("<" + revisions + "?limit=50&offset=50>; rel=\"next\"", byDefault.header("Link"));

        Response largest = writer1().get(revisions + "?limit=" + MAX_REVISIONS);
        largest.then().statusCode(200).body("size()", equalTo(MAX_REVISIONS));
        writer1().get(next(largest)).then().statusCode(200).body("size()", equalTo(2))
                .body("[0].number", equalTo(MAX_REVISIONS + 1)).header("Link", nullValue());

        writer1().get(revisions + "?limit=" + (MAX_REVISIONS + 1)).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("limit"));
        writer1().get(revisions + "?offset=-1").then().statusCode(400).body("errors[0].field", equalTo("offset"));

        String audit = "/manage/v1/articles/" + id + "/audit";
        Response events = writer1().get(audit + "?limit=2");
        events.then().statusCode(200).body("size()", equalTo(2));
        writer1().get(next(events)).then().statusCode(200).body("size()", equalTo(2));
        writer1().get(audit + "?limit=501").then().statusCode(400).body("errors[0].field", equalTo("limit"));
    }

    @Test
    void everyListRefusesAPageOverItsMaximum() {
        for (String url : List.of("/manage/v1/articles?limit=201", "/manage/v1/categories?limit=501",
                "/manage/v1/tags?limit=501", "/manage/v1/authors?limit=501", "/manage/v1/review-queue?limit=501",
                "/manage/v1/webhooks?limit=501", "/manage/v1/tags?limit=99999999999")) {
            editor1().get(url).then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem("limit"));
        }
        editor1().get("/manage/v1/categories?offset=x").then().statusCode(400).body("errors[0].field", equalTo("offset"));
    }

    @Test
    void catalogListsLinkTheirNextPage() {
        editor1().body(Map.of("slug", "paged-tag-a", "name", "Paged tag A")).post("/manage/v1/tags");
        editor1().body(Map.of("slug", "paged-tag-b", "name", "Paged tag B")).post("/manage/v1/tags");
        Response first = writer1().get("/manage/v1/tags?limit=1");
        first.then().statusCode(200).body("size()", equalTo(1));
        Response second = writer1().get(next(first));
        second.then().statusCode(200).body("size()", equalTo(1));
        assertNotEquals(first.jsonPath().getString("[0].slug"), second.jsonPath().getString("[0].slug"));

        create("queued-paging-a");
        create("queued-paging-b");
        Response articles = writer1().get("/manage/v1/articles?limit=1");
        articles.then().statusCode(200).body("size()", equalTo(1));
        writer1().get(next(articles)).then().statusCode(200).body("size()", equalTo(1));
    }

    /** The target of a {@code Link: <...>; rel="next"} header. */
    private static String next(Response page) {
        String link = page.header("Link");
        if (link == null || !link.endsWith(">; rel=\"next\"")) {
            throw new AssertionError("no next link: " + link);
        }
        return link.substring(1, link.indexOf('>'));
    }
}
