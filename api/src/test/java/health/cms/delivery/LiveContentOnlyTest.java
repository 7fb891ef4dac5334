package health.cms.delivery;

import static health.cms.delivery.testing.Publishing.publish;
import static health.cms.delivery.testing.Publishing.submit;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import health.cms.core.article.Article;
import health.cms.core.correction.ChangeClass;
import health.cms.core.profile.Profile;
import health.cms.core.profile.ProfileDetails;
import health.cms.core.profile.ProfileRepository;
import health.cms.core.taxonomy.Category;
import health.cms.core.taxonomy.CategoryRepository;
import health.cms.core.taxonomy.Tag;
import health.cms.core.taxonomy.TagRepository;
import health.cms.core.testing.ServedEndpoints;
import health.cms.delivery.testing.DeliveryRoleResource;
import health.cms.delivery.testing.Eventually;
import health.cms.workflow.ArticleInput;
import health.cms.workflow.DraftingService;
import health.cms.workflow.EditorialAction;
import health.cms.workflow.TransitionRequest;
import health.cms.workflow.TransitionService;
import health.cms.workflow.testing.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Invariant 1 over every endpoint the api serves: content that is not live (a draft, in review, sent
 * back, scheduled, unpublished, or the next revision of a live article in any of those states) never
 * shows, by slug or by any word of it, in any answer: articles, lists with every filter, search,
 * author pages, categories, tags, feeds and the sitemap. Each not-live text carries its own word, so a
 * leak names the state it came from; the live article's word must show everywhere, so the test can fail.
 */
@QuarkusTest
@QuarkusTestResource(DeliveryRoleResource.class)
class LiveContentOnlyTest {

    private static final String PREVIEW = "/api/v1/preview/articles/";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VISIBLE = "zqlovisibleword";
    /** Hidden word -> the state of the content that carries it. */
    private static final Map<String, String> HIDDEN = new LinkedHashMap<>();
    private static final List<String> HIDDEN_SLUGS = List.of("lo-draft", "lo-in-review", "lo-sent-back", "lo-scheduled",
            "lo-unpublished", "lo-hidden-taxonomy");

    @BeforeAll
    static void content() {
        Fixtures.ensureBasics();
        QuarkusTransaction.requiringNew().run(() -> {
            Instant now = Instant.now();
            Fixtures.bean(CategoryRepository.class).persist(new Category("lo-category", "Live only", null, 12, now));
            Fixtures.bean(CategoryRepository.class).persist(new Category("lo-hidden-category", "Never live", null, 12, now));
            Fixtures.bean(TagRepository.class).persist(new Tag("lo-tag", "Live only", now));
            Fixtures.bean(TagRepository.class).persist(new Tag("lo-hidden-tag", "Never live", now));
            ProfileRepository profiles = Fixtures.bean(ProfileRepository.class);
            profiles.persist(new Profile("lo-author", details("Lola Live"), now));
            profiles.persist(new Profile("lo-hidden-author", details("Nina Neverlive"), now));
        });
        DraftingService drafting = Fixtures.drafting();
        TransitionService transitions = Fixtures.transitions();

        publish(create("lo-visible", VISIBLE));
        draft("lo-draft", "zqlodraftword", "a draft");
        submit(draft("lo-in-review", "zqloreviewword", "in medical review"));
        Article sentBack = submit(draft("lo-sent-back", "zqlosentbackword", "sent back by the reviewer"));
        transitions.apply(Fixtures.REVIEWER1, sentBack.id(), sentBack.version(),
                TransitionRequest.of(EditorialAction.REQUEST_CHANGES, "Not yet."));
        Article scheduled = submit(draft("lo-scheduled", "zqloscheduledword", "scheduled"));
        transitions.apply(Fixtures.REVIEWER1, scheduled.id(), scheduled.version(), new TransitionRequest(
                EditorialAction.APPROVE, null, Instant.now().plus(Duration.ofDays(30)), null, null));
        Article unpublished = publish(draft("lo-unpublished", "zqlounpublishedword", "unpublished"));
        transitions.apply(Fixtures.EDITOR1, unpublished.id(), unpublished.version(),
                TransitionRequest.of(EditorialAction.UNPUBLISH));
        HIDDEN.put("zqlohiddentaxonomyword", "a draft in a category, tag and byline nothing live uses");
        drafting.create(Fixtures.WRITER1, input("lo-hidden-taxonomy", "zqlohiddentaxonomyword", "lo-hidden-category",
                "lo-hidden-tag", "lo-hidden-author"));

        // Live articles whose next revision is not live yet: the live text shows, the next one never does.
        Article editedDraft = publish(create("lo-live-next-draft", VISIBLE));
        edit(editedDraft, "zqlonextdraftword", "the next revision of a live article, as a draft");
        submit(edit(publish(create("lo-live-next-review", VISIBLE)), "zqlonextreviewword",
                "the next revision of a live article, in review"));
        Article nextScheduled = submit(edit(publish(create("lo-live-next-scheduled", VISIBLE)),
                "zqlonextscheduledword", "the next revision of a live article, scheduled with a correction"));
        HIDDEN.put("zqlonextcorrectionword", "the correction note of a scheduled revision");
        transitions.apply(Fixtures.REVIEWER1, nextScheduled.id(), nextScheduled.version(), new TransitionRequest(
                EditorialAction.APPROVE, null, Instant.now().plus(Duration.ofDays(30)), ChangeClass.FACTUAL,
                "Correction zqlonextcorrectionword."));
    }

