package health.cms.admin.article;

import java.util.List;
import java.util.Map;

import health.cms.workflow.EditorialAction;

/**
 * A workflow action the person may take now, as a form: rendered from the workflow's own table of
 * actions (through {@code availableActions}), so the buttons and the rules cannot drift apart.
 */
public record ActionView(String value, String label, String explanation, boolean commentRequired,
        boolean asksPublishAt, boolean asksUnpublishAt, boolean asksChangeClass, boolean destructive, String error,
        Map<String, String> fieldErrors, ActionForm typed) {

    /** The actions open now; the one that was just refused carries its message and what the person typed. */
    public static List<ActionView> of(ArticleState state, Failure failure) {
        return state.availableActions().stream()
                .map(value -> EditorialAction.fromValue(value).orElseThrow())
                .map(action -> of(action, state))
                .map(view -> failure != null && view.value.equals(failure.form().action)
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

    private ActionView(String value, String label, String explanation, boolean commentRequired, boolean asksPublishAt,
            boolean asksUnpublishAt, boolean asksChangeClass, boolean destructive) {
        this(value, label, explanation, commentRequired, asksPublishAt, asksUnpublishAt, asksChangeClass, destructive,
                null, Map.of(), new ActionForm());
    }

    private ActionView failed(Failure failure) {
        return new ActionView(value, label, explanation, commentRequired, asksPublishAt, asksUnpublishAt,
                asksChangeClass, destructive, failure.message(), failure.fieldErrors(), failure.form());
    }

    private static ActionView of(EditorialAction action, ArticleState state) {
        boolean replacesLive = state.firstPublishedAt() != null;
        return switch (action) {
            case SUBMIT -> new ActionView(action.value(), "Submit for medical review",
                    "A medical reviewer signs off this exact text; you cannot edit it while it is in review.",
                    false, false, false, false, false);
            case WITHDRAW -> new ActionView(action.value(), "Withdraw from review",
                    "Takes the article back to draft so you can keep editing.", false, false, false, false, false);
            case REQUEST_CHANGES -> new ActionView(action.value(), "Request changes",
                    "Sends the article back to its writers; say what must change.", true, false, false, false, false);
            case APPROVE -> new ActionView(action.value(), "Approve",
                    replacesLive
                            ? "Replaces the live version with this revision. Classify the change; factual and clinical changes publish a correction note."
                            : "Publishes this revision now, or at the time you set.",
                    false, true, false, replacesLive, false);
            case CANCEL_SCHEDULE -> new ActionView(action.value(), "Cancel scheduled publication",
                    "The article returns to draft; the approval is kept in the history.", false, false, false, false,
                    false);
            case UNPUBLISH -> new ActionView(action.value(), "Unpublish",
                    "Takes the article off the public site now, or at the time you set.", false, false, true, false,
                    true);
            case RECERTIFY -> new ActionView(action.value(), "Recertify",
                    "Confirms the live text is still medically accurate and starts a new review interval.", false,
                    false, false, false, false);
            case PUBLISH_DUE -> throw new IllegalStateException("publish-due belongs to the scheduler");
        };
    }
}
