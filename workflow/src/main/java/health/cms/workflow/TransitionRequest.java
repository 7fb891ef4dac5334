package health.cms.workflow;

import java.time.Instant;

import health.cms.core.correction.ChangeClass;
import health.cms.core.review.ConflictOfInterest;

/**
 * One workflow action with its options: a comment, a time for approve (go live then) and unpublish
 * (go offline then), for a change to live content its class and public correction note, and with an
 * approval the reviewer's conflict-of-interest answer (null when not given).
 */
public record TransitionRequest(EditorialAction action, String comment, Instant at, ChangeClass changeClass,
        String correctionNote, ConflictOfInterest conflict) {

    public TransitionRequest(EditorialAction action, String comment, Instant at, ChangeClass changeClass,
            String correctionNote) {
        this(action, comment, at, changeClass, correctionNote, null);
    }

    public static TransitionRequest of(EditorialAction action) {
        return new TransitionRequest(action, null, null, null, null);
    }

    public static TransitionRequest of(EditorialAction action, String comment) {
        return new TransitionRequest(action, comment, null, null, null);
    }
}
