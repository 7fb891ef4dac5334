package health.cms.delivery.http;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import health.cms.core.article.Article;
import health.cms.core.correction.ChangeClass;
import health.cms.delivery.search.SearchIndex;
import health.cms.delivery.testing.DeliveryRoleResource;
import health.cms.delivery.testing.Eventually;
import health.cms.workflow.EditorialAction;
import health.cms.workflow.TransitionRequest;
import health.cms.workflow.publication.PublicationProjector;
import health.cms.workflow.testing.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * A translated article over the delivery API: the language asked for through {@code ?locale=} or
 * {@code Accept-Language} with its fallback chain, the headers a CDN needs, the links between the languages (in
 * the article, its JSON-LD and the sitemap), and response cache entries of their own per language.
 */
@QuarkusTest
@QuarkusTestResource(DeliveryRoleResource.class)
class TranslationDeliveryTest {

    @Inject
    ResponseCache cache;
    @Inject
    SearchIndex search;

    @Test
    void theLanguageAskedForIsServedThroughTheFallbackChainWithContentLanguageAndVary() {
        Article source = Fixtures.published("sunscreen-daily");
        Fixtures.publishedTranslation(source, "de", "sonnenschutz-taeglich");

        assertServed("sonnenschutz-taeglich", "de", given().queryParam("locale", "de").get(path("sunscreen-daily")));
        assertServed("sonnenschutz-taeglich", "de", given().queryParam("locale", "de-AT").get(path("sunscreen-daily")));
        assertServed("sonnenschutz-taeglich", "de",
                given().header("Accept-Language", "fr, de;q=0.7, en;q=0.5").get(path("sunscreen-daily")));
        assertServed("sunscreen-daily", "en", given().header("Accept-Language", "fr").get(path("sonnenschutz-taeglich")));
        assertServed("sunscreen-daily", "en", given().queryParam("locale", "es").get(path("sonnenschutz-taeglich")));
        assertServed("sonnenschutz-taeglich", "de", given().get(path("sonnenschutz-taeglich")));
        // the repeat is answered from the cache on the event loop: the same negotiation
        assertServed("sonnenschutz-taeglich", "de",
                given().header("Accept-Language", "de-CH, en;q=0.1").get(path("sunscreen-daily")));
        given().queryParam("locale", "<script>").get(path("sunscreen-daily")).then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void eachLanguageListsTheOthersWithAddressesAndTheTranslationSaysItIsCurrent() {
        Article source = Fixtures.published("hay-fever-basics");
        Fixtures.publishedTranslation(source, "es", "fiebre-del-heno");

        JsonPath original = given().get(path("hay-fever-basics")).then().statusCode(200).extract().jsonPath();
        assertEquals("en", original.getString("locale"));
        assertNull(original.get("translation"));
        assertEquals(List.of("es"), original.getList("translations.locale"));
        assertEquals("http://localhost:8080/api/v1/articles/fiebre-del-heno", original.getString("translations[0].url"));
        assertEquals("en", original.getString("jsonLd.inLanguage"));
        assertEquals("http://localhost:8080/api/v1/articles/fiebre-del-heno",
                original.getString("jsonLd.workTranslation[0].url"));
        assertTrue(original.getString("jsonLdScript").contains("workTranslation"));

        JsonPath spanish = given().get(path("fiebre-del-heno")).then().statusCode(200).extract().jsonPath();
        assertEquals("current", spanish.getString("translation.status"));
        assertEquals("en", spanish.getString("translation.sourceLocale"));
        assertEquals("es", spanish.getString("jsonLd.inLanguage"));
        assertEquals("http://localhost:8080/api/v1/articles/hay-fever-basics",
                spanish.getString("jsonLd.translationOfWork.url"));
    }

    @Test
    void aClinicalChangeOfTheSourceShowsTheTranslationAsOutdatedToReaders() {
        Article source = Fixtures.published("statin-dosing");
        Fixtures.publishedTranslation(source, "de", "statin-dosierung");
        republish(source, "## Section\n\nTake 20 mg at night.", ChangeClass.CLINICAL, "The dose changed to 20 mg.");

        Eventually.check(() -> {
            JsonPath german = given().get(path("statin-dosierung")).then().statusCode(200).extract().jsonPath();
            assertEquals("outdated", german.getString("translation.status"));
            assertEquals("clinical", german.getString("translation.sourceChangeClass"));
            assertNotNull(german.getString("translation.sourceChangedAt"));
        });
    }

    @Test
    void theSitemapNamesEveryLanguageOfATranslatedArticleAsAnHreflangAlternate() throws Exception {
        Article source = Fixtures.published("asthma-inhalers");
        Fixtures.publishedTranslation(source, "de", "asthma-inhalatoren");

        byte[] sitemap = given().get("/sitemap.xml").then().statusCode(200).extract().asByteArray();
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        NodeList urls = factory.newDocumentBuilder().parse(new ByteArrayInputStream(sitemap))
                .getElementsByTagNameNS("http://www.sitemaps.org/schemas/sitemap/0.9", "url");
        int translated = 0;
        for (int i = 0; i < urls.getLength(); i++) {
            Element url = (Element) urls.item(i);
            String loc = url.getElementsByTagNameNS("*", "loc").item(0).getTextContent();
            if (loc.endsWith("/asthma-inhalers") || loc.endsWith("/asthma-inhalatoren")) {
                translated++;
                NodeList links = url.getElementsByTagNameNS("http://www.w3.org/1999/xhtml", "link");
                List<String> alternates = new ArrayList<>();
                for (int l = 0; l < links.getLength(); l++) {
                    Element link = (Element) links.item(l);
                    assertEquals("alternate", link.getAttribute("rel"));
                    alternates.add(link.getAttribute("hreflang") + " " + link.getAttribute("href"));
                }
                assertEquals(List.of("de http://localhost:8080/api/v1/articles/asthma-inhalatoren",
                        "en http://localhost:8080/api/v1/articles/asthma-inhalers"), alternates);
            }
        }
        assertEquals(2, translated);
    }

    @Test
    void aTranslationsNewVersionEvictsOnlyItsOwnCacheEntry() {
        Article source = Fixtures.published("migraine-triggers");
        Article german = Fixtures.publishedTranslation(source, "de", "migraene-ausloeser");
        settle();
        given().get(path("migraine-triggers")).then().statusCode(200);
        given().get(path("migraene-ausloeser")).then().statusCode(200);
        assertNotNull(cache.ready(ResponseCache.requestKey(path("migraine-triggers"))));
        assertNotNull(cache.ready(ResponseCache.requestKey(path("migraene-ausloeser"))));

        Article edited = Fixtures.drafting().edit(Fixtures.WRITER2, german.id(), german.version(),
                Fixtures.input("migraene-ausloeser", "Migräne", "## Abschnitt\n\nNeuer Text."));
        republishTranslation(edited);

        settle();
        assertNull(cache.ready(ResponseCache.requestKey(path("migraene-ausloeser"))));
        assertNotNull(cache.ready(ResponseCache.requestKey(path("migraine-triggers"))),
                "the source's entry stays: the translation's new version changes nothing it shows");
        assertTrue(given().get(path("migraene-ausloeser")).asString().contains("Neuer Text"));
    }

    /**
     * Waits until the api heard every change committed so far: PostgreSQL delivers a NOTIFY sent now after those
     * of earlier commits, and only this one evicts the probe's own article entry; then until the search index,
     * which hears them too, is quiet.
     */
    private void settle() {
        String probe = "settle-probe-" + System.nanoTime();
        cache.article(probe, () -> CachedResponse.of(new byte[]{1}, "text/plain", List.of()));
        QuarkusTransaction.requiringNew().run(() -> Fixtures.bean(EntityManager.class)
                .createNativeQuery("SELECT pg_notify('" + PublicationProjector.CHANNEL + "', '" + probe + "')")
                .getSingleResult());
        Eventually.check(() -> assertNull(cache.ready(ResponseCache.ARTICLE_PREFIX + probe)));
        // the search index hears the same changes on its own thread and evicts their entries once more
        long seen = -1;
        for (int i = 0; i < 50 && search.generation() != seen; i++) {
            seen = search.generation();
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void assertServed(String slug, String locale, Response response) {
        response.then().statusCode(200);
        assertEquals(slug, response.jsonPath().getString("slug"));
        assertEquals(locale, response.header("Content-Language"));
        assertTrue(response.header("Vary").contains("Accept-Language"), response.header("Vary"));
    }

    private static String path(String slug) {
        return "/api/v1/articles/" + slug;
    }

    private static void republish(Article live, String body, ChangeClass changeClass, String note) {
        Article edited = Fixtures.drafting().edit(Fixtures.WRITER1, live.id(), live.version(),
                Fixtures.input(live.slug(), "Article " + live.slug(), body));
        Article submitted = Fixtures.transitions().apply(Fixtures.WRITER1, edited.id(), edited.version(),
                TransitionRequest.of(EditorialAction.SUBMIT));
        Fixtures.transitions().apply(Fixtures.REVIEWER2, submitted.id(), submitted.version(),
                new TransitionRequest(EditorialAction.APPROVE, null, null, changeClass, note));
    }

    private static void republishTranslation(Article edited) {
        Article submitted = Fixtures.transitions().apply(Fixtures.WRITER2, edited.id(), edited.version(),
                TransitionRequest.of(EditorialAction.SUBMIT));
        Fixtures.transitions().apply(Fixtures.REVIEWER1, submitted.id(), submitted.version(),
                new TransitionRequest(EditorialAction.APPROVE, null, null, ChangeClass.TYPO, null));
    }
}
