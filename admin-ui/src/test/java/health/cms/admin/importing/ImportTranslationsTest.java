package health.cms.admin.importing;

import static health.cms.admin.importing.ImportApiTest.runToEnd;
import static health.cms.admin.testing.Tokens.writer1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import health.cms.core.article.Article;
import health.cms.core.article.ArticleRepository;
import health.cms.core.testing.EmbeddedPostgresResource;
import health.cms.workflow.testing.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;

/**
 * A bulk import creates and updates translations through the translations' door, line by line, with a clear
 * reason for every line it cannot take.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class ImportTranslationsTest {

    @BeforeEach
    void basics() {
        Fixtures.ensureBasics();
    }

    private static String line(String slug, String extra, String body) {
        return "{\"slug\":\"" + slug + "\",\"title\":\"Titel " + slug + "\",\"summary\":\"Lead.\","
                + "\"body\":\"## Abschnitt\\n\\n" + body + "\",\"category\":\"treatments-therapies\","
                + "\"author\":\"anna-berg\",\"tags\":[\"cancer\"],\"references\":[{\"citation\":\"Doe J. Trial. 2020.\"}]"
                + extra + "}";
    }

    private static String translation(String slug, String source, String locale, String body) {
        return line(slug, ",\"translationOf\":\"" + source + "\",\"locale\":\"" + locale + "\"", body);
    }

    @Test
    void aTranslationLineCreatesThenUpdatesThenSkipsAndEveryBadLineSaysWhy() {
        String file = String.join("\n",
                line("imp-scald", "", "Cool the burn."),
                translation("imp-verbruehung", "imp-scald", "de", "Kühlen."),
                translation("imp-brulure", "imp-scald", "fr", "Refroidir."),
                translation("imp-nowhere", "imp-no-such-source", "es", "Enfriar."),
                translation("imp-twice", "imp-verbruehung", "es", "Enfriar."),
                translation("imp-verbruehung-2", "imp-scald", "de", "Kühlen!"),
                translation("imp-scald", "imp-scald", "es", "Enfriar."),
                line("imp-half", ",\"locale\":\"es\"", "Enfriar."),
                translation("imp-hostile", "imp-scald", "<script>alert(1)</script>" + "x".repeat(5000), "Enfriar."),
                line("imp-array", ",\"translationOf\":\"imp-scald\",\"locale\":[\"es\"]", "Enfriar."),
                translation("imp-quemadura", "imp-scald", "ES", "Enfriar."));

        JsonPath first = runToEnd(writer1(), file, false);
        assertEquals("created", result(first, 1));
        assertEquals("created", result(first, 2));
        assertTrue(reason(first, 3).startsWith("locale: 'fr' is not one of the configured locales"), reason(first, 3));
        assertEquals("translationOf: no article has the slug 'imp-no-such-source'", reason(first, 4));
        assertEquals("translationOf: 'imp-verbruehung' is itself a translation (of imp-scald); name its source article",
                reason(first, 5));
        assertEquals("the de translation of imp-scald already exists as 'imp-verbruehung'; give that slug to update it",
                reason(first, 6));
        assertEquals("slug: 'imp-scald' is already used by another article", reason(first, 7));
        assertEquals("translationOf (the source article's slug) is required with locale", reason(first, 8));
        assertTrue(reason(first, 9).length() < 300 && reason(first, 9).contains("is not one of the configured"),
                reason(first, 9));
        assertEquals("error", result(first, 10));
        assertEquals("created", result(first, 11));
        assertEquals(3, first.getInt("created"));
        assertEquals(8, first.getInt("failed"));

        Article german = article("imp-verbruehung");
        Article source = article("imp-scald");
        assertEquals("de", german.locale());
        assertEquals(source.id(), german.translation().source().id());
        assertEquals("es", article("imp-quemadura").locale());

        String update = String.join("\n", translation("imp-verbruehung", "imp-scald", "de", "Sofort kühlen."),
                translation("imp-quemadura", "imp-scald", "es", "Enfriar."));
        JsonPath second = runToEnd(writer1(), update, true);
        assertEquals("updated", result(second, 1));
        assertEquals("skipped", result(second, 2));
        assertEquals("the es translation already has this text", reason(second, 2));
        assertEquals(1, second.getInt("updated"));
        assertEquals(1, second.getInt("skipped"));
        Article updated = article("imp-verbruehung");
        assertEquals(2, updated.workingRevision().number());
        assertTrue(updated.workingRevision().bodyMarkdown().contains("Sofort kühlen."));
        assertEquals("medical-review", updated.status().value());
    }

    private static String result(JsonPath job, int line) {
        return job.getString("results.find { it.line == " + line + " }.result");
    }

    private static String reason(JsonPath job, int line) {
        return job.getString("results.find { it.line == " + line + " }.reason");
    }

    private static Article article(String slug) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Article article = Fixtures.bean(ArticleRepository.class).findBySlug(slug).orElseThrow();
            article.workingRevision().bodyMarkdown();
            if (article.isTranslation()) {
                article.translation().source().id();
            }
            return article;
        });
    }
}
