package health.cms.admin.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;

import health.cms.admin.catalog.DeskCatalog;
import health.cms.core.article.Article;
import health.cms.core.taxonomy.CategoryRepository;
import health.cms.workflow.ArticleInput;
import health.cms.workflow.EditorialAction;
import health.cms.workflow.TransitionRequest;
import health.cms.workflow.schedule.ScheduledJob;
import health.cms.workflow.schedule.ScheduledJobRepository;
import health.cms.workflow.testing.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** Articles with planned changes on chosen days, for the calendar's tests. */
final class CalendarFixtures {

    static final String OTHER_CATEGORY = "calendar-prevention";

    private CalendarFixtures() {
    }

    static Instant at(LocalDate day, int hour, int minute) {
        return day.atTime(LocalTime.of(hour, minute)).toInstant(ZoneOffset.UTC);
    }

    /** A submitted article approved by reviewer1 to go live at {@code at}. */
    static Article scheduled(String slug, Instant at) {
        return approveAt(Fixtures.submitted(slug), at);
    }

    /** The same in {@link #OTHER_CATEGORY}. */
    static Article scheduledInOtherCategory(String slug, Instant at) {
        Fixtures.ensureBasics();
        QuarkusTransaction.requiringNew().run(() -> {
            if (Fixtures.bean(CategoryRepository.class).findBySlug(OTHER_CATEGORY).isEmpty()) {
                Fixtures.bean(DeskCatalog.class).createCategory(Fixtures.EDITOR1, OTHER_CATEGORY, "Prevention", null, 12);
            }
        });
        ArticleInput base = Fixtures.input(slug, "Article " + slug, "## Section\n\nBody of " + slug + ".");
        Article draft = Fixtures.drafting().create(Fixtures.WRITER1, new ArticleInput(base.slug(), base.title(),
                base.summary(), base.body(), OTHER_CATEGORY, base.authors(), base.tags(), base.references(),
                base.changeNote()));
        Article submitted = Fixtures.transitions().apply(Fixtures.WRITER1, draft.id(), draft.version(),
                TransitionRequest.of(EditorialAction.SUBMIT));
        return approveAt(submitted, at);
    }

    /** A live article that editor1 planned to take offline at {@code at}. */
    static Article plannedOffline(String slug, Instant at) {
        Article live = Fixtures.published(slug);
        return Fixtures.transitions().apply(Fixtures.EDITOR1, live.id(), live.version(),
                new TransitionRequest(EditorialAction.UNPUBLISH, null, at, null, null));
    }

    static ScheduledJob pendingJob(Article article) {
        return QuarkusTransaction.requiringNew().call(() -> Fixtures.bean(ScheduledJobRepository.class)
                .pendingFor(article.id()).get(0));
    }

    static List<ScheduledJob> jobs(Article article) {
        return QuarkusTransaction.requiringNew().call(() -> Fixtures.bean(ScheduledJobRepository.class)
                .list("articleId = ?1 order by id", article.id()));
    }

    private static Article approveAt(Article submitted, Instant at) {
        return Fixtures.transitions().apply(Fixtures.REVIEWER1, submitted.id(), submitted.version(),
                new TransitionRequest(EditorialAction.APPROVE, null, at, null, null));
    }
}
