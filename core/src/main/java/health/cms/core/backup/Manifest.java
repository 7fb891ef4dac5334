package health.cms.core.backup;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The table of contents of a backup archive ({@code manifest.json}): what wrote it, the Flyway schema
 * version of the data, for each table its entry, row count, SHA-256 and columns, and the media library's
 * stored originals ({@code media/<sha256>/original.<ext>}, each addressed by the SHA-256 of its bytes).
 */
public record Manifest(String format, int formatVersion, String schemaVersion, String createdAt, String database,
        List<Table> tables, List<Blob> media) {

    /** Marks a file as one of ours. */
    public static final String FORMAT = "health.cms.backup";
    /**
     * Raised when the layout of the archive changes; a reader refuses versions newer than its own. Version 2 carries
     * the media's originals (version 1 archives have none; their images must already be in the media store).
     */
    public static final int FORMAT_VERSION = 2;
    public static final String ENTRY = "manifest.json";

    /** For manifests and rows; plain Jackson, since the backup also runs outside the apps. */
    static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT);

    public Manifest {
        tables = List.copyOf(tables);
        media = media == null ? List.of() : List.copyOf(media);
    }

    /** One stored blob: the bytes of {@code entry} are the blob {@code name} of image {@code sha256}. */
    public record Blob(String sha256, String name, String entry, long bytes) {

        /** Where an image's blob lies in the archive. */
        public static String entry(String sha256, String name) {
            return "media/" + sha256 + "/" + name;
        }
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

    public Optional<Blob> blob(String sha256, String name) {
        return media.stream().filter(blob -> blob.sha256().equals(sha256) && blob.name().equals(name)).findFirst();
    }

    public long totalRows() {
        return tables.stream().mapToLong(Table::rows).sum();
    }
}
