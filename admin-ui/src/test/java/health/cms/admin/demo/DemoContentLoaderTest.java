package health.cms.admin.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import health.cms.core.article.Article;
import health.cms.core.article.ArticleRepository;
import health.cms.core.audit.AuditLog;
import health.cms.core.profile.ProfileRepository;
import health.cms.core.review.SignOffRepository;
import health.cms.core.testing.EmbeddedPostgresResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@TestProfile(DemoContentLoaderTest.OwnDatabase.class)
class DemoContentLoaderTest {

    /** A profile of its own restarts the app with a fresh database, so the demo never meets test fixtures. */
    public static class OwnDatabase implements QuarkusTestProfile {
    }

    @Inject
    DemoContentLoader loader;
    @Inject
    ArticleRepository articles;
    @Inject
    ProfileRepository profiles;
    @Inject
    SignOffRepository signOffs;
    @Inject
    AuditLog audit;

    @Test
    void loadsPublishedDemoArticlesThroughTheWorkflowOnceOnly() {
        int loaded = loader.loadIfEmpty();
        assertTrue(loaded >= 5, "at least five demo articles, got " + loaded);
        assertEquals(0, loader.loadIfEmpty(), "a second start loads nothing");

        QuarkusTransaction.requiringNew().run(() -> {
            List<Article> all = articles.listAll();
            assertEquals(loaded, all.size());
            assertTrue(all.stream().allMatch(Article::isLive), "every demo article is live");
            Set<String> categories = all.stream().map(a -> a.liveRevision().category().slug()).collect(Collectors.toSet());
            assertTrue(categories.size() >= 3, "three categories, got " + categories);
            Article immunotherapy = articles.findLiveBySlug("immunotherapy-treatment-effect-risks").orElseThrow();
            assertTrue(immunotherapy.liveRevision().bodyMarkdown().contains("## "), "sections under headings");
            assertTrue(immunotherapy.liveRevision().title().startsWith("Immunotherapy"));
            for (Article article : all) {
                var signOff = signOffs.latestApproval(article.liveRevision()).orElseThrow();
                assertEquals(article.liveRevision().contentHash(), signOff.contentHash());
                assertNotEquals(article.liveRevision().createdBy(), signOff.reviewerUser(),
                        "nobody approves their own demo article");
            }
            Article sleep = articles.findLiveBySlug("schlafhygiene").orElseThrow();
            Article flu = articles.findLiveBySlug("grippeimpfung").orElseThrow();
            assertEquals(List.of("de", "de"), List.of(sleep.locale(), flu.locale()));
            assertEquals("sleep-hygiene", sleep.translation().source().slug());
            assertTrue(!sleep.translation().outdated(), "the sleep translation follows its source");
            assertTrue(flu.translation().outdated(), "the flu article changed factually after its translation");
            assertEquals("factual", flu.translation().sourceChangeClass());
            String served = (String) articles.getEntityManager()
                    .createNativeQuery("SELECT CAST(document AS text) FROM published_article WHERE article_id = :id")
                    .setParameter("id", sleep.id()).getSingleResult();
            assertTrue(served.contains("\"Vorbeugung & Wohlbefinden\"") && served.contains("\"Schlaf\""),
                    "the German translation shows the German category and tag names: " + served);
            assertEquals(3, profiles.count("author = true and reviewer = false"), "three author profiles");
            assertEquals(2, profiles.count("reviewer = true"), "two reviewer profiles");
        });
        assertTrue(audit.verify().intact(), "the demo load leaves an intact audit chain");
    }
}
