package health.cms.workflow.backup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Child rows ordered by a numeric key (the query's first column, such as a revision or article id),
 * handed out one key at a time, so a check can walk parents and children side by side in flat memory.
 */
final class ByKey<T> implements AutoCloseable {

    /** Maps the current row of a result set. */
    interface RowMapper<T> {

        T map(ResultSet rs) throws SQLException;
    }

    private final PreparedStatement query;
    private final ResultSet rs;
    private final RowMapper<T> mapper;
    private boolean hasRow;

    ByKey(Connection connection, String sql, RowMapper<T> mapper) throws SQLException {
        this.query = connection.prepareStatement(sql);
        this.query.setFetchSize(1_000);
        this.rs = query.executeQuery();
        this.mapper = mapper;
        this.hasRow = rs.next();
    }

    /** The rows of this key; keys must be asked for in ascending order. */
    List<T> take(long key) throws SQLException {
        List<T> rows = new ArrayList<>();
        while (hasRow && rs.getLong(1) <= key) {
            if (rs.getLong(1) == key) {
                rows.add(mapper.map(rs));
            }
            hasRow = rs.next();
        }
        return rows;
    }

    @Override
    public void close() throws SQLException {
        query.close();
    }
}
