package health.cms.admin.article;

import static java.util.stream.Collectors.joining;

import java.time.Instant;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import health.cms.core.article.Article;
import health.cms.core.correction.ChangeClass;
import health.cms.core.refusal.Refusal;
import health.cms.core.review.ConflictOfInterest;
import health.cms.workflow.Actor;
import health.cms.workflow.ArticleInput;
import health.cms.workflow.DraftingService;
import health.cms.workflow.EditorialAction;
import health.cms.workflow.TransitionRequest;
import health.cms.workflow.TransitionService;
import health.cms.workflow.TranslationService;

/** Runs a change through the workflow and answers with the resulting state, in one transaction. */
@ApplicationScoped
public class ArticleCommands {

    private final DraftingService drafting;
    private final TransitionService transitions;
    private final TranslationService translations;
    private final ArticleQueries queries;

    ArticleCommands(DraftingService drafting, TransitionService transitions, TranslationService translations,
            ArticleQueries queries) {
        this.drafting = drafting;
        this.transitions = transitions;
        this.translations = translations;
        this.queries = queries;
    }

    @Transactional
    public ArticleState create(Actor actor, ArticleInput input) {
        return queries.state(drafting.create(actor, input), actor);
    }

    @Transactional
    public ArticleState edit(Actor actor, long id, long version, ArticleInput input) {
        return edit(actor, id, version, input, null);
    }

    /** An edit; with {@code sourceRevision}, of a translation that now follows that revision of its source. */
    @Transactional
    public ArticleState edit(Actor actor, long id, long version, ArticleInput input, Integer sourceRevision) {
        Article edited = sourceRevision == null
                ? drafting.edit(actor, id, version, input)
                : translations.edit(actor, id, version, input, sourceRevision);
        return queries.state(edited, actor);
    }

    @Transactional
    public ArticleState transition(Actor actor, long id, long version, TransitionBody body) {
        Article article = transitions.apply(actor, id, version, toRequest(body));
        return queries.state(article, actor);
    }

    @Transactional
    public ArticleState renameSlug(Actor actor, long id, long version, String slug) {
        return queries.state(drafting.renameSlug(actor, id, version, slug), actor);
    }

    @Transactional
    public ArticleState assignReviewer(Actor actor, long id, long version, String reviewer, String reason) {
        return queries.state(drafting.assignReviewer(actor, id, version, reviewer, reason), actor);
    }

    static TransitionRequest toRequest(TransitionBody body) {
        if (body == null || body.action() == null || body.action().isBlank()) {
            throw Refusal.invalid(Map.of("action", "is required"));
        }
        EditorialAction action = EditorialAction.fromValue(body.action())
                .filter(EditorialAction.requestable()::contains)
                .orElseThrow(() -> Refusal.invalid(Map.of("action", "unknown action '" + body.action() + "' ("
                        + EditorialAction.requestable().stream().map(EditorialAction::value).collect(joining(", ")) + ")")));
        ChangeClass changeClass = null;
        if (body.changeClass() != null) {
            try {
                changeClass = ChangeClass.fromValue(body.changeClass());
            } catch (IllegalArgumentException e) {
                throw Refusal.invalid(Map.of("changeClass", e.getMessage()));
            }
        }
        Instant at = action == EditorialAction.UNPUBLISH ? body.unpublishAt() : body.publishAt();
        return new TransitionRequest(action, body.comment(), at, changeClass, body.correctionNote(),
                conflict(body.conflictOfInterest()));
    }

    /** {@value #NO_CONFLICT} confirms there is none; any other text names the conflict; null: not answered. */
    private static ConflictOfInterest conflict(String answer) {
        if (answer == null || answer.isBlank()) {
            return null;
        }
        return answer.strip().equalsIgnoreCase(NO_CONFLICT) ? ConflictOfInterest.NONE : new ConflictOfInterest(answer);
    }

    /** The answer that confirms "no conflict of interest for this article". */
    public static final String NO_CONFLICT = "none";

    /**
     * The JSON body of {@code POST /articles/{id}/transitions}; {@code conflictOfInterest} goes with an
     * approval: {@code "none"} or the conflict the reviewer names.
     */
    public record TransitionBody(String action, String comment, Instant publishAt, Instant unpublishAt,
            String changeClass, String correctionNote, String conflictOfInterest) {

        public TransitionBody(String action, String comment, Instant publishAt, Instant unpublishAt,
                String changeClass, String correctionNote) {
            this(action, comment, publishAt, unpublishAt, changeClass, correctionNote, null);
        }
    }
}
