package health.cms.core.scratch;

import java.time.Instant;

/**
 * A writer's unsaved edit of one article, kept while they type so a crash or a closed tab loses nothing.
 * Private to its writer and never a revision: it is not reviewed, not public and not in backups.
 *
 * @param baseVersion the article version the edit started from, so saving it later meets the same
 *        optimistic lock as saving straight from the editor
 */
public record ScratchCopy(long articleId, String username, long baseVersion, String title, String summary,
        String bodyMarkdown, Instant savedAt) {
}
