package health.cms.workflow.publication;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class ProjectionTest {

    @Test
    void documentTimesAreTheDatabasesMicrosecondsSoARestoredDocumentIsTheSame() {
        assertEquals(Instant.parse("2026-12-02T13:42:28.371642Z"),
                Projection.stored(Instant.parse("2026-12-02T13:42:28.371641845Z")));
        assertEquals(Instant.parse("2026-12-02T13:42:31.024366Z"),
                Projection.stored(Instant.parse("2026-12-02T13:42:31.024366047Z")));
        assertEquals(Instant.parse("2026-12-02T13:43:00Z"), Projection.stored(Instant.parse("2026-12-02T13:42:59.9999995Z")));
    }
}
