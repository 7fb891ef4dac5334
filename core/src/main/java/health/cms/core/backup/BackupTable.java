package health.cms.core.backup;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One table as a backup sees it: the key that orders its rows, the columns that point forward to a
 * table restored later (filled in a second pass), and the columns that are never exported (secrets).
 */
public record BackupTable(String name, List<String> key, Set<String> deferred, Set<String> omitted) {

    public BackupTable {
        key = List.copyOf(key);
        deferred = Set.copyOf(deferred);
        omitted = Set.copyOf(omitted);
    }

    /** A table exported whole, rows ordered by the given key columns. */
    public static BackupTable of(String name, String... key) {
        return new BackupTable(name, List.of(key), Set.of(), Set.of());
    }

    /** These columns reference rows restored later; they are written once every table is loaded. */
    public BackupTable deferring(String... columns) {
        return new BackupTable(name, key, Set.of(columns), omitted);
    }

    /**
     * These columns never leave the database (for example a webhook's signing secret); a restore leaves
     * them to their column default, so they must be nullable or have one.
     */
    public BackupTable omitting(String... columns) {
        return new BackupTable(name, key, deferred, Set.copyOf(Stream.concat(omitted.stream(), Stream.of(columns)).toList()));
    }

    /** The archive entry holding the rows, one JSON object per line. */
    public String entry() {
        return "tables/" + name + ".jsonl";
    }
}
