package health.cms.admin.translation;

import static health.cms.admin.testing.Tokens.editor1;
import static health.cms.admin.testing.Tokens.reviewer1;
import static health.cms.admin.testing.Tokens.writer1;
import static health.cms.admin.testing.Tokens.writer2;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import health.cms.core.article.Article;
import health.cms.core.testing.EmbeddedPostgresResource;
import health.cms.workflow.testing.Fixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/** The management API's translations: an article's languages, starting a translation, the outdated queue. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class TranslationsApiTest {

    private static Map<String, String> start(String locale, String slug, String title) {
        return Map.of("locale", locale, "slug", slug, "title", title);
    }

    @Test
    void aWriterStartsATranslationAsADraftOfItsOwnAndTheSourceListsIt() {
        Article source = Fixtures.published("api-translated-source");

        var created = writer2().contentType("application/json").body(start("de", "api-uebersetzt", "Übersetzt"))
                .post("/manage/v1/articles/" + source.id() + "/translations").then().statusCode(201)
                .header("ETag", containsString("\"")).body("status", equalTo("draft"))
                .body("slug", equalTo("api-uebersetzt")).body("workingRevision.title", equalTo("Übersetzt"))
                .body("workingRevision.body", containsString("Body of api-translated-source.")).extract();
        long id = created.jsonPath().getLong("id");
        assertThat(created.header("Location"), endsWith("/manage/v1/articles/" + id));

        reviewer1().get("/manage/v1/articles/" + source.id() + "/translations").then().statusCode(200)
                .body("article.locale", equalTo("en")).body("source", nullValue())
                .body("translations.slug", hasItem("api-uebersetzt")).body("translations[0].locale", equalTo("de"))
                .body("translations[0].status", equalTo("draft")).body("translations[0].live", equalTo(false))
                .body("openLocales", not(hasItem("de"))).body("openLocales", hasItem("es"));
        editor1().get("/manage/v1/articles/" + id + "/translations").then().statusCode(200)
                .body("article.slug", equalTo("api-uebersetzt")).body("source.slug", equalTo("api-translated-source"))
                .body("translations.id", hasItem((int) id)).body("openLocales.size()", equalTo(0));
    }

    @Test
    void startingIsTheDesksRuleAnsweredAsProblems() {
        Article source = Fixtures.published("api-translation-rules");
        Article german = Fixtures.publishedTranslation(source, "de", "api-regeln");
        String path = "/manage/v1/articles/" + source.id() + "/translations";

        writer1().contentType("application/json").body(start("de", "api-noch-eine", "Noch eine")).post(path).then()
                .statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("locale"))
                .body("errors.message", hasItem(containsString("already has a de translation")));
        writer1().contentType("application/json").body(start("xx", "api-xx", "Xx")).post(path).then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors.message", hasItem(containsString("configured locales")));
        writer1().contentType("application/json").body(start("en", "api-en", "En")).post(path).then()
                .statusCode(400).body("errors.message", hasItem(containsString("locale of the source")));
        writer1().contentType("application/json").body(start("es", "api-de-traduccion", "Es"))
                .post("/manage/v1/articles/" + german.id() + "/translations").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("source"));
        writer1().contentType("application/json").body(start("es", "a".repeat(201), "Es")).post(path).then()
                .statusCode(400).contentType("application/problem+json");
        writer1().contentType("application/json").body(start("es", "api-lang", "T".repeat(301))).post(path).then()
                .statusCode(400).contentType("application/problem+json");
        writer1().contentType("application/json").body(start("e".repeat(36), "api-long-locale", "T")).post(path)
                .then().statusCode(400).contentType("application/problem+json");
        writer1().contentType("application/json").post(path).then().statusCode(400)
                .contentType("application/problem+json");
        reviewer1().contentType("application/json").body(start("es", "api-revisor", "Revisor")).post(path).then()
                .statusCode(403).contentType("application/problem+json");
        editor1().contentType("application/json").body(start("es", "api-editor", "Editor")).post(path).then()
                .statusCode(403).contentType("application/problem+json");
        writer1().contentType("application/json").body(start("es", "api-ninguno", "Ninguno"))
                .post("/manage/v1/articles/987654321/translations").then().statusCode(404)
                .contentType("application/problem+json");
        writer1().get("/manage/v1/articles/987654321/translations").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void anOutdatedTranslationIsOnTheQueueWithTheSourcesChange() {
        Article source = Fixtures.published("api-outdated-source");
        Article german = Fixtures.publishedTranslation(source, "de", "api-veraltet");
        SourceChanges.publishClinicalChange(source);

        writer1().queryParam("status", "outdated").queryParam("limit", 200).get("/manage/v1/translations").then()
                .statusCode(200).body("find { it.id == " + german.id() + " }.slug", equalTo("api-veraltet"))
                .body("find { it.id == " + german.id() + " }.outdated", equalTo(true))
                .body("find { it.id == " + german.id() + " }.sourceChangeClass", equalTo("clinical"));
        editor1().get("/manage/v1/articles/" + source.id() + "/translations").then().statusCode(200)
                .body("translations[0].outdated", equalTo(true)).body("translations[0].live", equalTo(true));
        writer1().queryParam("status", "current").get("/manage/v1/translations").then().statusCode(400)
                .contentType("application/problem+json");
        writer1().queryParam("limit", 201).get("/manage/v1/translations").then().statusCode(400)
                .contentType("application/problem+json");
    }
}
