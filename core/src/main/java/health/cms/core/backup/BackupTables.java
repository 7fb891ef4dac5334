package health.cms.core.backup;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every table a backup holds, parents before children, so a restore inserts them in this order. A new
 * table is one line here; the export refuses a database with a table that is in neither list, so a
 * table can never be silently left out of backups.
 */
public final class BackupTables {

    /** The content, in dependency order. */
    public static final List<BackupTable> ALL = List.of(
            BackupTable.of("category", "id"),
            BackupTable.of("tag", "id"),
            BackupTable.of("category_name", "category_id", "locale"),
            BackupTable.of("tag_name", "tag_id", "locale"),
            BackupTable.of("profile", "id"),
            BackupTable.of("reviewer_declaration", "id"),
            // The library's descriptions, before the revisions that show its images.
            BackupTable.of("media_asset", "id"),
            // article and revision point at each other: an article's revision pointers (a translation's base in its
            // source included) follow the revisions
            BackupTable.of("article", "id").deferring("live_revision_id", "working_revision_id", "source_revision_id"),
            BackupTable.of("revision", "id"),
            BackupTable.of("revision_author", "revision_id", "position"),
            BackupTable.of("revision_tag", "revision_id", "tag_id"),
            BackupTable.of("revision_reference", "revision_id", "position"),
            BackupTable.of("revision_image", "revision_id", "position"),
            BackupTable.of("sign_off", "id"),
            BackupTable.of("correction", "id"),
            BackupTable.of("share_link", "id"),
            BackupTable.of("audit_event", "id"),
            BackupTable.of("audit_checkpoint", "id"),
            BackupTable.of("scheduled_job", "id"),
            BackupTable.of("import_job", "id"),
            BackupTable.of("import_job_line", "id"),
            BackupTable.of("slug_redirect", "old_slug"),
            BackupTable.of("outbox_event", "id"),
            BackupTable.of("review_notice", "article_id", "due_at", "kind"),
            // replies after the comment they answer: ids grow, so id order is parent order
            BackupTable.of("review_comment", "id"),
            // Without secrets: a restored subscription sends nothing until an editor rotates its secret.
            BackupTable.of("webhook_subscription", "id").omitting("secret", "previous_secret", "previous_secret_until"),
            // The editors' search vocabulary groups (our file's groups ship with the code).
            BackupTable.of("search_vocabulary_group", "id"),
            // Hashes only: partners keep their keys across a restore.
            BackupTable.of("api_key", "id"),
            // Each person's mail preference (and their name, e-mail and roles as last seen).
            BackupTable.of("desk_member", "username"),
            // Copied rather than rebuilt: it holds exactly what readers were served (the HTML rendered when
            // the revision went live, the public "updated" time that a recertification keeps).
            BackupTable.of("published_article", "article_id"));

    /**
     * Tables that are not content: Flyway's history is recreated by migrating the target database, and
     * webhook deliveries with their attempt log are operational state (restored outbox events keep
     * their fan-out mark, so they are not delivered again). A revision's readability is derived from its
     * text and measured again after a restore; writers' scratch copies are private unsaved work; notifications and
     * the mail queue are messages already delivered or on their way, not content.
     */
    public static final Set<String> NOT_BACKED_UP = Set.of("flyway_schema_history", "webhook_delivery",
            "webhook_attempt", "revision_readability", "scratch_copy", "notification", "outgoing_mail",
            // renditions still to make: derived from the stored originals, queued again when found missing
            "media_rendition_job");

    private BackupTables() {
    }

    public static Optional<BackupTable> named(String name) {
        return ALL.stream().filter(table -> table.name().equals(name)).findFirst();
    }
}
