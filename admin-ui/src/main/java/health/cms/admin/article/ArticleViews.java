package health.cms.admin.article;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import health.cms.core.article.ArticleStatus;
import health.cms.core.audit.AuditEvent;
import health.cms.core.diff.RevisionDiff;

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

    /** The editor: the article (null when new), the form as typed, and what to say about it. */
    public record EditorView(ArticleState article, ArticleForm form, Map<String, String> errors, String message,
            String done, List<Option> categories, List<Option> authors, List<Option> tags, Preview preview,
            Conflict conflict, List<ActionView> actions, boolean editable, String publicUrl) {

        public boolean isNew() {
            return article == null;
        }

        public String actionsUrl() {
            return "/articles/" + article.id() + "/actions";
        }

        public boolean editsLiveArticle() {
            return article != null && article.live();
        }
    }

    /** What readers would see for the text in the form: rendered by the public API's renderer and sanitizer. */
    public record Preview(String title, String summary, String html) {
    }

    /** Someone saved a newer version while this person was typing: who, when, and what they changed since. */
    public record Conflict(String who, Instant when, RevisionDiff.Result theirChanges) {
    }

    /** Revisions, a comparison between two of them, the audit trail and the corrections. */
    public record HistoryView(ArticleState article, List<ArticleState.RevisionView> revisions, RevisionDiff.Result diff,
            List<AuditEvent> audit, List<ArticleHistory.CorrectionView> corrections) {

        /** The comparison's "from": the one shown, else the revision before the newest. */
        public int fromNumber() {
            return diff != null && diff.from() != null
                    ? diff.from()
                    : revisions.get(Math.min(1, revisions.size() - 1)).number();
        }

        public int toNumber() {
            return diff != null ? diff.to() : revisions.get(0).number();
        }
    }
}
