package health.cms.webhooks;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Conversions of native query results, whose Java types depend on the JDBC driver and Hibernate. */
final class Sql {

    private Sql() {
    }

    static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        throw new IllegalArgumentException("Not a time: " + value.getClass());
    }

    static Long longValue(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }

    static Integer intValue(Object value) {
        return value == null ? null : ((Number) value).intValue();
    }

    /** PostgreSQL text cannot hold NUL characters, which a receiver's answer may contain. */
    static String text(String value, int maxLength) {
        if (value == null) {
            return null;
        }
        String clean = value.replace('\u0000', ' ');
        return clean.length() > maxLength ? clean.substring(0, maxLength) : clean;
    }
}
