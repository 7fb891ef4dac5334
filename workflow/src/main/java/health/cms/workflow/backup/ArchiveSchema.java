package health.cms.workflow.backup;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import health.cms.core.backup.BackupException;
import health.cms.core.backup.BackupTable;
import health.cms.core.backup.BackupTables;
import health.cms.core.backup.Column;
import health.cms.core.backup.Manifest;
import health.cms.core.backup.Schema;

/** The first check of a restore: the archive and the target database have the same schema. */
final class ArchiveSchema {

    private ArchiveSchema() {
    }

    /**
     * Before anything is written: the database is at the archive's schema version and both have the
     * same tables and columns. Returns each table's columns in archive order.
     */
    static Map<String, List<Column>> check(Manifest manifest, Connection target) throws SQLException {
        String archived = manifest.schemaVersion();
        String current = Schema.version(target).orElseThrow(() -> new BackupException(
                "The database has no CMS schema (no Flyway history). Restore needs an empty database migrated to schema "
                        + "version " + archived + "; the backup command migrates a database that has no tables itself."));
        int order = Schema.compare(archived, current);
        if (order > 0) {
            throw new BackupException("The archive has schema version " + archived + ", newer than this database's "
                    + current + ". Restore it with the CMS version that wrote it, into an empty database.");
        }
        if (order < 0) {
            throw new BackupException("The archive has schema version " + archived + " but the database is already at "
                    + current + ". Restore into a database without tables (the backup command migrates it to version "
                    + archived + "); the apps migrate it further when they start.");
        }
        Set<String> archivedTables = manifest.tables().stream().map(Manifest.Table::name)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> knownTables = BackupTables.ALL.stream().map(BackupTable::name)
                .collect(Collectors.toCollection(TreeSet::new));
        if (!archivedTables.equals(knownTables)) {
            throw new BackupException("The archive's tables " + archivedTables + " are not the tables this version backs up "
                    + knownTables + ": restore it with the CMS version that wrote it");
        }
        Map<String, List<Column>> columns = new LinkedHashMap<>();
        for (Manifest.Table table : manifest.tables()) {
            Map<String, Column> present = new LinkedHashMap<>();
            Column.of(target, table.name()).forEach(column -> present.put(column.name(), column));
            List<Column> restored = new ArrayList<>();
            for (Column column : table.columns()) {
                Column existing = present.remove(column.name());
                if (existing == null) {
                    throw new BackupException("The archive's table " + table.name() + " has a column " + column.name()
                            + " that the database lacks");
                }
                restored.add(existing);
            }
            present.keySet().removeAll(table.omitted());
            if (!present.isEmpty()) {
                throw new BackupException("The database's table " + table.name() + " has columns the archive lacks: "
                        + String.join(", ", present.keySet()));
            }
            columns.put(table.name(), restored);
        }
        return columns;
    }
}
