package health.cms.delivery.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.util.List;
import java.util.Random;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import health.cms.core.article.Article;
import health.cms.core.backup.BackupExport;
import health.cms.core.backup.Manifest;
import health.cms.core.backup.Progress;
import health.cms.core.testing.EmbeddedPostgresResource;
import health.cms.workflow.ArticleInput;
import health.cms.workflow.DraftingService;
import health.cms.workflow.EditorialAction;
import health.cms.workflow.TransitionRequest;
import health.cms.workflow.TransitionService;
import health.cms.workflow.testing.Fixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Makes a large archive for timing the backup command by hand (docs/benchmarks.md): N articles of
 * about 6 KB written, submitted and approved through the workflow, exported to
 * {@code target/backup-N.zip}. Not part of the test suite (the name does not end in Test): run it with
 * {@code -Dtest=LargeArchiveBenchmark -Dcms.bench.articles=10000}.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class LargeArchiveBenchmark {

    private static final String[] WORDS = ("patients doctor treatment symptoms dose daily weeks months risk blood "
            + "pressure medicine tablet cream inflammation pain sleep exercise diet guideline trial evidence severe "
            + "mild common rare children adults older pregnancy nurse pharmacist clinic hospital test result").split(" ");

    @Test
    void writesAnArchiveOfManyLiveArticles() throws Exception {
        int count = Integer.getInteger("cms.bench.articles", 10_000);
        Fixtures.ensureBasics();
        DraftingService drafting = Fixtures.drafting();
        TransitionService transitions = Fixtures.transitions();
        Random random = new Random(7);
        for (int i = 0; i < count; i++) {
            String slug = "article-" + i;
            Article article = drafting.create(Fixtures.WRITER1, new ArticleInput(slug, "Understanding " + slug,
                    sentence(random, 25), body(random), "treatments-therapies", List.of("anna-berg"), List.of("cancer"),
                    List.of(new ArticleInput.ReferenceInput("Example A. A review. J Example Med. 2021;" + i + ".", null,
                            null, null)),
                    null));
            article = transitions.apply(Fixtures.WRITER1, article.id(), article.version(),
                    TransitionRequest.of(EditorialAction.SUBMIT));
            transitions.apply(Fixtures.REVIEWER1, article.id(), article.version(),
                    TransitionRequest.of(EditorialAction.APPROVE));
        }
        Path archive = Path.of("target", "backup-" + count + ".zip");
        Files.deleteIfExists(archive);
        String url = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        try (Connection connection = DriverManager.getConnection(url, "postgres", "postgres")) {
            Manifest manifest = new BackupExport(Progress.SILENT, Clock.systemUTC()).write(connection, archive);
            assertEquals(count, manifest.table("published_article").orElseThrow().rows());
        }
    }

    private static String body(Random random) {
        StringBuilder body = new StringBuilder();
        for (int section = 1; body.length() < 6_000; section++) {
            body.append("## Section ").append(section).append("\n\n").append(sentence(random, 60)).append(' ')
                    .append(sentence(random, 60)).append("\n\n");
        }
        return body.toString();
    }

    private static String sentence(Random random, int words) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < words; i++) {
            text.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
        }
        return text.append('.').toString();
    }
}
