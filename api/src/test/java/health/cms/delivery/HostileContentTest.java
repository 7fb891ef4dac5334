package health.cms.delivery;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import health.cms.core.testing.HostileMarkup;
import health.cms.delivery.testing.DeliveryRoleResource;
import health.cms.delivery.testing.Eventually;
import health.cms.workflow.testing.HostileArticles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Every payload of the hostile-content corpus in every field, published through the workflow: the
 * delivery API's markup (the body's HTML and the search snippets) carries nothing executable, its
 * XML feeds stay well-formed with no element but Atom's, and every text field is delivered as the
 * exact text that was written (text for downstream sites to escape, never markup).
 */
@QuarkusTest
@QuarkusTestResource(DeliveryRoleResource.class)
class HostileContentTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static List<HostileArticles.Made> made;

    @BeforeAll
    static void publishTheCorpus() {
        made = HostileArticles.live("xss", HostileMarkup.payloads());
    }

    @Test
    void articlesCarryNoExecutableMarkupAndTextFieldsStayText() throws Exception {
        List<String> problems = new ArrayList<>();
        for (HostileArticles.Made m : made) {
            JsonNode article = JSON.readTree(given().get("/api/v1/articles/" + m.slug()).then().statusCode(200).extract()
                    .asString());
            String p = m.payload().text();
            String html = article.path("body").path("html").asText();
            HostileMarkup.executable(html).forEach(found -> problems.add(m.payload() + " -> body.html: " + found));
            expectText(problems, m, "title", article.path("title"), cut(p, 300).strip());
            expectText(problems, m, "summary", article.path("summary"), p.strip());
            expectText(problems, m, "category.name", article.path("category").path("name"), cut(p, 200));
            expectText(problems, m, "tags[0].name", article.path("tags").path(0).path("name"), cut(p, 200));
            expectText(problems, m, "authors[0].name", article.path("authors").path(0).path("name"), cut(p, 200).strip());
            expectText(problems, m, "authors[0].bio", article.path("authors").path(0).path("bio"), p);
            expectText(problems, m, "references[0].citation", article.path("references").path(0).path("citation"),
                    p.strip());
            expectText(problems, m, "corrections[0].note", article.path("corrections").path(0).path("note"), p);
            expectText(problems, m, "medicalReview.reviewerName", article.path("medicalReview").path("reviewerName"),
                    cut(p, 200).strip());
            expectText(problems, m, "jsonLd.headline", article.path("jsonLd").path("headline"), cut(p, 300).strip());
            for (JsonNode entry : article.path("tableOfContents")) {
                String anchor = entry.path("anchor").asText();
                Matcher heading = Pattern.compile("<h" + entry.path("level").asInt() + " id=\"" + Pattern.quote(anchor)
                        + "\">(.*?)</h\\d>", Pattern.DOTALL).matcher(html);
                String shown = heading.find() ? visibleText(heading.group(1)) : null;
                if (!anchor.matches("[a-z0-9][a-z0-9-]*") || !entry.path("text").asText().equals(shown)) {
                    problems.add(m.payload() + " -> table of contents " + entry + " is not the heading readers see: "
                            + shown);
                }
            }
        }
        assertEquals(HostileMarkup.payloads().size(), made.size());
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /** A body that shows an image never saves (no image may load from another host), and the refusal says which. */
    @Test
    void imagePayloadsAreRefusedAtSaveAndNoBodyShowsAnImage() throws Exception {
        List<HostileArticles.Made> refused = made.stream().filter(m -> m.bodyRefusal().isPresent()).toList();
        assertTrue(refused.size() >= 10, "the corpus's image payloads are refused: " + refused.size());
        for (HostileArticles.Made m : refused) {
            assertTrue(m.bodyRefusal().orElseThrow().startsWith("may not show images"), m.payload().toString());
        }
        for (HostileArticles.Made m : made) {
            String html = JSON.readTree(given().get("/api/v1/articles/" + m.slug()).asString()).path("body").path("html")
                    .asText();
            assertFalse(html.toLowerCase(java.util.Locale.ROOT).contains("<img"), m.payload() + " -> " + html);
        }
    }

    @Test
    void authorPagesDeliverTheProfileAsText() throws Exception {
        for (HostileArticles.Made m : made) {
            JsonNode author = JSON.readTree(given().get("/api/v1/authors/" + m.author()).then().statusCode(200).extract()
                    .asString());
            assertEquals(m.payload().text(), author.path("bio").asText(), m.payload().toString());
            assertEquals(m.slug(), author.path("articles").path(0).path("slug").asText(), m.payload().toString());
        }
    }

    @Test
    void searchSnippetsHaveNoMarkupButMark() {
        Eventually.check(() -> {
            try {
                snippetsHaveNoMarkupButMark();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private void snippetsHaveNoMarkupButMark() throws Exception {
        Set<String> seen = new HashSet<>();
        List<String> problems = new ArrayList<>();
        String cursor = "";
        do {
            JsonNode page = JSON.readTree(given().queryParam("q", HostileArticles.MARKER).queryParam("limit", 100)
                    .queryParam("cursor", cursor).get("/api/v1/search").then().statusCode(200).extract().asString());
            for (JsonNode item : page.path("items")) {
                seen.add(item.path("slug").asText());
                String snippet = item.path("snippet").asText();
                String withoutMark = snippet.replace("<mark>", "").replace("</mark>", "");
                if (withoutMark.contains("<") || withoutMark.contains(">")) {
                    problems.add(item.path("slug").asText() + " snippet has markup besides <mark>: " + snippet);
                }
            }
            cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asText();
        } while (cursor != null);
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        // A payload that opens a raw-text element (an unclosed <script>, <textarea>, <!--) takes the rest of its
        // body with it when sanitized; search indexes the rendered text, so exactly the others are found.
        List<String> expected = new ArrayList<>();
        for (HostileArticles.Made m : made) {
            String html = JSON.readTree(given().get("/api/v1/articles/" + m.slug()).asString()).path("body").path("html")
                    .asText();
            if (html.contains(HostileArticles.MARKER)) {
                expected.add(m.slug());
            }
        }
        assertTrue(expected.size() > made.size() / 2, "most bodies keep the marker: " + expected.size());
        List<String> missing = expected.stream().filter(slug -> !seen.contains(slug)).toList();
        assertTrue(missing.isEmpty(), "search finds every article whose text has the word; missing " + missing
                + " of " + expected.size() + ", found " + seen.size());
    }

    @Test
    void feedsStayWellFormedWithNothingButTheirOwnElements() throws Exception {
        Set<String> atomElements = Set.of("feed", "title", "id", "updated", "entry", "link", "published", "summary",
                "author", "name", "category");
        for (HostileArticles.Made m : made.subList(0, 10)) {
            String atom = given().get("/api/v1/feeds/articles.atom?category=" + m.category()).then().statusCode(200)
                    .extract().asString();
            Document feed = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(atom.getBytes(StandardCharsets.UTF_8)));
            NodeList all = feed.getElementsByTagName("*");
            for (int i = 0; i < all.getLength(); i++) {
                assertTrue(atomElements.contains(all.item(i).getNodeName()),
                        m.payload() + " added <" + all.item(i).getNodeName() + "> to the Atom feed");
            }
            Element entry = (Element) feed.getElementsByTagName("entry").item(0);
            assertEquals(cut(m.payload().text(), 300).strip(), entry.getElementsByTagName("title").item(0).getTextContent(),
                    "the title is the Atom entry's text");
        }
        String atom = given().get("/api/v1/feeds/articles.atom").then().statusCode(200).extract().asString();
        DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(atom.getBytes(StandardCharsets.UTF_8)));
        JsonPath json = given().get("/api/v1/feeds/articles.json").then().statusCode(200).extract().jsonPath();
        assertTrue(json.getList("items.content_html").stream().allMatch(html -> html == null),
                "the JSON feed carries text, not HTML");
        JsonPath corrections = given().get("/api/v1/feeds/corrections.json").then().statusCode(200).extract().jsonPath();
        assertTrue(corrections.getList("items.content_text").containsAll(
                made.stream().skip(made.size() - 10).map(m -> m.payload().text()).toList()),
                "correction notes are delivered as text");
    }

    private static void expectText(List<String> problems, HostileArticles.Made m, String field, JsonNode actual,
            String expected) {
        if (!actual.isTextual() || !expected.equals(actual.asText())) {
            problems.add(m.payload() + " -> " + field + " is not the text written: " + actual);
        }
    }

    /** Text as a browser shows it: tags removed, character references decoded, spaces collapsed. */
    private static String visibleText(String html) {
        return HostileMarkup.decode(html.replaceAll("<[^>]*>", "")).replaceAll("\\s+", " ").strip();
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
