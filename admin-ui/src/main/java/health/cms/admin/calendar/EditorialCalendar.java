package health.cms.admin.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import health.cms.core.article.Article;
import health.cms.core.article.ArticleRepository;
import health.cms.core.article.Revision;
import health.cms.core.refusal.Refusal;
import health.cms.workflow.Actor;
import health.cms.workflow.TransitionService;
import health.cms.workflow.schedule.ScheduledJob;
import health.cms.workflow.schedule.ScheduledJobRepository;

/**
 * What the editorial calendar shows and does: the planned publications and unpublications and the re-review
 * dates of live articles in a range of days, and moving a planned change to another day through the workflow.
 */
@ApplicationScoped
public class EditorialCalendar {

    /** The longest range one read covers: two months, so a month view with its leading and trailing days fits. */
    public static final int MAX_DAYS = 62;

    private final ArticleRepository articles;
    private final ScheduledJobRepository jobs;
    private final TransitionService transitions;

    EditorialCalendar(ArticleRepository articles, ScheduledJobRepository jobs, TransitionService transitions) {
        this.articles = articles;
        this.jobs = jobs;
        this.transitions = transitions;
    }

    /** The entries from {@code first} to {@code last} (both included), in time order; {@code category} null means any. */
    @Transactional
    public List<CalendarEntry> entries(LocalDate first, LocalDate last, String category) {
        if (last.isBefore(first)) {
            throw Refusal.invalid("to", "must not be before from");
        }
        if (first.plusDays(MAX_DAYS).isBefore(last.plusDays(1))) {
            throw Refusal.invalid("to", "the range may cover at most " + MAX_DAYS + " days");
        }
        Instant from = first.atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant to = last.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        List<CalendarEntry> entries = new ArrayList<>(planned(from, to, category));
        entries.addAll(reviewsDue(from, to, category));
        entries.sort(Comparator.comparing(CalendarEntry::at).thenComparing(CalendarEntry::articleId));
        return entries;
    }

    /**
     * Moves a planned change to another day at the same time of day. The workflow checks the rest: an editor,
     * a day ahead, a plan still pending, the article at the version the calendar showed.
     */
    @Transactional
    public void move(Actor actor, long jobId, long articleVersion, LocalDate day) {
        ScheduledJob job = jobs.findByIdOptional(jobId)
                .orElseThrow(() -> Refusal.notFound("Planned change " + jobId));
        LocalTime timeOfDay = job.runAt().atOffset(ZoneOffset.UTC).toLocalTime();
        transitions.reschedule(actor, job.articleId(), articleVersion, jobId,
                day.atTime(timeOfDay).toInstant(ZoneOffset.UTC));
    }

    private List<CalendarEntry> planned(Instant from, Instant to, String category) {
        List<Object[]> rows = articles.getEntityManager().createQuery("""
                select j, a from ScheduledJob j, Article a
                where a.id = j.articleId and j.state = :pending and j.runAt >= :from and j.runAt < :to
                order by j.runAt, j.id""", Object[].class)
                .setParameter("pending", ScheduledJob.State.PENDING).setParameter("from", from).setParameter("to", to)
                .getResultList();
        List<CalendarEntry> entries = new ArrayList<>();
        for (Object[] row : rows) {
            ScheduledJob job = (ScheduledJob) row[0];
            Article article = (Article) row[1];
            boolean publication = job.kind() == ScheduledJob.Kind.PUBLISH;
            // a publication shows the revision waiting to go live, an unpublication the one readers see
            Revision shown = publication || !article.isLive() ? article.workingRevision() : article.liveRevision();
            if (category == null || category.equals(shown.category().slug())) {
                entries.add(CalendarEntry.of(publication ? CalendarEntry.Kind.PUBLICATION : CalendarEntry.Kind.UNPUBLICATION,
                        job.runAt(), article.id(), article.version(), article.slug(), shown.title(),
                        shown.category().slug(), shown.category().name(), job.id()));
            }
        }
        return entries;
    }

    private List<CalendarEntry> reviewsDue(Instant from, Instant to, String category) {
        String byCategory = category == null ? "" : " and c.slug = :category";
        var query = articles.getEntityManager().createQuery("""
                select a from Article a join fetch a.liveRevision l join fetch l.category c
                where a.nextReviewDue >= :from and a.nextReviewDue < :to""" + byCategory
                + " order by a.nextReviewDue, a.id", Article.class)
                .setParameter("from", from).setParameter("to", to);
        if (category != null) {
            query.setParameter("category", category);
        }
        return query.getResultList().stream().map(article -> CalendarEntry.of(CalendarEntry.Kind.REVIEW_DUE,
                article.nextReviewDue(), article.id(), article.version(), article.slug(), article.liveRevision().title(),
                article.liveRevision().category().slug(), article.liveRevision().category().name(), null)).toList();
    }
}
