package health.cms.admin.reviewer;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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

import health.cms.admin.web.DeskRoles;
import health.cms.admin.web.DeskUser;
import health.cms.admin.web.Failures;
import health.cms.admin.web.Forms;
import health.cms.core.refusal.Refusal;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * A medical reviewer's own page: the specialties and languages that decide which articles are suggested to
 * them, and their conflict-of-interest declarations (organisation, kind, period), which the review screen
 * shows beside every article they review.
 */
@Path("/reviewing")
@RolesAllowed(DeskRoles.MEDICAL_REVIEWER)
@Produces(MediaType.TEXT_HTML)
public class ReviewingPages {

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance page(ReviewingView view);
    }

    /** The reviewer's record (null without a reviewer profile), what was typed into a refused form, why. */
    public record ReviewingView(Expertise.Record record, Map<String, String> typed, String message,
            Map<String, String> errors, String done) {

        public String typed(String field) {
            return typed.get(field);
        }

        public String specialties() {
            return typed.getOrDefault("specialties", String.join(", ", record.profile().specialties()));
        }

        public String languages() {
            return typed.getOrDefault("languages", String.join(", ", record.profile().languages()));
        }
    }

    @Inject
    DeskUser user;
    @Inject
    Expertise expertise;

    @GET
    public TemplateInstance page(@QueryParam("done") String done) {
        return Templates.page(new ReviewingView(expertise.of(user.username()).orElse(null), Map.of(), null, Map.of(),
                done));
    }

    @POST
    @Path("/expertise")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response keep(@RestForm String specialties, @RestForm String languages) {
        try {
            expertise.keep(user.actor(), list("specialties", specialties), list("languages", languages));
        } catch (Refusal e) {
            return refused(e, Map.of("specialties", nz(specialties), "languages", nz(languages)));
        }
        return Forms.seeOther("/reviewing?done=expertise");
    }

    @POST
    @Path("/declarations")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response declare(@RestForm String organisation, @RestForm String kind, @RestForm String periodFrom,
            @RestForm String periodTo) {
        try {
            expertise.declare(user.actor(), organisation, kind, date("periodFrom", periodFrom, true),
                    date("periodTo", periodTo, false));
        } catch (Refusal e) {
            return refused(e, Map.of("organisation", nz(organisation), "kind", nz(kind), "periodFrom", nz(periodFrom),
                    "periodTo", nz(periodTo)));
        }
        return Forms.seeOther("/reviewing?done=declared");
    }

    @POST
    @Path("/declarations/{declaration}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response withdraw(@PathParam("declaration") long declaration) {
        expertise.withdraw(user.actor(), declaration);
        return Forms.seeOther("/reviewing?done=withdrawn");
    }

    private Response refused(Refusal e, Map<String, String> typed) {
        Forms.rethrowUnlessAboutTheForm(e);
        return Failures.refusedForm(e, Templates.page(new ReviewingView(expertise.of(user.username()).orElse(null),
                typed, Failures.formMessage(e), e.fieldErrors(), null)));
    }

    /** Comma-separated entries; the service checks their number and length. */
    private static List<String> list(String field, String commaSeparated) {
        if (commaSeparated == null) {
            return List.of();
        }
        if (commaSeparated.length() > Expertise.MAX_ENTRIES * (Expertise.MAX_ENTRY + 2)) {
            throw Refusal.invalid(Map.of(field, "is too long"));
        }
        return Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static LocalDate date(String field, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw Refusal.invalid(Map.of(field, "is required"));
            }
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw Refusal.invalid(Map.of(field, "must be a date like 2025-01-31"));
        }
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }
}
