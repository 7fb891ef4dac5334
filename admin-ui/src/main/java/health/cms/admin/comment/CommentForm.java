package health.cms.admin.comment;

import org.jboss.resteasy.reactive.RestForm;

import health.cms.core.comment.TextQuote;

/**
 * A comment, reply or resolution as posted from the review screen or the editor. Without JavaScript the
 * reviewer types (or pastes) the passage; with it, selecting text in the article fills the passage and its
 * context.
 */
public class CommentForm {

    /** The two pages a comment form lives on; anything else goes back to the review screen. */
    enum From {
        REVIEW, EDITOR
    }

    @RestForm
    public String exact;
    @RestForm
    public String prefix;
    @RestForm
    public String suffix;
    @RestForm
    public String body;
    @RestForm
    public boolean blocking;
    @RestForm
    public String from;

    TextQuote quote() {
        return new TextQuote(exact, prefix, suffix);
    }

    From page() {
        return "editor".equals(from) ? From.EDITOR : From.REVIEW;
    }

    /** Where the person goes back to, at the conversation. */
    String back(long articleId) {
        return (page() == From.EDITOR ? "/articles/" : "/review/") + articleId;
    }
}
