package health.cms.admin.calendar;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import health.cms.admin.catalog.DeskCatalog;
import health.cms.admin.web.DeskRoles;
import health.cms.admin.web.DeskUser;
import health.cms.admin.web.Failures;
import health.cms.admin.web.Forms;
import health.cms.core.refusal.Refusal;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The editors' calendar: a month or week of planned publications, unpublications and re-reviews due, and a
 * form on each planned change to move it to another day (the page's script lets the editor drag it there).
 */
@Path("/calendar")
@RolesAllowed(DeskRoles.EDITOR)
@Produces(MediaType.TEXT_HTML)
public class CalendarPages {

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance calendar(CalendarView view);
    }

    @Inject
    DeskUser user;
    @Inject
    EditorialCalendar calendar;
    @Inject
    DeskCatalog catalog;
    @Inject
    Clock clock;

    @GET
    public TemplateInstance show(@QueryParam("view") String view, @QueryParam("date") String date,
            @QueryParam("category") String category, @QueryParam("done") String done) {
        return page(CalendarView.Period.parse(view), CalendarParams.day("date", date, today()),
                CalendarParams.category(category), "moved".equals(done) ? "moved" : null, null);
    }

    /** Moves a planned change to the day posted in {@code to}, keeping its time of day; back to the page shown. */
    @POST
    @Path("/jobs/{job}/move")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response move(@PathParam("job") long job, @BeanParam MoveForm form) {
        CalendarView.Period period = CalendarView.Period.parse(form.view);
        LocalDate shown = CalendarParams.day("date", form.date, today());
        String category = CalendarParams.category(form.category);
        try {
            LocalDate to = CalendarParams.requiredDay("to", form.to);
            calendar.move(user.actor(), job, Forms.requireVersion(form.version), to);
            return Forms.seeOther("/calendar?" + CalendarView.query(period, shown, category) + "&done=moved");
        } catch (Refusal e) {
            if (e instanceof Refusal.NotFound) {
                throw e;
            }
            return Failures.refusedForm(e, page(period, shown, category, null, "Not moved: " + reason(e)));
        }
    }

    private TemplateInstance page(CalendarView.Period period, LocalDate date, String category, String done,
            String failure) {
        LocalDate[] range = CalendarView.range(period, date);
        List<CalendarView.CategoryOption> categories = catalog.categories().stream()
                .map(c -> new CalendarView.CategoryOption(c.slug(), c.name())).toList();
        return Templates.calendar(CalendarView.of(period, date, today(), category, categories,
                calendar.entries(range[0], range[1], category), done, failure));
    }

    /** The refusal in a sentence: the new day's problem, or the workflow's reason. */
    private static String reason(Refusal e) {
        Map<String, String> errors = e.fieldErrors();
        if (errors.containsKey("runAt")) {
            return "the new time " + errors.get("runAt") + ".";
        }
        if (errors.containsKey("to")) {
            return "the new day " + errors.get("to") + ".";
        }
        if (errors.containsKey("version")) {
            return "the article's version " + errors.get("version") + ".";
        }
        return e.getMessage();
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /** The move form: the new day, the article's version as shown, and the page to go back to. */
    public static class MoveForm {

        @RestForm
        public String to;
        @RestForm
        public Long version;
        @RestForm
        public String view;
        @RestForm
        public String date;
        @RestForm
        public String category;
    }
}
