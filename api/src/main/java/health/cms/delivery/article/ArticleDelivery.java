package health.cms.delivery.article;

import java.time.Clock;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import health.cms.core.article.Article;
import health.cms.core.article.ArticleRepository;
import health.cms.core.article.Revision;
import health.cms.core.correction.CorrectionRepository;
import health.cms.core.markdown.MarkdownRenderer;
import health.cms.core.markdown.RenderedMarkdown;
import health.cms.core.review.SignOff;
import health.cms.core.review.SignOffRepository;
import health.cms.workflow.review.ReviewStatus;

/** Builds public views of live articles; anything not live is simply absent. */
@ApplicationScoped
public class ArticleDelivery {

    private final ArticleRepository articles;
    private final SignOffRepository signOffs;
    private final CorrectionRepository corrections;
    private final MarkdownRenderer renderer;
    private final Clock clock;

    ArticleDelivery(ArticleRepository articles, SignOffRepository signOffs, CorrectionRepository corrections,
            MarkdownRenderer renderer, Clock clock) {
        this.articles = articles;
        this.signOffs = signOffs;
        this.corrections = corrections;
        this.renderer = renderer;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ArticleView> liveArticle(String slug) {
        return articles.findLiveBySlug(slug).map(this::view);
    }

    private ArticleView view(Article article) {
        Revision live = article.liveRevision();
        RenderedMarkdown body = renderer.render(live.bodyMarkdown());
        return new ArticleView(
                article.slug(),
                live.title(),
                live.summary(),
                new ArticleView.Body(body.html(), live.bodyMarkdown()),
                body.toc(),
                new ArticleView.Named(live.category().slug(), live.category().name()),
                live.tags().stream().map(t -> new ArticleView.Named(t.slug(), t.name())).toList(),
                live.authors().stream().map(a -> new ArticleView.AuthorView(a.slug(), a.displayName(), a.credentials(),
                        a.bio(), a.website(), a.avatarUrl())).toList(),
                medicalReview(article, live),
                live.references().stream()
                        .map(r -> new ArticleView.ReferenceView(r.citation(), r.doi(), r.pmid(), r.url())).toList(),
                corrections.forArticle(article).stream()
                        .map(c -> new ArticleView.CorrectionView(c.publishedAt(), c.changeClass().value(), c.note()))
                        .toList(),
                article.firstPublishedAt(),
                article.updatedAt(),
                live.number());
    }

    private ArticleView.MedicalReview medicalReview(Article article, Revision live) {
        SignOff signOff = signOffs.latestApproval(live).orElse(null);
        if (signOff == null) {
            return null;
        }
        return new ArticleView.MedicalReview(signOff.reviewerName(), signOff.reviewerCredentials(),
                article.lastReviewedAt(), article.nextReviewDue(),
                ReviewStatus.of(article.nextReviewDue(), clock.instant()).value());
    }
}
