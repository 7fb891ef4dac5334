package health.cms.admin.importing;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import health.cms.admin.importing.ArticleImporter.ImportLine;
import health.cms.admin.importing.LineResult.Outcome;
import health.cms.core.article.Article;
import health.cms.core.article.ArticleRepository;
import health.cms.core.article.Revision;
import health.cms.core.locale.Locales;
import health.cms.workflow.Actor;
import health.cms.workflow.ArticleInput;
import health.cms.workflow.DraftingService;
import health.cms.workflow.EditorialAction;
import health.cms.workflow.TransitionRequest;
import health.cms.workflow.TransitionService;
import health.cms.workflow.TranslationService;

/**
 * One parsed line of an import through the workflow's doors, inside the transaction the importer opens for it:
 * a new article (an existing slug is skipped), or a translation created or given a new working revision.
 */
@ApplicationScoped
class LineImport {

    private final ArticleRepository articles;
    private final DraftingService drafting;
    private final TransitionService transitions;
    private final TranslationService translations;
    private final Locales locales;

    LineImport(ArticleRepository articles, DraftingService drafting, TransitionService transitions,
            TranslationService translations, Locales locales) {
        this.articles = articles;
        this.drafting = drafting;
        this.transitions = transitions;
        this.translations = translations;
        this.locales = locales;
    }

    /** Imports the line; throws {@link LineRefused} or a workflow refusal when it cannot be. */
    LineResult importLine(int number, ImportLine line, Actor actor, boolean submit) {
        if (line.isTranslation()) {
            return importTranslation(number, line, actor, submit);
        }
        Optional<Article> existing = line.slug() == null ? Optional.empty() : articles.findBySlug(line.slug());
        if (existing.isPresent()) {
            return new LineResult(number, Outcome.SKIPPED, line.slug(), existing.get().id(), existing.get().version(),
                    "an article with this slug already exists");
        }
        Article article = submitted(drafting.create(actor, line.input()), actor, submit);
        return new LineResult(number, Outcome.CREATED, line.slug(), article.id(), article.version(), null);
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
    static final class LineRefused extends RuntimeException {

        LineRefused(String reason) {
            super(reason, null, false, false);
        }
    }
}
