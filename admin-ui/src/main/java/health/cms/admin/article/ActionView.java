package health.cms.admin.article;

import java.util.List;
import java.util.Map;

import health.cms.workflow.EditorialAction;
import health.cms.workflow.EditorialAction.Ask;
import io.quarkus.qute.TemplateExtension;

/**
 * A workflow action the person may take now, as a form: rendered from the workflow's own table of
 * actions (through {@code availableActions}) and its texts, so the buttons and the rules cannot drift apart.
 */
public record ActionView(EditorialAction action, boolean replacesLive, String error, Map<String, String> fieldErrors,
        ActionForm typed) {

    /** The actions open now; the one that was just refused carries its message and what the person typed. */
    public static List<ActionView> of(ArticleState state, Failure failure) {
        boolean replacesLive = state.firstPublishedAt() != null;
        return state.availableActions().stream()
                .map(value -> EditorialAction.fromValue(value).orElseThrow())
                .map(action -> new ActionView(action, replacesLive, null, Map.of(), new ActionForm()))
                .map(view -> failure != null && view.value().equals(failure.form().action)
                        ? view.failed(failure)
                        : view)
                .toList();
    }

    /** A refused action: the message, the fields at fault and the form as posted. */
    public record Failure(String message, Map<String, String> fieldErrors, ActionForm form) {
    }

    /**
     * The refusal to show at the top of the page: when the action is not offered to this person at
     * all (a forged or outdated form), there is no form beside which to show it.
     */
    public static String unplacedMessage(List<ActionView> actions, Failure failure) {
        return failure != null && actions.stream().noneMatch(a -> a.error() != null) ? failure.message() : null;
    }

    /** The message after a desk form succeeded, for the action whose value the redirect carries. */
    @TemplateExtension
    static String actionDoneMessage(String done) {
        return EditorialAction.fromValue(done).map(action -> action.text().done()).orElse("Done.");
    }

    public String value() {
        return action.value();
    }

    public String label() {
        return action.text().label();
    }

    public String explanation() {
        return action.text().explanation(replacesLive);
    }

    public boolean commentRequired() {
        return action.commentRequired();
    }

    public boolean asksPublishAt() {
        return action.asksFor(Ask.PUBLISH_AT);
    }

    public boolean asksUnpublishAt() {
        return action.asksFor(Ask.UNPUBLISH_AT);
    }

    /** Only a change to a live article is classified (typo, link, factual, clinical). */
    public boolean asksChangeClass() {
        return replacesLive && action.asksFor(Ask.CHANGE_CLASS);
    }

    public boolean destructive() {
        return action.text().destructive();
    }

    private ActionView failed(Failure failure) {
        return new ActionView(action, replacesLive, failure.message(), failure.fieldErrors(), failure.form());
    }
}
