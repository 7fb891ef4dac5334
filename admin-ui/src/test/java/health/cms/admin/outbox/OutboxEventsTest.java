package health.cms.admin.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import health.cms.admin.schedule.ScheduledTransitions;
import health.cms.core.article.Article;
import health.cms.core.correction.ChangeClass;
import health.cms.core.testing.EmbeddedPostgresResource;
import health.cms.core.testing.MutableClock;
import health.cms.workflow.EditorialAction;
import health.cms.workflow.TransitionRequest;
import health.cms.workflow.testing.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class OutboxEventsTest {

    @Inject
    EntityManager em;
    @Inject
    MutableClock clock;
    @Inject
    ScheduledTransitions scheduler;

    @BeforeEach
    void basics() {
        Fixtures.ensureBasics();
    }

    private List<String> events(long articleId) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT event_type FROM outbox_event WHERE article_id = :id ORDER BY id", String.class)
                .setParameter("id", articleId).getResultList());
    }

    @Test
    void publishingEditingAndUnpublishingEachLeaveTheirEvent() {
        Article live = Fixtures.published("outbox-life");
        Article edited = Fixtures.drafting().edit(Fixtures.WRITER1, live.id(), live.version(),
                Fixtures.input("outbox-life", "Outbox life", "## Section\n\nThe dose is now 10 mg."));
        Article submitted = Fixtures.transitions().apply(Fixtures.WRITER1, edited.id(), edited.version(),
                TransitionRequest.of(EditorialAction.SUBMIT));
        Article approved = Fixtures.transitions().apply(Fixtures.REVIEWER1, submitted.id(), submitted.version(),
                new TransitionRequest(EditorialAction.APPROVE, null, null, ChangeClass.CLINICAL, "Dose corrected."));
        Fixtures.transitions().apply(Fixtures.EDITOR1, approved.id(), approved.version(),
                TransitionRequest.of(EditorialAction.UNPUBLISH));
        assertEquals(List.of("article.published", "correction.published", "article.updated", "article.unpublished"),
                events(live.id()));
    }

    @Test
    void aRolledBackTransitionLeavesNoEvent() {
        Article submitted = Fixtures.submitted("outbox-rollback");
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            Fixtures.transitions().apply(Fixtures.REVIEWER1, submitted.id(), submitted.version(),
                    TransitionRequest.of(EditorialAction.APPROVE));
            throw new IllegalStateException("the caller's transaction fails after the approval");
        }));
        assertEquals(List.of(), events(submitted.id()));
    }

    @Test
    void aScheduledPublicationEmitsTheSameEventAsAManualOne() {
        Article submitted = Fixtures.submitted("outbox-scheduled");
        Fixtures.transitions().apply(Fixtures.REVIEWER1, submitted.id(), submitted.version(), new TransitionRequest(
                EditorialAction.APPROVE, null, clock.instant().plus(Duration.ofHours(1)), null, null));
        assertEquals(List.of(), events(submitted.id()));
        clock.advance(Duration.ofHours(2));
        scheduler.runDueJobs();
        assertEquals(List.of("article.published"), events(submitted.id()));
    }

    @Test
    void aTranslationsEventRecordsItsLocaleAndItsSource() {
        Article source = Fixtures.published("outbox-source");
        Article german = Fixtures.publishedTranslation(source, "de", "outbox-uebersetzung");
        List<String> payloads = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT CAST(payload AS text) FROM outbox_event WHERE article_id IN (:source, :german) ORDER BY id",
                String.class).setParameter("source", source.id()).setParameter("german", german.id()).getResultList());
        assertEquals(2, payloads.size(), payloads.toString());
        assertTrue(payloads.get(0).contains("\"locale\": \"en\"") && !payloads.get(0).contains("sourceSlug"),
                payloads.get(0));
        assertTrue(payloads.get(1).contains("\"locale\": \"de\"")
                && payloads.get(1).contains("\"sourceSlug\": \"outbox-source\"")
                && payloads.get(1).contains("\"sourceLocale\": \"en\"")
                && payloads.get(1).contains("\"sourceId\": " + source.id()), payloads.get(1));
    }
}
