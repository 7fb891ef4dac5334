package health.cms.workflow.comment;

import static health.cms.workflow.testing.Fixtures.EDITOR1;
import static health.cms.workflow.testing.Fixtures.REVIEWER1;
import static health.cms.workflow.testing.Fixtures.REVIEWER2;
import static health.cms.workflow.testing.Fixtures.WRITER1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import health.cms.core.article.Article;
import health.cms.core.article.ArticleRepository;
import health.cms.core.article.ArticleStatus;
import health.cms.core.audit.AuditEvent;
import health.cms.core.audit.AuditLog;
import health.cms.core.comment.ReviewComment;
import health.cms.core.comment.TextQuote;
import health.cms.core.refusal.Refusal;
import health.cms.core.testing.EmbeddedPostgresResource;
import health.cms.workflow.EditorialAction;
import health.cms.workflow.TransitionRequest;
import health.cms.workflow.TransitionService;
import health.cms.workflow.schedule.ScheduledJob;
import health.cms.workflow.schedule.ScheduledJobRepository;
import health.cms.workflow.testing.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The review conversation: anchors that follow the text, blocking comments on every path to going live, who may do what. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class ReviewCommentsTest {

    @Inject
    ReviewComments comments;
    @Inject
    TransitionService transitions;
    @Inject
    ArticleRepository articles;
    @Inject
    ScheduledJobRepository jobs;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;

    @BeforeEach
    void basics() {
        Fixtures.ensureBasics();
    }

    @Test
    void anAnchorSurvivesAnEditAroundItAndIsOutdatedWhenThePassageIsGone() {
        Article article = Fixtures.submitted("comment-anchor");
        comments.comment(REVIEWER1, article.id(), quote("Body of comment-anchor"), "Which study says so?", false);
        article = transitions.apply(REVIEWER1, article.id(), article.version(),
                TransitionRequest.of(EditorialAction.REQUEST_CHANGES, "See my comment."));

        article = edit(article, "## Intro\n\nA new first paragraph.\n\n## Section\n\nBody of comment-anchor.");
        CommentThread afterEdit = comments.threads(article.id()).get(0);
        assertEquals(CommentThread.Anchor.CURRENT, afterEdit.anchor());
        assertEquals(1, afterEdit.revision(), "made on the first revision");

        edit(article, "## Section\n\nA rewritten body.");
        CommentThread gone = comments.threads(article.id()).get(0);
        assertEquals(CommentThread.Anchor.OUTDATED, gone.anchor());
        assertEquals("Body of comment-anchor", gone.quote().exact(), "the original quote is kept");
    }

    @Test
    void aBlockingCommentRefusesApprovalUntilResolved() {
        Article article = Fixtures.submitted("comment-blocks-approval");
        ReviewComment blocking = comments.comment(REVIEWER1, article.id(), quote("Body of comment-blocks-approval"),
                "The dose is wrong.", true);
        long version = article.version();

        Refusal refused = assertThrows(Refusal.class, () -> transitions.apply(REVIEWER1, article.id(), version,
                TransitionRequest.of(EditorialAction.APPROVE)));
        assertTrue(refused instanceof Refusal.Conflict, refused.getClass().getName());
        assertTrue(refused.getMessage().contains("1 blocking review comment is still open"), refused.getMessage());
        assertTrue(read(() -> transitions.availableActions(REVIEWER1, articles.findById(article.id())))
                .stream().noneMatch(action -> action == EditorialAction.APPROVE), "no approve button either");

        comments.resolve(WRITER1, article.id(), blocking.id());
        Article approved = transitions.apply(REVIEWER1, article.id(), version, TransitionRequest.of(EditorialAction.APPROVE));
        assertEquals(ArticleStatus.PUBLISHED, approved.status());
    }

    @Test
    void aBlockingCommentOnAScheduledArticleStopsTheScheduledPublication() {
        Article submitted = Fixtures.submitted("comment-blocks-schedule");
        Instant goLive = clock.instant().plus(Duration.ofHours(1));
        Article scheduled = transitions.apply(REVIEWER1, submitted.id(), submitted.version(),
                new TransitionRequest(EditorialAction.APPROVE, null, goLive, null, null));
        assertEquals(ArticleStatus.SCHEDULED, scheduled.status());
        comments.comment(REVIEWER2, scheduled.id(), quote("Body of comment-blocks-schedule"), "Stop: new guidance.",
                true);

        while (QuarkusTransaction.requiringNew().call(() -> jobs.claimNextDue(goLive).map(job -> {
            transitions.runScheduled(job);
            return true;
        }).orElse(false))) {
            // run every due job, as the scheduler's loop does
        }

        Article after = read(() -> articles.findById(scheduled.id()));
        assertEquals(ArticleStatus.DRAFT, after.status());
        assertTrue(!after.isLive(), "it never went live");
        assertEquals(ScheduledJob.State.CANCELLED,
                read(() -> jobs.find("articleId = ?1 order by id desc", scheduled.id()).firstResult().state()));
        AuditEvent last = read(() -> audit.latestFor(scheduled.id()).orElseThrow());
        assertEquals("cancel-schedule", last.action());
        assertEquals("scheduler", last.actor());
        assertTrue(last.comment().contains("blocking review comment"), last.comment());
    }

    @Test
    void writersReplyAndResolveButOnlyReviewersAndEditorsStartAThread() {
        Article article = Fixtures.submitted("comment-roles");
        assertThrows(Refusal.Forbidden.class, () -> comments.comment(WRITER1, article.id(),
                quote("Body of comment-roles"), "I comment my own text", false));
        ReviewComment byEditor = comments.comment(EDITOR1, article.id(), quote("Body of comment-roles"),
                "Shorten this.", false);
        comments.reply(WRITER1, article.id(), byEditor.id(), "Done in the next revision.");
        assertThrows(Refusal.Forbidden.class, () -> comments.resolve(REVIEWER1, article.id(), byEditor.id()),
                "a reviewer resolves only their own comments");
        comments.resolve(WRITER1, article.id(), byEditor.id());
        assertThrows(Refusal.Conflict.class, () -> comments.resolve(EDITOR1, article.id(), byEditor.id()));

        CommentThread thread = comments.threads(article.id()).get(0);
        assertEquals("writer1", thread.resolvedBy());
        assertEquals(List.of("Done in the next revision."),
                thread.replies().stream().map(CommentThread.Reply::body).toList());
        assertEquals(List.of("create", "submit", "comment", "reply", "resolve-comment"),
                read(() -> audit.forArticle(article.id()).stream().map(AuditEvent::action).toList()));
    }

    @Test
    void aPassageThatIsNotInTheTextIsRefusedNamingTheField() {
        Article article = Fixtures.submitted("comment-missing-passage");
        Refusal.Invalid refused = assertThrows(Refusal.Invalid.class,
                () -> comments.comment(REVIEWER1, article.id(), quote("words nobody wrote"), "Hmm", false));
        assertTrue(refused.fieldErrors().containsKey("quote"), refused.fieldErrors().toString());
        Refusal.Invalid tooLong = assertThrows(Refusal.Invalid.class, () -> comments.comment(REVIEWER1, article.id(),
                quote("Body of comment-missing-passage"), "x".repeat(ReviewComments.MAX_BODY + 1), false));
        assertTrue(tooLong.fieldErrors().containsKey("body"));
    }

    private static TextQuote quote(String exact) {
        return new TextQuote(exact, null, null);
    }

    private static Article edit(Article article, String body) {
        return Fixtures.drafting().edit(WRITER1, article.id(), article.version(),
                Fixtures.input(article.slug(), "Article " + article.slug(), body));
    }

    private static <T> T read(java.util.function.Supplier<T> query) {
        return QuarkusTransaction.requiringNew().call(query::get);
    }
}
