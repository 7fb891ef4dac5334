package health.cms.admin.catalog;

import static health.cms.admin.testing.DeskForms.form;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import health.cms.core.article.Article;
import health.cms.core.audit.AuditEvent;
import health.cms.core.audit.AuditLog;
import health.cms.core.audit.AuditSubject;
import health.cms.core.taxonomy.Category;
import health.cms.core.taxonomy.CategoryRepository;
import health.cms.core.taxonomy.Tag;
import health.cms.core.taxonomy.TagRepository;
import health.cms.core.testing.EmbeddedPostgresResource;
import health.cms.workflow.testing.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;

/**
 * Editors name categories and tags per locale on the desk; a live translation is served with them at once (its
 * category, tags and JSON-LD), the source and other languages keep the default names.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class TermNamesPagesTest {

    @Inject
    AuditLog audit;
    @Inject
    EntityManager em;

    @BeforeEach
    void basics() {
        Fixtures.ensureBasics();
    }

    @Test
    @TestSecurity(user = "editor1", roles = "editor")
    void aGermanCategoryAndTagNameIsServedWithTheLiveGermanTranslationAtOnce() {
        Article source = Fixtures.published("names-sunburn");
        Article german = Fixtures.publishedTranslation(source, "de", "namen-sonnenbrand");
        Article spanish = Fixtures.publishedTranslation(source, "es", "nombres-quemadura");

        given().get("/catalog/categories/treatments-therapies/names").then().statusCode(200)
                .body(containsString("name=\"locale\" value=\"de\"")).body(containsString("Treatments &amp; Therapies"));
        form("editor1").formParam("version", category().version()).formParam("locale", "de", "es")
                .formParam("name", "Behandlungen & Therapien", "").formParam("localSlug", "behandlungen", "")
                .post("/catalog/categories/treatments-therapies/names")
                .then().statusCode(303).header("Location", containsString("done=names-saved"));
        form("editor1").formParam("version", tag().version()).formParam("locale", "de")
                .formParam("name", "Krebs").formParam("localSlug", "")
                .post("/catalog/tags/cancer/names").then().statusCode(303);

        JsonPath served = document(german);
        assertEquals("treatments-therapies", served.getString("category.slug"));
        assertEquals("Behandlungen & Therapien", served.getString("category.name"));
        assertEquals("behandlungen", served.getString("category.localSlug"));
        assertEquals("Behandlungen & Therapien", served.getString("jsonLd.about.name"));
        assertEquals(List.of("Krebs"), served.getList("tags.name"));
        assertEquals(false, served.getMap("tags[0]").containsKey("localSlug"));
        assertTrue(served.getString("jsonLdScript").contains("Behandlungen \\u0026 Therapien"));
        assertEquals("Treatments & Therapies", document(source).getString("category.name"));
        assertEquals(false, document(source).getMap("category").containsKey("localSlug"));
        assertEquals(List.of("Cancer"), document(spanish).getList("tags.name"));
        given().get("/catalog/categories/treatments-therapies/names").then().statusCode(200)
                .body(containsString("value=\"Behandlungen &amp; Therapien\""));

        List<AuditEvent> trail = QuarkusTransaction.requiringNew()
                .call(() -> audit.forSubject(AuditSubject.CATEGORY, "treatments-therapies"));
        AuditEvent named = trail.get(trail.size() - 1);
        assertEquals(CatalogAction.NAME_CATEGORY.value(), named.action());
        assertEquals("de: none -> 'Behandlungen & Therapien' (behandlungen)", named.comment());
    }

    @Test
    @TestSecurity(user = "editor1", roles = "editor")
    void badNamesAreRefusedBesideTheirFieldsWithWhatWasTypedKept() {
        long version = tag().version();
        form("editor1").formParam("version", version).formParam("locale", "de", "es")
                .formParam("name", "x".repeat(201), "Cáncer").formParam("localSlug", "", "Not A Slug")
                .post("/catalog/tags/cancer/names")
                .then().statusCode(400)
                .body(containsString("must be at most 200 characters"))
                .body(containsString("must be lowercase letters, digits and single hyphens"))
                .body(containsString("value=\"Not A Slug\""));
        form("editor1").formParam("version", version).formParam("locale", "fr").formParam("name", "Cancer")
                .formParam("localSlug", "").post("/catalog/tags/cancer/names")
                .then().statusCode(400).body(containsString("is not one of the other configured locales"));
        form("editor1").formParam("version", version).formParam("locale", "es").formParam("name", "")
                .formParam("localSlug", "cancer-es").post("/catalog/tags/cancer/names")
                .then().statusCode(400).body(containsString("is required with a slug"));
        form("editor1").formParam("version", version).formParam("locale", "de", "es", "de")
                .formParam("name", "a", "b", "c").formParam("localSlug", "", "", "")
                .post("/catalog/tags/cancer/names").then().statusCode(400)
                .body(containsString("at most one name per configured locale"));
        form("editor1").formParam("version", version).formParam("locale", "es")
                .formParam("name", "<script>alert(1)</script>").formParam("localSlug", "bad slug")
                .post("/catalog/tags/cancer/names").then().statusCode(400)
                .body(not(containsString("<script>alert(1)"))).body(containsString("&lt;script&gt;"));
        assertEquals(version, tag().version());
        assertTrue(tag().localNames().isEmpty() || !tag().localNames().containsKey("es"));
    }

    @Test
    @TestSecurity(user = "editor1", roles = "editor")
    void aLocalSlugNamesOneTermPerLanguageAndAStaleFormIsRefused() {
        QuarkusTransaction.requiringNew().run(() -> {
            Fixtures.bean(TagRepository.class).persist(new Tag("names-flu", "Flu", java.time.Instant.now()));
            Fixtures.bean(TagRepository.class).persist(new Tag("names-cold", "Cold", java.time.Instant.now()));
        });
        form("editor1").formParam("version", tag("names-flu").version()).formParam("locale", "es")
                .formParam("name", "Gripe").formParam("localSlug", "gripe").post("/catalog/tags/names-flu/names")
                .then().statusCode(303);
        form("editor1").formParam("version", tag("names-cold").version()).formParam("locale", "es")
                .formParam("name", "Resfriado").formParam("localSlug", "gripe").post("/catalog/tags/names-cold/names")
                .then().statusCode(400).body(containsString("&#39;gripe&#39; already names another one in es"));
        long stale = tag("names-flu").version() - 1;
        form("editor1").formParam("version", stale).formParam("locale", "es").formParam("name", "La gripe")
                .formParam("localSlug", "gripe").post("/catalog/tags/names-flu/names").then().statusCode(412);
        assertEquals("Gripe", tag("names-flu").localName("es").orElseThrow().name());
    }

    @Test
    @TestSecurity(user = "writer1", roles = "writer")
    void aWriterCannotNameCategories() {
        given().get("/catalog/categories/treatments-therapies/names").then().statusCode(403);
        form("writer1").formParam("version", category().version()).formParam("locale", "de")
                .formParam("name", "Behandlung").formParam("localSlug", "")
                .post("/catalog/categories/treatments-therapies/names").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "editor1", roles = "editor")
    void withoutTheCsrfTokenNothingIsNamed() {
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("version", tag().version()).formParam("locale", "es").formParam("name", "Sin token")
                .formParam("localSlug", "").post("/catalog/tags/cancer/names").then().statusCode(400);
        assertTrue(tag().localName("es").isEmpty());
    }

    private JsonPath document(Article article) {
        String json = QuarkusTransaction.requiringNew().call(() -> (String) em
                .createNativeQuery("SELECT CAST(document AS text) FROM published_article WHERE article_id = :id")
                .setParameter("id", article.id()).getSingleResult());
        return JsonPath.from(json);
    }

    private static Category category() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Category category = Fixtures.bean(CategoryRepository.class).findBySlug("treatments-therapies").orElseThrow();
            category.localNames();
            return category;
        });
    }

    private static Tag tag() {
        return tag("cancer");
    }

    private static Tag tag(String slug) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Tag tag = Fixtures.bean(TagRepository.class).findBySlug(slug).orElseThrow();
            tag.localNames();
            return tag;
        });
    }
}
