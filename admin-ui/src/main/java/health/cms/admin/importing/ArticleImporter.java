package health.cms.admin.importing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import health.cms.core.article.Article;
import health.cms.core.article.ArticleRepository;
import health.cms.core.refusal.Refusal;
import health.cms.workflow.Actor;
import health.cms.workflow.ArticleInput;
import health.cms.workflow.DraftingService;
import health.cms.workflow.EditorialAction;
import health.cms.workflow.Role;
import health.cms.workflow.TransitionRequest;
import health.cms.workflow.TransitionService;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Imports articles from JSON Lines in the background. Every line goes through the workflow as its
 * own transaction: a bad line is reported and never stops the good ones, an existing slug is skipped
 * (so re-running a file creates no duplicates), and nothing is ever published by an import.
 */
@ApplicationScoped
public class ArticleImporter {

    private static final Logger LOG = Logger.getLogger(ArticleImporter.class);
    static final int MAX_LINES = 50_000;
    private static final int PROGRESS_EVERY = 100;
    /** A running job whose heartbeat is older than this was cut off by a restart. */
    static final Duration STALLED_AFTER = Duration.ofMinutes(2);

    private final ImportJobs jobs;
    private final ArticleRepository articles;
    private final DraftingService drafting;
    private final TransitionService transitions;
    private final ManagedExecutor executor;
    private final Clock clock;
    private final ObjectMapper lineReader;
    private final ObjectMapper json;

    ArticleImporter(ImportJobs jobs, ArticleRepository articles, DraftingService drafting, TransitionService transitions,
            ManagedExecutor executor,
            Clock clock, ObjectMapper json) {
        this.jobs = jobs;
        this.articles = articles;
        this.drafting = drafting;
        this.transitions = transitions;
        this.executor = executor;
        this.clock = clock;
        this.json = json;
        this.lineReader = json.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** One line of the file as written by the publisher. */
    record ImportLine(String slug, String title, String summary, String body, String category, String author,
            List<String> authors, List<String> tags, List<ArticleInput.ReferenceInput> references, String changeNote) {

        ArticleInput input() {
            List<String> byline = authors != null ? authors : author == null ? List.of() : List.of(author);
            return new ArticleInput(slug, title, summary, body, category, byline, tags, references,
                    changeNote == null ? "Imported" : changeNote);
        }
    }

    /** The outcome of one line. */
    public record LineResult(int line, Outcome result, String slug, Long articleId, Long version, String reason) {
    }

    /** What became of one line; the JSON spelling is the lower-case name. */
    public enum Outcome {

        CREATED, SKIPPED, ERROR;

        @JsonValue
        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }

        @Override
        public String toString() {
            return value();
        }
    }

    /** Progress and, once finished (and when asked for), the result of every line. */
    public record ImportView(long id, ImportJob.State state, int totalLines, int processed, int created, int skipped,
            int failed, Instant startedAt, Instant finishedAt, List<LineResult> results) {

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
        List<LineResult> lines = List.of();
        if (withResults) {
            try {
                lines = json.readValue(job.results(), new TypeReference<>() {
                });
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Stored import results are not readable", e);
            }
        }
        return new ImportView(job.id(), state, job.totalLines(), job.processed(), job.created(), job.skipped(),
                job.failed(), job.startedAt(), job.finishedAt(), lines);
    }

    /** Starts an import and returns its job at once; the lines are processed in the background. */
    public ImportJob start(Actor actor, String body, boolean submit) {
        if (!actor.has(Role.WRITER)) {
            throw Refusal.forbidden("Importing articles needs the writer role (imports create drafts)");
        }
        List<String> lines = body == null ? List.of() : body.lines().toList();
        long nonBlank = lines.stream().filter(l -> !l.isBlank()).count();
        if (nonBlank == 0) {
            throw Refusal.invalid(Map.of("body", "the file has no lines; send one JSON article per line"));
        }
        if (lines.size() > MAX_LINES) {
            throw Refusal.invalid(Map.of("body", "at most " + MAX_LINES + " lines per import"));
        }
        ImportJob job = jobs.create(actor.username(), submit, (int) nonBlank, clock.instant());
        executor.runAsync(() -> run(job.id(), actor, lines, submit))
                .exceptionally(e -> {
                    LOG.error("Import " + job.id() + " stopped", e);
                    return null;
                });
        return job;
    }

    private void run(long jobId, Actor actor, List<String> lines, boolean submit) {
        List<LineResult> results = new ArrayList<>();
        int created = 0, skipped = 0, failed = 0, processed = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            LineResult result = importLine(i + 1, lines.get(i), actor, submit);
            results.add(result);
            processed++;
            switch (result.result()) {
                case CREATED -> created++;
                case SKIPPED -> skipped++;
                case ERROR -> failed++;
            }
            if (processed % PROGRESS_EVERY == 0) {
                jobs.progress(jobId, processed, created, skipped, failed, toJson(results), clock.instant(), false);
            }
        }
        jobs.progress(jobId, processed, created, skipped, failed, toJson(results), clock.instant(), true);
    }

    private LineResult importLine(int number, String line, Actor actor, boolean submit) {
        ImportLine parsed;
        try {
            parsed = lineReader.readValue(line, ImportLine.class);
        } catch (JsonProcessingException e) {
            return new LineResult(number, Outcome.ERROR, null, null, null,
                    "not a valid JSON article: " + e.getOriginalMessage());
        }
        String slug = parsed.slug();
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                if (slug != null && articles.findBySlug(slug).isPresent()) {
                    Article existing = articles.findBySlug(slug).get();
                    return new LineResult(number, Outcome.SKIPPED, slug, existing.id(), existing.version(),
                            "an article with this slug already exists");
                }
                Article article = drafting.create(actor, parsed.input());
                if (submit) {
                    article = transitions.apply(actor, article.id(), article.version(),
                            TransitionRequest.of(EditorialAction.SUBMIT, "Submitted by import"));
                }
                return new LineResult(number, Outcome.CREATED, slug, article.id(), article.version(), null);
            });
        } catch (Refusal e) {
            String reason = e.fieldErrors().isEmpty()
                    ? e.getMessage()
                    : e.fieldErrors().entrySet().stream().map(f -> f.getKey() + " " + f.getValue())
                            .reduce((a, b) -> a + "; " + b).orElse(e.getMessage());
            return new LineResult(number, Outcome.ERROR, slug, null, null, reason);
        } catch (RuntimeException e) {
            LOG.warnf(e, "Import line %d failed unexpectedly", number);
            return new LineResult(number, Outcome.ERROR, slug, null, null, "could not be stored; see the server log");
        }
    }

    private String toJson(List<LineResult> results) {
        try {
            return json.writeValueAsString(results);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Results are plain records", e);
        }
    }

    /** Stores import jobs; each progress update is its own short transaction. */
    @ApplicationScoped
    public static class ImportJobs implements PanacheRepository<ImportJob> {

        @Transactional(Transactional.TxType.REQUIRES_NEW)
        ImportJob create(String user, boolean submit, int lines, java.time.Instant now) {
            ImportJob job = new ImportJob(user, submit, lines, now);
            persist(job);
            return job;
        }

        @Transactional(Transactional.TxType.REQUIRES_NEW)
        void progress(long id, int processed, int created, int skipped, int failed, String results,
                java.time.Instant now, boolean done) {
            findById(id).progress(processed, created, skipped, failed, results, now, done);
        }
    }
}