    /**
     * Search hears of each change over NOTIFY, in order: once the last live change shows, all earlier ones
     * (the unpublish among them) have been applied. The HTTP port is known only once a test runs.
     */
    @BeforeEach
    void searchIndexed() {
        Eventually.check(() -> given().get("/api/v1/search?q=" + VISIBLE + "&limit=100").then().body("items.slug",
                org.hamcrest.Matchers.hasItems("lo-visible", "lo-live-next-draft", "lo-live-next-review",
                        "lo-live-next-scheduled")));
    }

    /** Every endpoint of the api with the requests that exercise its parameters. */
    private static Map<String, List<String>> requests() {
        Map<String, List<String>> requests = new LinkedHashMap<>();
        List<String> articles = new ArrayList<>();
        HIDDEN_SLUGS.forEach(slug -> articles.add("/api/v1/articles/" + slug));
        articles.addAll(List.of("/api/v1/articles/lo-visible", "/api/v1/articles/lo-live-next-draft",
                "/api/v1/articles/lo-live-next-review", "/api/v1/articles/lo-live-next-scheduled"));
        requests.put("GET /api/v1/articles/{slug}", articles);
        requests.put("GET /api/v1/articles", List.of("/api/v1/articles?limit=100", "/api/v1/articles?category=lo-category",
                "/api/v1/articles?tag=lo-tag", "/api/v1/articles?author=lo-author", "/api/v1/articles?reviewStatus=current",
                "/api/v1/articles?updatedSince=2000-01-01T00:00:00Z&limit=100",
                "/api/v1/articles?category=lo-hidden-category", "/api/v1/articles?tag=lo-hidden-tag",
                "/api/v1/articles?author=lo-hidden-author"));
        List<String> searches = new ArrayList<>(List.of("/api/v1/search?q=" + VISIBLE, "/api/v1/search?q=lo&limit=100",
                "/api/v1/search?q=Article&limit=100"));
        HIDDEN.keySet().forEach(word -> searches.add("/api/v1/search?q=" + word));
        requests.put("GET /api/v1/search", searches);
        List<String> suggestions = new ArrayList<>(List.of("/api/v1/search/suggest?q=lo", "/api/v1/search/suggest?q=zqlo"));
        HIDDEN.keySet().forEach(word -> suggestions.add("/api/v1/search/suggest?q=" + word));
        requests.put("GET /api/v1/search/suggest", suggestions);
        requests.put("GET /api/v1/authors/{slug}", List.of("/api/v1/authors/lo-author", "/api/v1/authors/lo-hidden-author",
                "/api/v1/authors/anna-berg"));
        requests.put("GET /api/v1/categories", List.of("/api/v1/categories", "/api/v1/categories?locale=de"));
        requests.put("GET /api/v1/tags", List.of("/api/v1/tags", "/api/v1/tags?locale=de"));
        requests.put("GET /api/v1/feeds/articles.atom", List.of("/api/v1/feeds/articles.atom",
                "/api/v1/feeds/articles.atom?category=lo-category", "/api/v1/feeds/articles.atom?category=lo-hidden-category"));
        requests.put("GET /api/v1/feeds/articles.json", List.of("/api/v1/feeds/articles.json",
                "/api/v1/feeds/articles.json?category=lo-category", "/api/v1/feeds/articles.json?category=lo-hidden-category"));
        requests.put("GET /api/v1/feeds/corrections.json", List.of("/api/v1/feeds/corrections.json"));
        requests.put("GET /sitemap.xml", List.of("/sitemap.xml", "/sitemap.xml?page=1"));
        // Images hold no article text; until articles use them (issue 15, phase 2) an unknown one is a plain 404.
        requests.put("GET /media/{hash}/{name}", List.of("/media/" + "0".repeat(64) + "/320.png",
                "/media/" + "0".repeat(64) + "/original.jpg"));
        // Without a preview key (these requests send none) the preview API shows nothing at all.
        List<String> previews = new ArrayList<>();
        HIDDEN_SLUGS.forEach(slug -> previews.add(PREVIEW + slug));
        requests.put("GET /api/v1/preview/articles/{slug}", previews);
        return requests;
    }

