package health.cms.delivery.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The api's one door to PostgreSQL: runs a read on the {@code read} datasource (which may point at a
 * read replica) and maps each row to a record, turning database failures into the two the API answers.
 */
@ApplicationScoped
public class ReadModel {

    private final DataSource read;
    private final ObjectMapper json;

    ReadModel(@io.quarkus.agroal.DataSource("read") DataSource read, ObjectMapper json) {
        this.read = read;
        this.json = json;
    }

    /** The same door over another datasource (the preview API reads working revisions through a role of its own). */
    public static ReadModel over(DataSource dataSource, ObjectMapper json) {
        return new ReadModel(dataSource, json);
    }

    /** Maps one row. */
    @FunctionalInterface
    public interface RowMapper<T> {

        T map(ResultSet rs) throws SQLException;
    }

    public <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) {
        try (Connection connection = read.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                List<T> result = new ArrayList<>();
                while (rs.next()) {
                    result.add(mapper.map(rs));
                }
                return result;
            }
        } catch (SQLException e) {
            // SQLState class 22 is a value PostgreSQL refuses (text with NUL, a time out of range): the
            // request's fault, not an outage, even if a check at the edge missed it.
            if (e.getSQLState() != null && e.getSQLState().startsWith("22")) {
                throw new InvalidValueException(e);
            }
            throw new StoreUnavailableException(e);
        }
    }

    /**
     * Every row of a large read, mapped one at a time as the caller consumes the stream (PostgreSQL sends
     * {@code fetchSize} rows per round trip inside a read-only transaction); close the stream when done.
     */
    public <T> Stream<T> stream(String sql, int fetchSize, RowMapper<T> mapper) {
        try {
            Connection connection = read.getConnection();
            try {
                connection.setAutoCommit(false);
                connection.setReadOnly(true);
                PreparedStatement statement = connection.prepareStatement(sql);
                statement.setFetchSize(fetchSize);
                ResultSet rs = statement.executeQuery();
                Spliterator<T> rows = new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE, Spliterator.ORDERED) {

                    @Override
                    public boolean tryAdvance(Consumer<? super T> action) {
                        try {
                            if (!rs.next()) {
                                return false;
                            }
                            action.accept(mapper.map(rs));
                            return true;
                        } catch (SQLException e) {
                            throw new StoreUnavailableException(e);
                        }
                    }
                };
                return StreamSupport.stream(rows, false).onClose(() -> {
                    try (connection) {
                        connection.rollback();
                    } catch (SQLException e) {
                        // the read is over either way; the pool discards a broken connection
                    }
                });
            } catch (SQLException | RuntimeException e) {
                connection.close();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreUnavailableException(e);
        }
    }

    public <T> Optional<T> first(String sql, RowMapper<T> mapper, Object... params) {
        return query(sql, mapper, params).stream().findFirst();
    }

    /** A JSON column as the projector wrote it. */
    public JsonNode readTree(String text) {
        try {
            return json.readTree(text == null ? "null" : text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The read model holds JSON written by the projector", e);
        }
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    /** The database refused a value taken from the request; the API says 400. */
    public static class InvalidValueException extends RuntimeException {

        InvalidValueException(SQLException cause) {
            super("A value of the request was refused by the content store", cause);
        }
    }

    /** The database could not answer; the API says 503 and nothing else. */
    public static class StoreUnavailableException extends RuntimeException {

        StoreUnavailableException(SQLException cause) {
            super("The content store is unavailable", cause);
        }
    }
}
