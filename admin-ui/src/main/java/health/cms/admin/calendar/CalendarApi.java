package health.cms.admin.calendar;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import health.cms.admin.web.DeskRoles;
import health.cms.admin.web.ManagementApi;

/** The editorial calendar for other tools: the same entries as the desk's calendar page, for a range of days. */
@ManagementApi
@Path("/manage/v1/calendar")
@RolesAllowed(DeskRoles.EDITOR)
@Produces(MediaType.APPLICATION_JSON)
public class CalendarApi {

    /** The days read when the caller names no end: four weeks and the day after, like a month view. */
    static final int DEFAULT_DAYS = 29;

    @Inject
    EditorialCalendar calendar;
    @Inject
    Clock clock;

    @GET
    @Operation(summary = "Planned publications and unpublications and re-reviews due, per UTC day, at most "
            + EditorialCalendar.MAX_DAYS + " days at once")
    public Answer read(
            @Parameter(description = "First day, e.g. 2026-12-01; today (UTC) when absent") @QueryParam("from") String from,
            @Parameter(description = "Last day, included; when absent, four weeks after the first") @QueryParam("to") String to,
            @Parameter(description = "A category slug; all categories when absent") @QueryParam("category") String category) {
        LocalDate first = CalendarParams.day("from", from, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        LocalDate last = CalendarParams.day("to", to, first.plusDays(DEFAULT_DAYS - 1));
        String slug = CalendarParams.category(category);
        return new Answer(first, last, slug, calendar.entries(first, last, slug));
    }

    /** The range asked for and its entries in time order. */
    public record Answer(LocalDate from, LocalDate to, String category, List<CalendarEntry> entries) {
    }
}
