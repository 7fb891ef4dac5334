package health.cms.workflow.comment;

import java.time.Instant;
import java.util.List;

import health.cms.core.comment.TextQuote;

/**
 * One comment with its replies as the desk shows it: the passage it quotes, the revision it was made on, and
 * whether that passage is still in the text under review ({@code outdated} when an edit removed it).
 */
public record CommentThread(long id, int revision, TextQuote quote, Anchor anchor, String body, boolean blocking,
        String author, Instant createdAt, String resolvedBy, Instant resolvedAt, List<Reply> replies) {

    /** Where the quoted passage stands in the current working revision. */
    public enum Anchor {

        CURRENT("current"), OUTDATED("outdated");

        private final String value;

        Anchor(String value) {
            this.value = value;
        }

        public String value() {
            return value;
        }
    }

    /** An answer in the thread. */
    public record Reply(long id, int revision, String body, String author, Instant createdAt) {
    }

    public boolean open() {
        return resolvedAt == null;
    }

    public boolean outdated() {
        return anchor == Anchor.OUTDATED;
    }
}
