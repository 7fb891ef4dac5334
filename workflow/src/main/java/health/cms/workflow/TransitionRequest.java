package health.cms.workflow;

import java.time.Instant;

import health.cms.core.correction.ChangeClass;

/**
 * One workflow action with its options: a comment, a time for approve (go live then) and unpublish
 * (go offline then), and for a change to live content its class and public correction note.
 */
public record TransitionRequest(EditorialAction action, String comment, Instant at, ChangeClass changeClass,
        String correctionNote) {

    public static TransitionRequest of(EditorialAction action) {
        return new TransitionRequest(action, null, null, null, null);
    }

    public static TransitionRequest of(EditorialAction action, String comment) {
        return new TransitionRequest(action, comment, null, null, null);
    }
}
