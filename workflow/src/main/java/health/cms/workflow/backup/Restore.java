package health.cms.workflow.backup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import health.cms.core.backup.BackupArchive;
import health.cms.core.backup.BackupException;
import health.cms.core.backup.BackupTable;
import health.cms.core.backup.BackupTables;
import health.cms.core.backup.Column;
import health.cms.core.backup.Manifest;
import health.cms.core.backup.Progress;
import health.cms.core.media.BlobStore;
import health.cms.workflow.publication.PublicationProjector;

/**
 * Turns a backup archive back into content, in an empty CMS database only: the door through which a
 * restore changes content, holding it to the workflow's rules.
 *
 * <p>
 * A restore copies rows; it does not replay workflow actions. A replay would mint new revisions,
 * sign-offs and audit events with new times and hashes: sign-offs would no longer be the reviewers'
 * decisions of that day, and the audit chain would record the restore instead of the history. A copy
 * keeps every signed content hash and the audit chain exactly as they were.
 *
 * <p>
 * Three layers stand between an edited archive and readers. First, {@link BackupArchive#open} refuses
 * an archive that is not signed with the backup key, or whose entries changed since (HMAC-SHA256 with
 * a key held outside the archive, so recomputing checksums does not help). Second, the workflow's rules
 * are checked on the copied rows inside the restore's one transaction, before it commits: the audit
 * chain verifies, every revision's text still hashes to its stored content hash, every live revision's
 * latest sign-off approves exactly that hash (invariant 2), and every sign-off row is recorded in the
 * audit chain by its reviewer, on its revision, under its decision, at its time. Third, nothing public
 * is copied: the read model is derived again from the checked live revisions through the workflow's
 * {@link health.cms.workflow.publication.Projection} (rendered and sanitized anew). Any failure rolls
 * everything back; nothing is written before the archive's signature and schema are checked.
 *
 * <p>
 * Why the audit chain and the key, not a seal per sign-off: the chain already holds an event for every
 * reviewer decision, so binding each sign-off to it needs no new column or migration and also catches a
 * sign-off row written into the database past the workflow (the chain has no event for it). The chain's
 * events do not carry the reviewer's name and credentials as they were at signing; those two columns,
 * like every other byte, are covered by the archive's HMAC, so only a holder of the backup key could
 * change them, and the operator keeps that key apart from the archives.
 *
 * <p>
 * The media library's originals travel in the archive ({@code media/<sha256>/original.<ext>}). Every one is
 * checked against the SHA-256 that addresses it before anything is written, and written to the media store
 * only once the rows are checked; a failure after that deletes the blobs this restore added. Renditions are
 * not archived: the restore queues every image for the desk's rendition worker, which makes them again from
 * the originals.
 *
 * <p>
 * Authority to restore is the database credentials (there is no desk user at that point), and the
 * restore appends no audit event of its own: the restored trail is the trail that was backed up.
 */
public final class Restore {

    private static final int BATCH = 1_000;
    private static final int REPORT_EVERY = 50_000;

