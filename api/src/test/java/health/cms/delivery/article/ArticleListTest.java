package health.cms.delivery.article;

import static health.cms.delivery.testing.Publishing.publish;
import static health.cms.delivery.testing.Refusals.assertBadParameter;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import health.cms.core.article.Article;
import health.cms.delivery.testing.DeliveryRoleResource;
import health.cms.delivery.testing.Eventually;
import health.cms.workflow.EditorialAction;
import health.cms.workflow.TransitionRequest;
import health.cms.workflow.testing.Fixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@QuarkusTestResource(DeliveryRoleResource.class)
class ArticleListTest {

    /** Slugs of content that is not live in any way; none may ever be reachable. */
    static final List<String> HIDDEN = List.of("hidden-draft", "hidden-in-review", "hidden-scheduled", "hidden-unpublished");

    @BeforeAll
    static void content() {
        for (int i = 0; i < 12; i++) {
            Fixtures.published("listed-" + i);
        }
        Fixtures.draft("hidden-draft");
        Fixtures.submitted("hidden-in-review");
        Article scheduled = Fixtures.submitted("hidden-scheduled");
        Fixtures.transitions().apply(Fixtures.REVIEWER1, scheduled.id(), scheduled.version(), new TransitionRequest(
                EditorialAction.APPROVE, null, Instant.now().plus(Duration.ofDays(3)), null, null));
        Article unpublished = Fixtures.published("hidden-unpublished");
        Fixtures.transitions().apply(Fixtures.EDITOR1, unpublished.id(), unpublished.version(),
                TransitionRequest.of(EditorialAction.UNPUBLISH));
    }

    @Test
    void cursorPaginationReturnsEveryLiveArticleExactlyOnceNewestFirst() {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        Instant previous = Instant.MAX;
        do {
            JsonPath page = given().queryParam("limit", 5).queryParam("cursor", cursor == null ? "" : cursor)
                    .get("/api/v1/articles").then().statusCode(200).extract().jsonPath();
            for (String updated : page.<String>getList("items.updatedAt")) {
                Instant at = Instant.parse(updated);
                assertTrue(!at.isAfter(previous), "newest first");
                previous = at;
            }
            seen.addAll(page.getList("items.slug"));
            cursor = page.getString("nextCursor");
            if (cursor != null) {
                Fixtures.published("published-while-paging-" + seen.size());
            }
        } while (cursor != null);
        assertEquals(seen.size(), new HashSet<>(seen).size(), "no article twice: " + seen);
        for (int i = 0; i < 12; i++) {
            assertTrue(seen.contains("listed-" + i), "listed-" + i + " missing from " + seen);
        }
        HIDDEN.forEach(slug -> assertTrue(!seen.contains(slug), slug + " must not be listed"));
    }

    @Test
    void contentThatIsNotLiveIsUnreachableEverywhere() {
        for (String slug : HIDDEN) {
            given().get("/api/v1/articles/" + slug).then().statusCode(404);
        }
        List<String> everywhere = List.of(
                given().get("/api/v1/articles?limit=100").asString(),
                given().get("/api/v1/search?q=Article").asString(),
                given().get("/api/v1/search?q=hidden").asString(),
                given().get("/api/v1/feeds/articles.atom").asString(),
                given().get("/api/v1/feeds/articles.json").asString(),
                given().get("/api/v1/feeds/corrections.json").asString(),
                given().get("/sitemap.xml").asString(),
                given().get("/api/v1/authors/anna-berg").asString(),
                given().get("/api/v1/categories").asString());
        for (String body : everywhere) {
            HIDDEN.forEach(slug -> assertTrue(!body.contains(slug), slug + " leaked into " + body));
        }
    }

    @Test
    void filtersNarrowTheListAndBadParametersAre400sNamingThem() {
        given().get("/api/v1/articles?category=treatments-therapies&tag=cancer&author=anna-berg&reviewStatus=current&limit=3")
                .then().statusCode(200).body("items.size()", equalTo(3))
                .body("items.category.slug", everyItem(equalTo("treatments-therapies")))
                .body("items[0].authors[0].name", equalTo("Anna Berg"))
                .body("items[0].reviewStatus", equalTo("current"))
                .body("nextCursor", notNullValue());
        given().get("/api/v1/articles?reviewStatus=overdue").then().statusCode(200).body("items.size()", equalTo(0));
        given().get("/api/v1/articles?updatedSince=2999-01-01T00:00:00Z").then().statusCode(200)
                .body("items.size()", equalTo(0));
        assertBadParameter("/api/v1/articles?category=no-such-category", "category");
        assertBadParameter("/api/v1/articles?tag=NOT_A_SLUG", "tag");
        assertBadParameter("/api/v1/articles?limit=0", "limit");
        assertBadParameter("/api/v1/articles?limit=101", "limit");
        assertBadParameter("/api/v1/articles?limit=abc", "limit");
        assertBadParameter("/api/v1/articles?reviewStatus=stale", "reviewStatus");
        assertBadParameter("/api/v1/articles?updatedSince=yesterday", "updatedSince");
        assertBadParameter("/api/v1/articles?cursor=forged", "cursor");
        assertBadParameter("/api/v1/articles?cursor=djF8MTIzfGFiYw", "cursor");
        assertBadParameter("/api/v1/search?q=", "q");
    }