    @Test
    void everyEndpointIsChecked() {
        Set<String> served = new TreeSet<>();
        ServedEndpoints.all().forEach(e -> served.add(e.method() + " " + e.template()));
        assertEquals(served, new TreeSet<>(requests().keySet()), "every endpoint the api serves has requests here");
    }

    @Test
    void nothingThatIsNotLiveShowsAnywhere() throws Exception {
        String missing = given().get("/api/v1/articles/lo-no-such-article").then().statusCode(404).extract().asString();
        List<String> leaks = new ArrayList<>();
        for (Map.Entry<String, List<String>> endpoint : requests().entrySet()) {
            for (String url : endpoint.getValue()) {
                Response response = given().get(url);
                String body = response.asString();
                if (url.startsWith("/api/v1/articles/") && HIDDEN_SLUGS.contains(url.substring("/api/v1/articles/".length()))) {
                    if (response.statusCode() != 404 || !body.equals(missing)) {
                        leaks.add(url + " answered " + response.statusCode() + " unlike a missing article: " + body);
                    }
                    continue;
                }
                int expected = url.startsWith(PREVIEW) ? 401 : url.startsWith("/media/") ? 404 : 200;
                if (response.statusCode() != expected) {
                    leaks.add(url + " answered " + response.statusCode() + ": " + body);
                }
                HIDDEN.forEach((word, state) -> {
                    if (body.contains(word)) {
                        leaks.add(url + " shows " + state + " (" + word + ")");
                    }
                });
                for (String slug : HIDDEN_SLUGS) {
                    if (body.contains("\"" + slug + "\"") || body.contains("/" + slug + "<") || body.contains(slug + "\"")) {
                        leaks.add(url + " names " + slug);
                    }
                }
                for (String taxonomy : List.of("lo-hidden-category", "lo-hidden-tag")) {
                    if (!url.contains(taxonomy) && body.contains(taxonomy)) {
                        leaks.add(url + " lists " + taxonomy + ", which only content that is not live uses");
                    }
                }
            }
        }
        assertTrue(leaks.isEmpty(), String.join("\n", leaks));
    }

    @Test
    void theLiveTextShowsWhereTheHiddenTextWouldHave() throws Exception {
        for (String url : List.of("/api/v1/articles?category=lo-category", "/api/v1/articles?author=lo-author",
                "/api/v1/feeds/articles.json?category=lo-category", "/api/v1/feeds/articles.atom?category=lo-category",
                "/api/v1/authors/lo-author", "/api/v1/search?q=" + VISIBLE + "&limit=100")) {
            String body = given().get(url).then().statusCode(200).extract().asString();
            for (String slug : List.of("lo-visible", "lo-live-next-draft", "lo-live-next-review", "lo-live-next-scheduled")) {
                assertTrue(body.contains(slug), url + " shows the live article " + slug);
            }
        }
        JsonNode live = JSON.readTree(given().get("/api/v1/articles/lo-live-next-scheduled").asString());
        assertTrue(live.path("body").path("markdown").asText().contains(VISIBLE), "the live revision is served");
        assertEquals(0, live.path("corrections").size(), "a correction shows when its revision goes live");
        JsonNode hiddenAuthor = JSON.readTree(given().get("/api/v1/authors/lo-hidden-author").asString());
        assertEquals(0, hiddenAuthor.path("articles").size());
    }

    private static ProfileDetails details(String name) {
        return new ProfileDetails(name, "MD", "Bio of " + name, null, null, List.of(), null, true, false);
    }

    private static ArticleInput input(String slug, String word, String category, String tag, String author) {
        return new ArticleInput(slug, "Title " + word, "Lead " + word, "## Section " + word + "\n\nBody " + word + ".",
                category, List.of(author), List.of(tag),
                List.of(new ArticleInput.ReferenceInput("Citation " + word, null, null, null)), "Note " + word);
    }

    private static Article create(String slug, String word) {
        return Fixtures.drafting().create(Fixtures.WRITER1, input(slug, word, "lo-category", "lo-tag", "lo-author"));
    }

    private static Article draft(String slug, String word, String state) {
        HIDDEN.put(word, state);
        return create(slug, word);
    }

    private static Article edit(Article live, String word, String state) {
        HIDDEN.put(word, state);
        return Fixtures.drafting().edit(Fixtures.WRITER1, live.id(), live.version(),
                input(null, word, "lo-category", "lo-tag", "lo-author"));
    }
}
