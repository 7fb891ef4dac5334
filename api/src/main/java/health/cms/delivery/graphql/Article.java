package health.cms.delivery.graphql;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;

import health.cms.core.article.SearchAppearance;
import health.cms.core.markdown.TocEntry;
import health.cms.core.publication.PublicArticle;

/**
 * A live article in GraphQL: the fields of {@code GET /api/v1/articles/{slug}}, read from the very bytes REST
 * serves, so each field is the same JSON. The schema.org object is here as text only ({@code jsonLdScript}).
 */
@Description("A live article: the fields of GET /api/v1/articles/{slug}, with the same values")
public record Article(String slug, String title, String summary, PublicArticle.Body body,
        List<TocEntry> tableOfContents, PublicArticle.Named category, List<PublicArticle.Named> tags,
        List<PublicArticle.AuthorView> authors, PublicArticle.MedicalReview medicalReview,
        List<PublicArticle.ReferenceView> references, List<PublicArticle.CorrectionView> corrections,
        Instant firstPublishedAt, Instant updatedAt, int revision, SearchAppearance seo, String jsonLdScript,
        List<PublicArticle.ImageView> images, PublicArticle.ImageView leadImage) {

    static Article of(PublicArticle article) {
        return new Article(article.slug(), article.title(), article.summary(), article.body(),
                article.tableOfContents(), article.category(), article.tags(), article.authors(),
                article.medicalReview(), article.references(), article.corrections(), article.firstPublishedAt(),
                article.updatedAt(), article.revision(), article.seo(), article.jsonLdScript(), article.images(),
                article.leadImage());
    }
}
