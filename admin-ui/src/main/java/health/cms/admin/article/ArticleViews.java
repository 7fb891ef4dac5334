package health.cms.admin.article;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import health.cms.admin.media.MediaView;
import health.cms.admin.readability.ReadabilityView;
import health.cms.core.article.ArticleStatus;
import health.cms.core.audit.AuditEvent;
import health.cms.core.diff.RevisionDiff;
import health.cms.core.scratch.ScratchCopy;
import health.cms.workflow.comment.CommentThread;

/** The models of the article pages' templates: the list, the editor and the history. */
public final class ArticleViews {

    private ArticleViews() {
    }

    /** The filtered list. */
    public record ListView(List<ArticleState.Summary> articles, String status, String category, boolean mine,
            int page, boolean hasNext, List<Option> categories) {

        public List<String> statuses() {
            return Arrays.stream(ArticleStatus.values()).map(ArticleStatus::value).toList();
        }

        public int previousPage() {
            return page - 1;
        }

        public int nextPage() {
            return page + 1;
        }
    }

    /** A choice in a select list. */
    public record Option(String value, String label) {
    }

    /**
     * The editor: the article (null when new), the form as typed, and what to say about it; {@code scratch}
     * is this writer's autosaved text that differs from the form, offered to restore or discard.
     */
    public record EditorView(ArticleState article, ArticleForm form, Map<String, String> errors, String message,
            String done, List<Option> categories, List<Option> authors, List<Option> tags, Preview preview,
            Conflict conflict, List<ActionView> actions, boolean editable, String publicUrl,
            List<CommentThread> comments, ScratchCopy scratch, List<MediaView> pictures) {

        /** The threads nobody has resolved: what the writer still has to answer, beside the editor. */
        public List<CommentThread> openComments() {
            return comments.stream().filter(CommentThread::open).toList();
        }

        public boolean isNew() {
            return article == null;
        }

        public String actionsUrl() {
            return "/articles/" + article.id() + "/actions";
        }

        public boolean editsLiveArticle() {
            return article != null && article.live();
        }

        /** The length guidance the editor's counters show beside the meta fields. */
        public int titleGuide() {
            return SearchSnippet.TITLE_GUIDE;
        }

        public int descriptionGuide() {
            return SearchSnippet.DESCRIPTION_GUIDE;
        }
    }

    /**
     * What readers would see for the text in the form: rendered by the public API's renderer and sanitizer,
     * with how it reads ({@code readability} null when the body is too long to render) and how it would look in
     * search results and social shares.
     */
    public record Preview(String title, String summary, String html, ReadabilityView readability,
            SearchSnippet snippet) {
    }

    /** Someone saved a newer version while this person was typing: who, when, and what they changed since. */
    public record Conflict(String who, Instant when, RevisionDiff.Result theirChanges) {
    }

    /**
     * Revisions, a comparison between two of them, the audit trail and the corrections: one page of them, newest
     * first, {@code hasOlder} when an older page has revisions or events.
     */
    public record HistoryView(ArticleState article, List<ArticleState.RevisionView> revisions, RevisionDiff.Result diff,
            List<AuditEvent> audit, List<ArticleHistory.CorrectionView> corrections, int page, boolean hasOlder) {

        public static final int REVISIONS_PER_PAGE = 50;
        public static final int EVENTS_PER_PAGE = 100;

        /** From one more revision and event than a page holds, which tell whether an older page exists. */
        static HistoryView of(ArticleState article, List<ArticleState.RevisionView> revisions, RevisionDiff.Result diff,
                List<AuditEvent> audit, List<ArticleHistory.CorrectionView> corrections, int page) {
            boolean hasOlder = revisions.size() > REVISIONS_PER_PAGE || audit.size() > EVENTS_PER_PAGE;
            return new HistoryView(article, revisions.subList(0, Math.min(revisions.size(), REVISIONS_PER_PAGE)), diff,
                    audit.subList(0, Math.min(audit.size(), EVENTS_PER_PAGE)), corrections, page, hasOlder);
        }

        /** The comparison's "from": the one shown, else the revision before the newest (0 past the last page). */
        public int fromNumber() {
            if (diff != null && diff.from() != null) {
                return diff.from();
            }
            return revisions.isEmpty() ? 0 : revisions.get(Math.min(1, revisions.size() - 1)).number();
        }

        public int toNumber() {
            if (diff != null) {
                return diff.to();
            }
            return revisions.isEmpty() ? 0 : revisions.get(0).number();
        }

        public int olderPage() {
            return page + 1;
        }

        public int newerPage() {
            return page - 1;
        }
    }
}
