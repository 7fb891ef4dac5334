package health.cms.delivery.article;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;

import org.junit.jupiter.api.Test;

import health.cms.core.apikey.ApiKeyScope;
import health.cms.core.article.Article;
import health.cms.core.article.SearchAppearance;
import health.cms.delivery.apikey.IssuedKeysAccess;
import health.cms.delivery.testing.DeliveryRoleResource;
import health.cms.workflow.ArticleInput;
import health.cms.workflow.EditorialAction;
import health.cms.workflow.TransitionRequest;
import health.cms.workflow.testing.Fixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The signed search fields and reference parts reach downstream sites: the article, its JSON-LD and the preview. */
@QuarkusTest
@QuarkusTestResource(DeliveryRoleResource.class)
class SearchFieldsDeliveryTest {

    private static final SearchAppearance SEO = new SearchAppearance("Asthma inhalers: which one when",
            "Reliever or preventer, and how to use them.", "https://health.example/asthma-inhalers",
            "https://media.example/inhaler.png", true);

    private static ArticleInput input(String slug) {
        ArticleInput base = Fixtures.input(slug, "Article " + slug, "## Section\n\nBody of " + slug + ".");
        return new ArticleInput(slug, base.title(), base.summary(), base.body(), base.category(), base.authors(),
                base.tags(), List.of(new ArticleInput.ReferenceInput(null, "Doe J", "Inhaler technique", "Thorax", "2019",
                        null, "31234567", null)),
                base.changeNote(), SEO);
    }

    @Test
    void theLiveArticleServesItsSearchFieldsNoindexAndJsonLdFromThem() {
        Fixtures.ensureBasics();
        Article draft = Fixtures.drafting().create(Fixtures.WRITER1, input("delivered-seo"));
        Article submitted = Fixtures.transitions().apply(Fixtures.WRITER1, draft.id(), draft.version(),
                TransitionRequest.of(EditorialAction.SUBMIT));
        Fixtures.transitions().apply(Fixtures.REVIEWER1, submitted.id(), submitted.version(),
                TransitionRequest.of(EditorialAction.APPROVE, "Right."));

        given().get("/api/v1/articles/delivered-seo").then().statusCode(200)
                .body("seo.metaTitle", equalTo("Asthma inhalers: which one when"))
                .body("seo.canonicalUrl", equalTo("https://health.example/asthma-inhalers"))
                .body("seo.noindex", equalTo(true))
                .body("jsonLd.headline", equalTo("Asthma inhalers: which one when"))
                .body("jsonLd.url", equalTo("https://health.example/asthma-inhalers"))
                .body("jsonLd.image", equalTo("https://media.example/inhaler.png"))
                .body("references[0].citation", equalTo("Doe J. Inhaler technique. Thorax. 2019."))
                .body("references[0].source", equalTo("Thorax"))
                .body("jsonLd.citation[0].datePublished", equalTo("2019"));
    }

    @Test
    void thePreviewApiShowsADraftsSearchFieldsThroughItsOwnRole() {
        Fixtures.ensureBasics();
        Fixtures.drafting().create(Fixtures.WRITER1, input("previewed-seo"));
        String key = IssuedKeysAccess.working("Preview SEO", ApiKeyScope.PREVIEW);

        given().header("Authorization", "Bearer " + key).get("/api/v1/preview/articles/previewed-seo").then()
                .statusCode(200).body("seo.metaDescription", equalTo("Reliever or preventer, and how to use them."))
                .body("references[0].year", equalTo(2019));
    }
}
