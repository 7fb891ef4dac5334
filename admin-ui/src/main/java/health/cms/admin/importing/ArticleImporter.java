package health.cms.admin.importing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import health.cms.admin.config.CmsConfig;
import health.cms.admin.importing.LineImport.LineRefused;
import health.cms.core.refusal.Refusal;
import health.cms.workflow.Actor;
import health.cms.workflow.ArticleInput;
import health.cms.workflow.Role;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Imports articles from JSON Lines in the background. Every line goes through the workflow as its
 * own transaction: a bad line is reported and never stops the good ones, an existing slug is skipped
 * (so re-running a file creates no duplicates), and nothing is ever published by an import. The lines are
 * read one at a time from the job's {@link ImportSource}, and their report is appended batch by batch.
 */
@ApplicationScoped
public class ArticleImporter {

    private static final Logger LOG = Logger.getLogger(ArticleImporter.class);
    /** Lines per report append and progress update. */
    static final int BATCH = 100;
    /** A running job whose heartbeat is older than this was cut off by a restart. */
    static final Duration STALLED_AFTER = Duration.ofMinutes(2);

    private final ImportJobs jobs;
    private final LineImport lineImport;
    private final ManagedExecutor executor;
    private final Clock clock;
    private final ObjectMapper lineReader;
    private final int maxRunningPerUser;

    ArticleImporter(ImportJobs jobs, LineImport lineImport, ManagedExecutor executor, Clock clock, ObjectMapper json,
            CmsConfig config) {
        this.jobs = jobs;
        this.lineImport = lineImport;
        this.executor = executor;
        this.clock = clock;
        this.lineReader = json.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.maxRunningPerUser = config.imports().maxRunningPerUser();
    }

    /**
     * One line of the file as written by the publisher; {@code translationOf} (a source article's slug) and
     * {@code locale} make it the translation of that article into that locale.
     */
    record ImportLine(String slug, String title, String summary, String body, String category, String author,
            List<String> authors, List<String> tags, List<ArticleInput.ReferenceInput> references, String changeNote,
            String leadImage, String translationOf, String locale) {

        boolean isTranslation() {
            return translationOf != null || locale != null;
        }

        ArticleInput input() {
            List<String> byline = authors != null ? authors : author == null ? List.of() : List.of(author);
            return new ArticleInput(slug, title, summary, body, category, byline, tags, references,
                    changeNote == null ? "Imported" : changeNote, null, leadImage);
        }
    }

    /**
     * Progress and, once finished (and when asked for), the result of every line; {@code updated} counts
     * translations whose working revision a line replaced.
     */
    public record ImportView(long id, ImportJob.State state, int totalLines, int processed, int created, int updated,
            int skipped, int failed, Instant startedAt, Instant finishedAt, List<LineResult> results) {

        public boolean isRunning() {
            return state == ImportJob.State.RUNNING;
        }

        public boolean isInterrupted() {
            return state == ImportJob.State.INTERRUPTED;
        }

        /** Percent done, for a progress bar. */
        public int percent() {
            return totalLines == 0 ? 100 : (int) (100L * processed / totalLines);
        }
    }

    /** One import job of this person; anyone else's is reported as missing. */
    @Transactional
    public ImportView view(Actor actor, long id, boolean withResults) {
        ImportJob job = jobs.findByIdOptional(id)
                .filter(j -> j.requestedBy().equals(actor.username()))
                .orElseThrow(() -> Refusal.notFound("Import " + id));
        return view(job, withResults);
    }

    /** This person's latest imports, newest first, without their line reports. */
    @Transactional
    public List<ImportView> recent(Actor actor, int limit) {
        return jobs.find("requestedBy = ?1 order by startedAt desc", actor.username()).range(0, limit - 1).list()
                .stream().map(job -> view(job, false)).toList();
    }

    private ImportView view(ImportJob job, boolean withResults) {
        ImportJob.State state = job.state() == ImportJob.State.RUNNING
                && job.heartbeatAt().isBefore(clock.instant().minus(STALLED_AFTER))
                        ? ImportJob.State.INTERRUPTED
                        : job.state();
        List<LineResult> lines = withResults ? jobs.report(job.id()) : List.of();
        return new ImportView(job.id(), state, job.totalLines(), job.processed(), job.created(), job.updated(),
                job.skipped(), job.failed(), job.startedAt(), job.finishedAt(), lines);
    }

    /**
     * Starts an import of the spooled lines and returns its job at once; the lines are processed in the
     * background, which closes (deletes) the source when done. A refused start closes it at once.
     */
    public ImportJob start(Actor actor, ImportSource source, boolean submit) {
        ImportJob job;
        try {
            if (!actor.has(Role.WRITER)) {
                throw Refusal.forbidden("Importing articles needs the writer role (imports create drafts)");
            }
            job = jobs.start(actor.username(), submit, source.articles(), clock.instant(), maxRunningPerUser,
                    clock.instant().minus(STALLED_AFTER));
        } catch (RuntimeException e) {
            source.close();
            throw e;
        }
        executor.runAsync(() -> run(job.id(), actor, source, submit))
                .exceptionally(e -> {
                    LOG.error("Import " + job.id() + " stopped", e);
                    return null;
                });
        return job;
    }

    private void run(long jobId, Actor actor, ImportSource source, boolean submit) {
        try (source; ImportSource.Lines lines = source.open()) {
            List<LineResult> batch = new ArrayList<>(BATCH);
            int number = 0;
            for (String line = lines.next(); line != null; line = lines.next()) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                batch.add(importLine(number, line, actor, submit));
                if (batch.size() == BATCH) {
                    jobs.append(jobId, batch, clock.instant(), false);
                    batch.clear();
                }
            }
            jobs.append(jobId, batch, clock.instant(), true);
        } catch (IOException e) {
            throw new UncheckedIOException("The spool file of import " + jobId + " could not be read", e);
        }
    }

    private LineResult importLine(int number, String line, Actor actor, boolean submit) {
        ImportLine parsed;
        try {
            parsed = lineReader.readValue(line, ImportLine.class);
        } catch (JsonProcessingException e) {
            return LineResult.error(number, null, "not a valid JSON article: " + e.getOriginalMessage());
        }
        String slug = parsed.slug();
        try {
            return QuarkusTransaction.requiringNew().call(() -> lineImport.importLine(number, parsed, actor, submit));
        } catch (LineRefused e) {
            return LineResult.error(number, slug, e.getMessage());
        } catch (Refusal e) {
            String reason = e.fieldErrors().isEmpty()
                    ? e.getMessage()
                    : e.fieldErrors().entrySet().stream().map(f -> f.getKey() + " " + f.getValue())
                            .reduce((a, b) -> a + "; " + b).orElse(e.getMessage());
            return LineResult.error(number, slug, reason);
        } catch (RuntimeException e) {
            LOG.warnf(e, "Import line %d failed unexpectedly", number);
            return LineResult.error(number, slug, "could not be stored; see the server log");
        }
    }
}
