package health.cms.core.backup;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The table of contents of a backup archive ({@code manifest.json}): what wrote it, the Flyway schema
 * version of the data, and for each table its entry, row count, SHA-256 and columns.
 */
public record Manifest(String format, int formatVersion, String schemaVersion, String createdAt, String database,
        List<Table> tables) {

    /** Marks a file as one of ours. */
    public static final String FORMAT = "health.cms.backup";
    /** Raised when the layout of the archive changes; a reader refuses versions newer than its own. */
    public static final int FORMAT_VERSION = 1;
    public static final String ENTRY = "manifest.json";

    /** For manifests and rows; plain Jackson, since the backup also runs outside the apps. */
    static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT);

    public Manifest {
        tables = List.copyOf(tables);
    }

    /** One table's entry: its rows are the lines of {@code entry}, whose bytes hash to {@code sha256}. */
    public record Table(String name, String entry, long rows, String sha256, List<Column> columns,
            List<String> omitted) {

        public Table {
            columns = List.copyOf(columns);
            omitted = List.copyOf(omitted);
        }
    }

    public Optional<Table> table(String name) {
        return tables.stream().filter(table -> table.name().equals(name)).findFirst();
    }

    public long totalRows() {
        return tables.stream().mapToLong(Table::rows).sum();
    }
}
