package health.cms.delivery.feed;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import health.cms.delivery.testing.DeliveryRoleResource;
import health.cms.delivery.testing.Eventually;
import health.cms.delivery.testing.Publishing;
import health.cms.workflow.testing.Fixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@QuarkusTestResource(DeliveryRoleResource.class)
class FeedResourceTest {

    @Test
    void aTitleWithMarkupAndACdataEndIsEscapedAndTheAtomFeedStillParses() throws Exception {
        String title = "Dose <5 mg> & more ]]> <![CDATA[x]]>";
        Fixtures.ensureBasics();
        Publishing.publish(Fixtures.drafting().create(Fixtures.WRITER1,
                Fixtures.input("feed-escaping", title, "## Section\n\nText.")));
        byte[] atom = given().get("/api/v1/feeds/articles.atom").then().statusCode(200)
                .contentType("application/atom+xml").extract().asByteArray();
        String raw = new String(atom, StandardCharsets.UTF_8);
        assertTrue(raw.contains("Dose &lt;5 mg&gt; &amp; more ]]&gt; &lt;![CDATA[x]]&gt;"), raw);
        Document feed = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(atom));
        assertEquals("http://www.w3.org/2005/Atom", feed.getDocumentElement().getAttribute("xmlns"));
        NodeList entries = feed.getElementsByTagName("entry");
        boolean found = false;
        for (int i = 0; i < entries.getLength(); i++) {
            Element entry = (Element) entries.item(i);
            if (entry.getElementsByTagName("id").item(0).getTextContent().equals("urn:cms:article:feed-escaping")) {
                assertEquals(title, entry.getElementsByTagName("title").item(0).getTextContent());
                found = true;
            }
        }
        assertTrue(found, "the article is in the feed");
    }

    @Test
    void theSitemapIsAUrlsetInTheSitemapNamespaceWithALastmodPerLiveArticle() throws Exception {
        Fixtures.published("feed-sitemap-entry");
        byte[] sitemap = given().get("/sitemap.xml").then().statusCode(200).contentType("application/xml").extract()
                .asByteArray();
        Document map = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(sitemap));
        assertEquals("urlset", map.getDocumentElement().getNodeName());
        assertEquals(SitemapResource.NAMESPACE, map.getDocumentElement().getAttribute("xmlns"));
        NodeList urls = map.getElementsByTagName("url");
        assertTrue(urls.getLength() > 0);
        for (int i = 0; i < urls.getLength(); i++) {
            Element url = (Element) urls.item(i);
            assertEquals(1, url.getElementsByTagName("lastmod").getLength());
        }
        assertTrue(new String(sitemap, StandardCharsets.UTF_8)
                .contains("<loc>http://localhost:8080/api/v1/articles/feed-sitemap-entry</loc>"));
    }

    @Test
    void eachFeedListsOneLanguageAndSaysWhichTheDefaultWhenNoneIsAsked() throws Exception {
        health.cms.core.article.Article source = Fixtures.published("feed-language-source");
        Fixtures.publishedTranslation(source, "de", "feed-sprache-uebersetzung");

        Eventually.check(() -> {
            String english = given().get("/api/v1/feeds/articles.json").then().statusCode(200).extract().asString();
            assertTrue(english.contains("feed-language-source") && !english.contains("feed-sprache-uebersetzung"),
                    english);
            assertEquals("en", JsonPath.from(english).getString("language"));
            String german = given().queryParam("locale", "DE").get("/api/v1/feeds/articles.json").then()
                    .statusCode(200).extract().asString();
            assertTrue(german.contains("feed-sprache-uebersetzung") && !german.contains("feed-language-source"), german);
            assertEquals("de", JsonPath.from(german).getString("language"));
        });
        Eventually.check(() -> {
            byte[] atom = given().queryParam("locale", "de").get("/api/v1/feeds/articles.atom").then().statusCode(200)
                    .extract().asByteArray();
            try {
                Document feed = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                        .parse(new ByteArrayInputStream(atom));
                assertEquals("de", feed.getDocumentElement().getAttribute("xml:lang"));
                assertEquals("urn:cms:feed:articles:all:de",
                        feed.getDocumentElement().getElementsByTagName("id").item(0).getTextContent());
                String raw = new String(atom, StandardCharsets.UTF_8);
                assertTrue(raw.contains("urn:cms:article:feed-sprache-uebersetzung")
                        && !raw.contains("urn:cms:article:feed-language-source"), raw);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        String englishAtom = given().get("/api/v1/feeds/articles.atom").then().statusCode(200).extract().asString();
        assertTrue(englishAtom.contains("xml:lang=\"en\"") && englishAtom.contains("urn:cms:feed:articles:all<"),
                englishAtom);
        given().get("/api/v1/feeds/corrections.json").then().statusCode(200).body("language", equalTo("en"));
        given().queryParam("locale", "fr").get("/api/v1/feeds/articles.json").then().statusCode(400)
                .contentType("application/problem+json");
        given().queryParam("locale", "<x>").get("/api/v1/feeds/articles.atom").then().statusCode(400)
                .contentType("application/problem+json");
    }
}
