package health.cms.core.backup;

import java.io.IOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A column and its PostgreSQL type name ({@code udt_name}), with how its values travel in an archive:
 * numbers and booleans as JSON values, timestamps as ISO-8601 instants, text arrays as JSON arrays,
 * and every other type (jsonb, tsvector, ...) as its exact PostgreSQL text form, cast back on restore.
 */
public record Column(String name, String type) {

    private enum Kind {
        INTEGER, BOOLEAN, TEXT, TIMESTAMP, TEXT_ARRAY, OTHER
    }

    /** The columns of a table of the current schema, in table order. */
    public static List<Column> of(Connection connection, String table) throws SQLException {
        List<Column> columns = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT column_name, udt_name FROM information_schema.columns
                WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position""")) {
            query.setString(1, table);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    columns.add(new Column(rs.getString(1), rs.getString(2)));
                }
            }
        }
        return columns;
    }

    private Kind kind() {
        return switch (type) {
            case "int2", "int4", "int8" -> Kind.INTEGER;
            case "bool" -> Kind.BOOLEAN;
            case "text", "varchar", "bpchar" -> Kind.TEXT;
            case "timestamptz" -> Kind.TIMESTAMP;
            case "_text", "_varchar" -> Kind.TEXT_ARRAY;
            default -> Kind.OTHER;
        };
    }

    /** The column name quoted for SQL. */
    public String sqlName() {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /** The parameter marker for an INSERT or UPDATE of this column. */
    public String placeholder() {
        return kind() == Kind.OTHER ? "CAST(? AS " + type.replaceAll("[^a-z0-9_]", "") + ")" : "?";
    }

    /** Writes the value at {@code index} of the current row as the JSON field of this column. */
    public void write(ResultSet rs, int index, JsonGenerator out) throws SQLException, IOException {
        out.writeFieldName(name);
        switch (kind()) {
            case INTEGER -> {
                long value = rs.getLong(index);
                if (rs.wasNull()) {
                    out.writeNull();
                } else {
                    out.writeNumber(value);
                }
            }
            case BOOLEAN -> {
                boolean value = rs.getBoolean(index);
                if (rs.wasNull()) {
                    out.writeNull();
                } else {
                    out.writeBoolean(value);
                }
            }
            case TIMESTAMP -> {
                OffsetDateTime value = rs.getObject(index, OffsetDateTime.class);
                out.writeString(value == null ? null : value.toInstant().toString());
            }
            case TEXT_ARRAY -> {
                Array array = rs.getArray(index);
                if (array == null) {
                    out.writeNull();
                } else {
                    out.writeStartArray();
                    for (Object element : (Object[]) array.getArray()) {
                        out.writeString((String) element);
                    }
                    out.writeEndArray();
                }
            }
            case TEXT, OTHER -> out.writeString(rs.getString(index));
        }
    }

    /** Binds a value read from an archive to parameter {@code index}. */
    public void bind(PreparedStatement statement, int index, JsonNode value) throws SQLException {
        Kind kind = kind();
        if (value == null || value.isNull()) {
            statement.setNull(index, switch (kind) {
                case INTEGER -> Types.BIGINT;
                case BOOLEAN -> Types.BOOLEAN;
                case TIMESTAMP -> Types.TIMESTAMP_WITH_TIMEZONE;
                case TEXT_ARRAY -> Types.ARRAY;
                case TEXT, OTHER -> Types.VARCHAR;
            });
            return;
        }
        boolean fits = switch (kind) {
            case INTEGER -> value.isIntegralNumber();
            case BOOLEAN -> value.isBoolean();
            case TEXT_ARRAY -> value.isArray();
            case TEXT, TIMESTAMP, OTHER -> value.isTextual();
        };
        if (!fits) {
            throw new BackupException("Column " + name + " (" + type + ") cannot hold the archived value " + value);
        }
        switch (kind) {
            case INTEGER -> statement.setLong(index, value.longValue());
            case BOOLEAN -> statement.setBoolean(index, value.booleanValue());
            case TIMESTAMP -> statement.setObject(index,
                    OffsetDateTime.ofInstant(Instant.parse(value.textValue()), ZoneOffset.UTC));
            case TEXT_ARRAY -> {
                List<String> elements = new ArrayList<>();
                value.forEach(element -> elements.add(element.isNull() ? null : element.textValue()));
                Connection connection = statement.getConnection();
                statement.setArray(index, connection.createArrayOf("text", elements.toArray()));
            }
            case TEXT, OTHER -> statement.setString(index, value.textValue());
        }
    }
}