    /** What was restored and checked. */
    public record Report(String schemaVersion, Map<String, Long> rows, long auditEvents, long revisionsHashed,
            long liveRevisionsSignedOff, long signOffsInAuditTrail, long imagesVerified) {

        public long totalRows() {
            return rows.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** The refusal to restore into a database that already holds content. */
    public static final class NotEmpty extends BackupException {

        NotEmpty(String message) {
            super(message);
        }
    }

    private final Progress progress;
    private final BlobStore media;

    /** A restore that writes the archive's images to {@code media}, the store the apps read. */
    public Restore(Progress progress, BlobStore media) {
        this.progress = progress;
        this.media = media;
    }

    /**
     * Restores the archive through {@code target}, which must reach an empty database migrated to the
     * archive's schema version. Either everything is restored and checked, or nothing is written and
     * the exception says why.
     */
    public Report run(BackupArchive archive, Connection target) {
        Manifest manifest = archive.manifest();
        boolean autoCommit = true;
        RestoredImages images = new RestoredImages(archive, media);
        try {
            autoCommit = target.getAutoCommit();
            Map<String, List<Column>> columns = ArchiveSchema.check(manifest, target);
            images.check();
            target.setAutoCommit(false);
            lockAndRequireEmpty(target);
            Map<String, Long> rows = new LinkedHashMap<>();
            for (BackupTable table : BackupTables.ALL) {
                // Nothing public is loaded from the archive: the read model is derived again once the rest is checked.
                if (!table.name().equals(RestoredReadModel.TABLE)) {
                    rows.put(table.name(), load(archive, manifest.table(table.name()).orElseThrow(), table,
                            columns.get(table.name()), target));
                }
            }
            for (BackupTable table : BackupTables.ALL) {
                if (!table.deferred().isEmpty()) {
                    linkDeferred(archive, manifest.table(table.name()).orElseThrow(), table, columns.get(table.name()),
                            target);
                }
            }
            RestoredContent checks = new RestoredContent(target);
            long auditEvents = checks.verifyAuditChain();
            long revisions = checks.verifyContentHashes();
            long live = checks.verifyLiveSignOffs();
            long signOffs = checks.verifySignOffsInAuditChain();
            rows.put(RestoredReadModel.TABLE, new RestoredReadModel(target).rebuild(archive));
            progress.rows(RestoredReadModel.TABLE, rows.get(RestoredReadModel.TABLE), true);
            images.write(progress);
            RestoredImages.queueRenditions(target);
            resetSequences(target);
            notifyReplicas(target);
            target.commit();
            return new Report(manifest.schemaVersion(), rows, auditEvents, revisions, live, signOffs, images.count());
        } catch (RuntimeException e) {
            // Any failure, a refusal or a bug, rolls back here: restoring auto-commit below would commit what was written.
            rollback(target);
            images.deleteWritten();
            throw e;
        } catch (SQLException e) {
            rollback(target);
            images.deleteWritten();
            if ("55P03".equals(e.getSQLState())) {
                throw new BackupException("Another connection is using the database's tables (waited 10 s for them): "
                        + "stop the apps before restoring. Nothing was written.", e);
            }
            throw new BackupException("Restoring failed and was rolled back, nothing was written: " + e.getMessage(), e);
        } finally {
            try {
                target.setAutoCommit(autoCommit);
            } catch (SQLException ignored) {
                // the connection is gone; the transaction went with it
            }
        }
    }

    /** Locks out writers for the rest of the transaction, then refuses unless every table is empty. */
    private static void lockAndRequireEmpty(Connection target) throws SQLException {
        String tables = BackupTables.ALL.stream().map(BackupTable::name).collect(Collectors.joining(", "));
        try (Statement statement = target.createStatement()) {
            statement.execute("SET LOCAL lock_timeout = '10s'");
            // EXCLUSIVE lets readers (the api) read on, but no one can write while the restore runs.
            statement.execute("LOCK TABLE " + tables + " IN EXCLUSIVE MODE");
        }
        List<String> found = new ArrayList<>();
        for (BackupTable table : BackupTables.ALL) {
            try (Statement statement = target.createStatement();
                    ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + table.name())) {
                rs.next();
                long count = rs.getLong(1);
                if (count > 0) {
                    found.add(table.name() + ": " + count + (count == 1 ? " row" : " rows"));
                }
            }
        }
        if (!found.isEmpty()) {
            throw new NotEmpty("Refusing to restore: the database is not empty (" + String.join(", ", found)
                    + "). A restore only goes into an empty database, so nothing in it is merged with or overwritten by "
                    + "the archive. Restore into a new database instead; nothing was written.");
        }
    }

    private long load(BackupArchive archive, Manifest.Table archived, BackupTable table, List<Column> columns,
            Connection target) throws SQLException {
        String sql = "INSERT INTO " + table.name() + " ("
                + columns.stream().map(Column::sqlName).collect(Collectors.joining(", ")) + ") VALUES ("
                + columns.stream().map(Column::placeholder).collect(Collectors.joining(", ")) + ")";
        long count = 0;
        try (BackupArchive.Rows rows = archive.rows(archived); PreparedStatement insert = target.prepareStatement(sql)) {
            for (JsonNode row = rows.next(); row != null; row = rows.next()) {
                for (int i = 0; i < columns.size(); i++) {
                    Column column = columns.get(i);
                    // Forward references are filled in by linkDeferred, once the rows they point at exist.
                    JsonNode value = table.deferred().contains(column.name()) ? null : value(row, column, table, rows);
                    column.bind(insert, i + 1, value);
                }
                insert.addBatch();
                if (++count % BATCH == 0) {
                    insert.executeBatch();
                }
                if (count % REPORT_EVERY == 0) {
                    progress.rows(table.name(), count, false);
                }
            }
            insert.executeBatch();
        }
        progress.rows(table.name(), count, true);
        return count;
    }

    private static void linkDeferred(BackupArchive archive, Manifest.Table archived, BackupTable table,
            List<Column> columns, Connection target) throws SQLException {
        List<Column> deferred = columns.stream().filter(column -> table.deferred().contains(column.name())).toList();
        List<Column> key = table.key().stream()
                .map(name -> columns.stream().filter(column -> column.name().equals(name)).findFirst().orElseThrow())
                .toList();
        String sql = "UPDATE " + table.name() + " SET "
                + deferred.stream().map(column -> column.sqlName() + " = " + column.placeholder())
                        .collect(Collectors.joining(", "))
                + " WHERE " + key.stream().map(column -> column.sqlName() + " = " + column.placeholder())
                        .collect(Collectors.joining(" AND "));
        long pending = 0;
        try (BackupArchive.Rows rows = archive.rows(archived); PreparedStatement update = target.prepareStatement(sql)) {
            for (JsonNode row = rows.next(); row != null; row = rows.next()) {
                int index = 1;
                for (Column column : deferred) {
                    column.bind(update, index++, value(row, column, table, rows));
                }
                for (Column column : key) {
                    column.bind(update, index++, value(row, column, table, rows));
                }
                update.addBatch();
                if (++pending % BATCH == 0) {
                    update.executeBatch();
                }
            }
            update.executeBatch();
        }
    }

    private static JsonNode value(JsonNode row, Column column, BackupTable table, BackupArchive.Rows rows) {
        JsonNode value = row.get(column.name());
        if (value == null) {
            throw new BackupException("Row " + rows.count() + " of table " + table.name() + " in the archive has no value "
                    + "for column " + column.name());
        }
        return value;
    }

    /** Points every id sequence past the restored rows, so the next article, revision or event gets a new id. */
    private static void resetSequences(Connection target) throws SQLException {
        List<String[]> sequences = new ArrayList<>();
        try (Statement statement = target.createStatement(); ResultSet rs = statement.executeQuery("""
                SELECT table_name, column_name, pg_get_serial_sequence(quote_ident(table_name), column_name)
                FROM information_schema.columns WHERE table_schema = current_schema()""")) {
            while (rs.next()) {
                if (rs.getString(3) != null && BackupTables.named(rs.getString(1)).isPresent()) {
                    sequences.add(new String[]{rs.getString(1), rs.getString(2), rs.getString(3)});
                }
            }
        }
        for (String[] sequence : sequences) {
            try (PreparedStatement setval = target.prepareStatement("SELECT setval(?, COALESCE((SELECT max(\""
                    + sequence[1] + "\") FROM " + sequence[0] + "), 0) + 1, false)")) {
                setval.setString(1, sequence[2]);
                setval.execute();
            }
        }
    }

    /** Running api replicas drop what they cached about these slugs (for example a 404) when the restore commits. */
    private static void notifyReplicas(Connection target) throws SQLException {
        try (PreparedStatement notify = target.prepareStatement("""
                SELECT count(pg_notify(?, slug)) FROM (SELECT slug FROM published_article
                UNION SELECT old_slug FROM slug_redirect) AS restored""")) {
            notify.setString(1, PublicationProjector.CHANNEL);
            notify.execute();
        }
    }

    private static void rollback(Connection target) {
        try {
            if (!target.getAutoCommit()) {
                target.rollback();
            }
        } catch (SQLException ignored) {
            // a broken connection rolls back by itself
        }
    }
}
