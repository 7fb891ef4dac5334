package health.cms.admin.importing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import health.cms.admin.config.CmsConfig;
import health.cms.admin.importing.LineResult.Outcome;
import health.cms.core.article.Article;
import health.cms.core.article.ArticleRepository;
import health.cms.core.article.Revision;
import health.cms.core.locale.Locales;
import health.cms.core.refusal.Refusal;
import health.cms.workflow.Actor;
import health.cms.workflow.ArticleInput;
import health.cms.workflow.DraftingService;
import health.cms.workflow.EditorialAction;
import health.cms.workflow.Role;
import health.cms.workflow.TransitionRequest;
import health.cms.workflow.TransitionService;
import health.cms.workflow.TranslationService;
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
    private final ArticleRepository articles;
    private final DraftingService drafting;
    private final TransitionService transitions;
    private final ManagedExecutor executor;
    private final Clock clock;
    private final ObjectMapper lineReader;
    private final int maxRunningPerUser;
    private final TranslationService translations;
    private final Locales locales;

    ArticleImporter(ImportJobs jobs, ArticleRepository articles, DraftingService drafting, TransitionService transitions,
            ManagedExecutor executor, Clock clock, ObjectMapper json, CmsConfig config, TranslationService translations,
            Locales locales) {
        this.jobs = jobs;
        this.articles = articles;
        this.drafting = drafting;
        this.transitions = transitions;
        this.translations = translations;
        this.locales = locales;
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
            return QuarkusTransaction.requiringNew().call(() -> {
                if (parsed.isTranslation()) {
                    return importTranslation(number, parsed, actor, submit);
                }
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

    /**
     * Creates the translation a line names through the translations' door, or saves the line as a new working
     * revision of the existing one (its base stays: the line does not say which source revision it follows);
     * a line with the text the translation's working revision already has is skipped.
     */
    private LineResult importTranslation(int number, ImportLine line, Actor actor, boolean submit) {
        if (line.translationOf() == null || line.locale() == null) {
            throw new LineRefused(line.translationOf() == null
                    ? "translationOf (the source article's slug) is required with locale"
                    : "locale is required with translationOf");
        }
        Article source = articles.findBySlug(line.translationOf()).orElseThrow(
                () -> new LineRefused("translationOf: no article has the slug '" + shorten(line.translationOf()) + "'"));
        if (source.isTranslation()) {
            throw new LineRefused("translationOf: '" + source.slug() + "' is itself a translation (of "
                    + source.translation().source().slug() + "); name its source article");
        }
        String locale = locales.configured(line.locale()).orElseThrow(() -> new LineRefused("locale: '"
                + shorten(line.locale()) + "' is not one of the configured locales " + locales.available()));
        Optional<Article> existing = articles.translationOf(source, locale);
        Optional<Article> holder = line.slug() == null ? Optional.empty() : articles.findBySlug(line.slug());
        if (existing.isEmpty()) {
            if (holder.isPresent()) {
                throw new LineRefused("slug: '" + line.slug() + "' is already used by another article");
            }
            Article created = translations.translate(actor, source.id(), locale, line.input());
            return done(number, Outcome.CREATED, submitted(created, actor, submit));
        }
        Article translation = existing.get();
        if (!translation.slug().equals(line.slug())) {
            throw new LineRefused("the " + locale + " translation of " + source.slug() + " already exists as '"
                    + translation.slug() + "'; give that slug to update it");
        }
        if (sameText(translation.workingRevision(), line.input())) {
            return new LineResult(number, Outcome.SKIPPED, translation.slug(), translation.id(), translation.version(),
                    "the " + locale + " translation already has this text");
        }
        Article updated = translations.edit(actor, translation.id(), translation.version(), line.input(),
                translation.translation().base().number());
        return done(number, Outcome.UPDATED, submitted(updated, actor, submit));
    }

    private Article submitted(Article article, Actor actor, boolean submit) {
        return submit
                ? transitions.apply(actor, article.id(), article.version(),
                        TransitionRequest.of(EditorialAction.SUBMIT, "Submitted by import"))
                : article;
    }

    private static LineResult done(int number, Outcome outcome, Article article) {
        return new LineResult(number, outcome, article.slug(), article.id(), article.version(), null);
    }

    /** Whether the input says what the revision holds (the change note aside). */
    private static boolean sameText(Revision revision, ArticleInput input) {
        ArticleInput current = ArticleInput.copyOf(revision, input.slug(), revision.title(), input.changeNote());
        return current.title().equals(strip(input.title())) && current.summary().equals(strip(input.summary()))
                && current.body().equals(input.body()) && current.category().equals(input.category())
                && current.authors().equals(input.authors()) && current.tags().equals(input.tags())
                && Objects.equals(revision.leadImage(), input.leadImage())
                && citations(current.references()).equals(citations(input.references()));
    }

    private static List<List<String>> citations(List<ArticleInput.ReferenceInput> references) {
        return references.stream().map(r -> Arrays.asList(strip(r.citation()), r.doi(), r.pmid(), r.url())).toList();
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }

    private static String shorten(String value) {
        return value.length() > 80 ? value.substring(0, 80) + "..." : value;
    }

    /** A translation line that cannot be imported, with the reason its report gives. */
    private static final class LineRefused extends RuntimeException {

        LineRefused(String reason) {
            super(reason, null, false, false);
        }
    }
}
