package health.cms.workflow;

/**
 * How the desk presents one editorial action: its button label, the sentence under it, the message after
 * it succeeded, and whether it is destructive (shown in red). Plain text, so the workflow needs no
 * template engine.
 *
 * @param label the button and heading
 * @param explanation what the action does
 * @param explanationReplacingLive what it does to an article that already has a live version, or null
 *        when that is the same
 * @param done the message shown once the action succeeded
 * @param destructive true when it takes something away from readers
 */
public record ActionText(String label, String explanation, String explanationReplacingLive, String done,
        boolean destructive) {

    static ActionText of(String label, String explanation, String done) {
        return new ActionText(label, explanation, null, done, false);
    }

    ActionText whenReplacingLive(String explanation) {
        return new ActionText(label, this.explanation, explanation, done, destructive);
    }

    ActionText markedDestructive() {
        return new ActionText(label, explanation, explanationReplacingLive, done, true);
    }

    /** The explanation for an article that does (or does not yet) have a live version. */
    public String explanation(boolean replacesLive) {
        return replacesLive && explanationReplacingLive != null ? explanationReplacingLive : explanation;
    }
}
