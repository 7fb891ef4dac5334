package health.cms.workflow.publication;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import health.cms.core.article.Article;
import health.cms.core.review.ConflictOfInterest;
import health.cms.core.testing.EmbeddedPostgresResource;
import health.cms.workflow.EditorialAction;
import health.cms.workflow.TransitionRequest;
import health.cms.workflow.testing.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** A reviewer's conflict-of-interest answer is recorded with their sign-off and published as disclosures. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class DisclosuresTest {

    @Inject
    EntityManager em;
    @Inject
    PublicationProjector projector;

    @BeforeEach
    void basics() {
        Fixtures.ensureBasics();
    }

    @Test
    void aNamedConflictIsRecordedWithTheSignOffAndPublishedWithoutChangingTheContentHash() {
        Article submitted = Fixtures.submitted("disclosed-conflict");
        String hashBefore = read("SELECT r.content_hash FROM revision r JOIN article a ON a.working_revision_id = r.id "
                + "WHERE a.id = " + submitted.id());

        Article live = approve(submitted, new ConflictOfInterest("Speaker fees from Acme Pharma (2025)"));

        assertEquals("true|Speaker fees from Acme Pharma (2025)|" + hashBefore, read("""
                SELECT conflict_confirmed || '|' || conflict_statement || '|' || content_hash FROM sign_off
                WHERE decision = 'approved' AND revision_id = (SELECT live_revision_id FROM article WHERE id = %d)"""
                .formatted(live.id())));
        assertEquals("[\"Speaker fees from Acme Pharma (2025)\"]", document(live, "->'medicalReview'->'disclosures'"));
        assertEquals(hashBefore, read("SELECT r.content_hash FROM revision r JOIN article a ON a.live_revision_id = r.id "
                + "WHERE a.id = " + live.id()));
    }

    @Test
    void noConflictIsConfirmedAndPublishesAnEmptyList() {
        Article live = approve(Fixtures.submitted("no-conflict"), ConflictOfInterest.NONE);

        assertEquals("true", read("SELECT conflict_confirmed::text || coalesce(conflict_statement, '') FROM sign_off "
                + "WHERE revision_id = (SELECT live_revision_id FROM article WHERE id = " + live.id() + ")"));
        assertEquals("[]", document(live, "->'medicalReview'->'disclosures'"));
    }

    @Test
    void anEntryPublishedBeforeDisclosuresGetsThemOnTheNextStartKeepingItsUpdatedTime() {
        Article live = Fixtures.published("published-before-disclosures");
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                UPDATE published_article SET document = jsonb_set(document, '{medicalReview}',
                    (document->'medicalReview') - 'disclosures') WHERE article_id = :id""")
                .setParameter("id", live.id()).executeUpdate());
        String updatedBefore = read("SELECT updated_at::text FROM published_article WHERE article_id = " + live.id());

        QuarkusTransaction.requiringNew().run(projector::backfill);

        assertEquals("[]", document(live, "->'medicalReview'->'disclosures'"));
        assertEquals(updatedBefore, read("SELECT updated_at::text FROM published_article WHERE article_id = " + live.id()));
    }

    private static Article approve(Article submitted, ConflictOfInterest conflict) {
        return Fixtures.transitions().apply(Fixtures.REVIEWER1, submitted.id(), submitted.version(),
                new TransitionRequest(EditorialAction.APPROVE, null, null, null, null, conflict));
    }

    private String document(Article article, String path) {
        return read("SELECT (document" + path + ")::text FROM published_article WHERE article_id = " + article.id());
    }

    private String read(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> String.valueOf(em.createNativeQuery(sql).getSingleResult()));
    }
}
