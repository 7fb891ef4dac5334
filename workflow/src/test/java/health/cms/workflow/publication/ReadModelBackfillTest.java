package health.cms.workflow.publication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import health.cms.core.article.Article;
import health.cms.core.testing.EmbeddedPostgresResource;
import health.cms.workflow.testing.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Entries published before the served Markdown was cleaned and the JSON-LD came ready to embed are redone. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class ReadModelBackfillTest {

    @Inject
    PublicationProjector projector;
    @Inject
    EntityManager em;

    @Test
    void anEntryWrittenBeforeTheSafeEmbeddingIsReprojectedKeepingItsUpdatedTime() {
        Fixtures.ensureBasics();
        Article live = Fixtures.published("written-before-upgrade");
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                UPDATE published_article SET document = document - 'jsonLdScript'
                    || jsonb_build_object('body', jsonb_build_object('html', '', 'markdown', '<script>x</script>'))
                WHERE article_id = :id""").setParameter("id", live.id()).executeUpdate());
        Object updatedBefore = read(live, "updated_at::text");

        QuarkusTransaction.requiringNew().run(projector::backfill);

        assertEquals("true", read(live, "jsonb_exists(document, 'jsonLdScript')::text"));
        assertFalse(read(live, "document->'body'->>'markdown'").toString().contains("<script"));
        assertTrue(read(live, "document->'body'->>'html'").toString().contains("<h2"));
        assertEquals(updatedBefore, read(live, "updated_at::text"), "a re-projection is not a public update");
    }

    private Object read(Article article, String expression) {
        return QuarkusTransaction.requiringNew().call(() -> em
                .createNativeQuery("SELECT " + expression + " FROM published_article WHERE article_id = :id")
                .setParameter("id", article.id()).getSingleResult());
    }
}
