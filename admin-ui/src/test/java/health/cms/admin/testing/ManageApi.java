package health.cms.admin.testing;

import static health.cms.admin.testing.Tokens.writer1;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Shortcuts for the management API calls that many tests repeat. */
public final class ManageApi {

    private ManageApi() {
    }

    public static Map<String, Object> article(String slug, String body) {
        return Map.of("slug", slug, "title", "Title of " + slug, "summary", "A lead.", "body", body,
                "category", "treatments-therapies", "authors", List.of("anna-berg"), "tags", List.of("cancer"),
                "references", List.of(Map.of("citation", "Doe J. A trial. NEJM. 2021;1:1.", "pmid", "12345")),
                "changeNote", "First version");
    }

    public static Response create(String slug) {
        return writer1().body(article(slug, "## Dosage\n\nTake 5 mg once a day.")).post("/manage/v1/articles");
    }

    public static Response transition(RequestSpecification who, long id, String etag, String action, Map<String, ?> extra) {
        Map<String, Object> body = new java.util.HashMap<>(extra);
        body.put("action", action);
        return who.header("If-Match", etag).body(body).post("/manage/v1/articles/" + id + "/transitions");
    }

    /** Creates, submits (writer1) and returns id and ETag of an article waiting for review. */
    public static String[] submitted(String slug) {
        Response created = create(slug);
        long id = created.jsonPath().getLong("id");
        Response submitted = transition(writer1(), id, created.header("ETag"), "submit", Map.of());
        submitted.then().statusCode(200).body("status", equalTo("medical-review"));
        return new String[]{String.valueOf(id), submitted.header("ETag")};
    }
}
