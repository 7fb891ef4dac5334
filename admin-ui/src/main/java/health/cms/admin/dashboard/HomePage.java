package health.cms.admin.dashboard;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import health.cms.admin.article.ArticleQueries;
import health.cms.admin.article.ArticleState;
import health.cms.admin.translation.TranslationDesk;
import health.cms.admin.web.DeskUser;
import health.cms.core.article.ArticleStatus;
import health.cms.core.readability.CategoryGrade;
import health.cms.core.readability.RevisionReadabilities;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/** The dashboard: each role sees its own work first (writer, medical reviewer, editor). */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class HomePage {

    static final int LIST_SIZE = 20;

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance index(Dashboard dashboard);

        static native TemplateInstance signedOut();
    }

    /** What the dashboard shows; sections for roles the person lacks stay empty and are not rendered. */
    public record Dashboard(List<ArticleState.Summary> drafts, List<ArticleState.Summary> submitted,
            List<ArticleState.Summary> reviewQueue, DeskOverview.Pipeline pipeline, List<Bar> chart,
            java.time.Instant countedAt, List<CategoryGrade> readingGrades, long outdatedTranslations) {

        public int chartWidth() {
            return chart.size() * BAR_SLOT;
        }
    }

    /** One week in the chart: bar heights out of {@value #CHART_HEIGHT} pixels and x positions, computed here. */
    public record Bar(String label, long published, long reviews, int publishedHeight, int reviewsHeight, int x) {

        public int publishedY() {
            return CHART_HEIGHT - publishedHeight;
        }

        public int reviewsY() {
            return CHART_HEIGHT - reviewsHeight;
        }
    }

    static final int CHART_HEIGHT = 120;
    static final int BAR_SLOT = 56;

    @Inject
    DeskUser user;
    @Inject
    ArticleQueries queries;
    @Inject
    DeskOverview overview;
    @Inject
    RevisionReadabilities readabilities;
    @Inject
    TranslationDesk translations;

    @GET
    @Authenticated
    public TemplateInstance index() {
        String me = user.username();
        List<ArticleState.Summary> drafts = user.isWriter()
                ? queries.list(ArticleStatus.DRAFT, null, null, me, null, LIST_SIZE, 0)
                : List.of();
        List<ArticleState.Summary> submitted = user.isWriter()
                ? queries.list(ArticleStatus.MEDICAL_REVIEW, null, null, me, null, LIST_SIZE, 0)
                : List.of();
        List<ArticleState.Summary> queue = user.isReviewer() ? queries.reviewQueue(LIST_SIZE) : List.of();
        DeskOverview.Snapshot overview = user.isEditor() ? this.overview.current() : null;
        return Templates.index(new Dashboard(drafts, submitted, queue, overview == null ? null : overview.pipeline(),
                overview == null ? List.of() : chart(overview.weeks()), overview == null ? null : overview.countedAt(),
                user.isEditor() ? readabilities.averageGradeByCategory() : List.of(),
                user.isWriter() || user.isReviewer() || user.isEditor() ? translations.outdatedCount() : 0));
    }

    static List<Bar> chart(List<DeskOverview.Week> weeks) {
        long max = Math.max(1, weeks.stream().mapToLong(w -> Math.max(w.published(), w.reviews())).max().orElse(0));
        List<Bar> bars = new java.util.ArrayList<>();
        for (int i = 0; i < weeks.size(); i++) {
            DeskOverview.Week w = weeks.get(i);
            bars.add(new Bar(w.monday().format(java.time.format.DateTimeFormatter.ofPattern("d MMM", java.util.Locale.ENGLISH)),
                    w.published(), w.reviews(), (int) (w.published() * CHART_HEIGHT / max),
                    (int) (w.reviews() * CHART_HEIGHT / max), i * BAR_SLOT));
        }
        return bars;
    }

    @GET
    @Path("signed-out")
    public TemplateInstance signedOut() {
        return Templates.signedOut();
    }
}
