package health.cms.admin.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import io.quarkus.qute.TemplateExtension;

/** How the desk's templates show times: one readable UTC format, and the value a datetime-local input takes. */
@TemplateExtension
public class DeskFormats {

    private static final DateTimeFormatter READABLE = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    static String when(Instant instant) {
        return instant == null ? "" : READABLE.format(instant);
    }

    static String day(Instant instant) {
        return instant == null ? "" : DATE.format(instant);
    }
}