    /** Found by HostileRequestsTest: each of these was a 500 or a 503 ("database unavailable"). */
    @Test
    void forgedCursorsAndValuesPostgresCannotHoldAre400sNotServerErrors() {
        String searchCursor = given().get("/api/v1/search?q=section&limit=1").then().statusCode(200)
                .extract().path("nextCursor");
        assertBadParameter("/api/v1/articles?cursor=" + searchCursor, "cursor");
        for (String forged : List.of("v1|1.5|3", "v1|1e999|1", "v1|99999999999999999999|1", "v1|-9223372036854775808|1",
                "v1|-.e|1", "v1|--1|1")) {
            String cursor = java.util.Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(forged.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertBadParameter("/api/v1/articles?cursor=" + cursor, "cursor");
            if (List.of("v1|1e999|1", "v1|-.e|1", "v1|--1|1").contains(forged)) {
                assertBadParameter("/api/v1/search?q=section&cursor=" + cursor, "cursor");
            }
        }
        for (var bad : List.of(List.of("/api/v1/search", "q", "a\u0000b"),
                List.of("/api/v1/articles", "updatedSince", "+999999999-12-31T23:59:59Z"),
                List.of("/api/v1/articles", "updatedSince", "-290000-01-01T00:00:00Z"))) {
            given().queryParam(bad.get(1), bad.get(2)).get(bad.get(0)).then().statusCode(400)
                    .contentType("application/problem+json").body("errors.field", hasItem(bad.get(1)));
        }
    }

    @Test
    void responsesCarryCacheHeadersAndRevalidateWith304() {
        var first = given().get("/api/v1/articles/listed-1").then().statusCode(200)
                .header("Cache-Control", containsString("max-age="))
                .header("Cache-Control", containsString("stale-while-revalidate="))
                .header("Surrogate-Key", containsString("article-listed-1"))
                .header("Surrogate-Key", containsString("category-treatments-therapies"))
                .header("Surrogate-Key", containsString("author-anna-berg"))
                .extract();
        String etag = first.header("ETag");
        given().header("If-None-Match", etag).get("/api/v1/articles/listed-1").then().statusCode(304)
                .header("ETag", equalTo(etag));
        given().header("If-None-Match", "\"something-else\"").get("/api/v1/articles/listed-1").then().statusCode(200);
        String listEtag = given().get("/api/v1/articles").then().extract().header("ETag");
        given().header("If-None-Match", listEtag).get("/api/v1/articles").then().statusCode(304);
    }

    @Test
    void theETagChangesWhenTheLiveContentChangesAndTheCacheFollowsWithinASecond() throws Exception {
        Article live = Fixtures.published("cache-follows");
        String before = given().get("/api/v1/articles/cache-follows").then().statusCode(200).extract().header("ETag");
        assertEquals(before, given().get("/api/v1/articles/cache-follows").then().extract().header("ETag"),
                "same content, same ETag");
        Article edited = Fixtures.drafting().edit(Fixtures.WRITER1, live.id(), live.version(),
                Fixtures.input("cache-follows", "Cache follows, revised", "## Section\n\nRevised text."));
        Article submitted = Fixtures.transitions().apply(Fixtures.WRITER1, edited.id(), edited.version(),
                TransitionRequest.of(EditorialAction.SUBMIT));
        Fixtures.transitions().apply(Fixtures.REVIEWER1, submitted.id(), submitted.version(), new TransitionRequest(
                EditorialAction.APPROVE, null, null, health.cms.core.correction.ChangeClass.TYPO, null));
        Instant deadline = Instant.now().plusMillis(1000);
        String after = before;
        while (Instant.now().isBefore(deadline) && after.equals(before)) {
            after = given().get("/api/v1/articles/cache-follows").then().extract().header("ETag");
        }
        assertNotEquals(before, after, "the cached article was replaced within one second");
        given().get("/api/v1/articles/cache-follows").then().body("title", equalTo("Cache follows, revised"));
    }

    @Test
    void theArticleCarriesSchemaOrgJsonLdForTheReview() {
        given().get("/api/v1/articles/listed-2").then().statusCode(200)
                .body("jsonLd.'@context'", equalTo("https://schema.org"))
                .body("jsonLd.'@type'", equalTo("MedicalWebPage"))
                .body("jsonLd.headline", equalTo("Article listed-2"))
                .body("jsonLd.author[0].name", equalTo("Anna Berg"))
                .body("jsonLd.reviewedBy.name", equalTo("Rita Reviewer"))
                .body("jsonLd.reviewedBy.honorificSuffix", equalTo("MD, PhD"))
                .body("jsonLd.lastReviewed", notNullValue())
                .body("jsonLd.citation[0].identifier", equalTo("https://doi.org/10.1136/bmj.x1"));
    }

    @Test
    void feedsAndSitemapAreWellFormed() throws Exception {
        String atom = given().get("/api/v1/feeds/articles.atom?category=treatments-therapies").then().statusCode(200)
                .contentType("application/atom+xml").extract().asString();
        var feed = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(atom.getBytes()));
        assertTrue(feed.getElementsByTagName("entry").getLength() > 0);
        given().get("/api/v1/feeds/articles.json").then().statusCode(200)
                .body("version", equalTo("https://jsonfeed.org/version/1.1"))
                .body("items[0].url", containsString("/api/v1/articles/"));
        String sitemap = given().get("/sitemap.xml").then().statusCode(200).extract().asString();
        var map = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(sitemap.getBytes()));
        assertTrue(map.getElementsByTagName("lastmod").getLength() >= 12);
        assertBadParameter("/api/v1/feeds/articles.atom?category=nope", "category");
    }

    @Test
    void catalogEndpointsCountLiveArticlesOnly() {
        given().get("/api/v1/categories?limit=500").then().statusCode(200).body("slug", hasItem("treatments-therapies"));
        given().get("/api/v1/tags?limit=500").then().statusCode(200).body("slug", hasItem("cancer"));
        given().get("/api/v1/authors/anna-berg").then().statusCode(200).body("name", equalTo("Anna Berg"))
                .body("credentials", equalTo("MD")).body("articles.slug", hasItem("listed-3"));
        given().get("/api/v1/authors/nobody").then().statusCode(404);
    }

    @Test
    void searchRanksTitlesFirstAndHighlightsSafely() {
        Fixtures.ensureBasics();
        var first = Fixtures.drafting().create(Fixtures.WRITER1, Fixtures.input("search-title-hit",
                "Shingles vaccine explained", "## Section\n\nAbout adults over 50 and <script>alert(1)</script>."));
        publish(first);
        var second = Fixtures.drafting().create(Fixtures.WRITER1, Fixtures.input("search-body-hit",
                "Skin rashes", "## Section\n\nA rash can also come from shingles in older adults."));
        publish(second);
        JsonPath result = Eventually.get(() -> {
            JsonPath found = given().get("/api/v1/search?q=shingles").then().statusCode(200).extract().jsonPath();
            assertEquals(List.of("search-title-hit", "search-body-hit"), found.getList("items.slug"));
            return found;
        }, java.time.Duration.ofSeconds(10));
        String snippet = result.getString("items[0].snippet");
        assertTrue(snippet.contains("<mark>"), snippet);
        assertTrue(!snippet.contains("<script"), snippet);
        given().get("/api/v1/search?q=shingles&limit=1").then().body("items.size()", equalTo(1))
                .body("nextCursor", notNullValue());
        String next = given().get("/api/v1/search?q=shingles&limit=1").jsonPath().getString("nextCursor");
        given().get("/api/v1/search?q=shingles&limit=1&cursor=" + next).then().body("items[0].slug",
                equalTo("search-body-hit"));
        given().get("/api/v1/search?q=zzzzqqq").then().body("items.size()", equalTo(0)).body("nextCursor", equalTo(null));
        given().get("/api/v1/search?q=" + "a".repeat(201)).then().statusCode(400);
        Set<String> notFound = new HashSet<>(given().get("/api/v1/search?q=hidden").jsonPath().getList("items.slug"));
        assertTrue(notFound.stream().noneMatch(HIDDEN::contains));
        given().get("/api/v1/search?q=shingles").then().body("items.slug", not(hasItem("hidden-draft")));
    }

    @Test
    void searchFindsWordsWrittenBetweenAngleBrackets() {
        Fixtures.ensureBasics();
        publish(Fixtures.drafting().create(Fixtures.WRITER1, Fixtures.input("search-angle-brackets", "Blood pressure",
                "## Section\n\nReadings `<above 140 systolic>` count as high; so does &lt;diastolic over 90&gt;.")));
        Eventually.check(() -> given().get("/api/v1/search?q=systolic").then().statusCode(200).body("items.slug",
                hasItem("search-angle-brackets")));
        given().get("/api/v1/search?q=diastolic").then().statusCode(200).body("items.slug", hasItem("search-angle-brackets"));
    }

    @Test
    void operationalEndpointsAnswer() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/openapi").then().statusCode(200).body(containsString("/api/v1/articles/{slug}"));
        // metrics are on the management interface: security.MetricsExposureTest
    }
}
