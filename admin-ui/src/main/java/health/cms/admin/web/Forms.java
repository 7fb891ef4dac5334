package health.cms.admin.web;

import java.net.URI;
import java.util.Map;

import jakarta.ws.rs.core.Response;

import health.cms.core.refusal.Refusal;

/** What every desk form handler needs: blank fields as absent, the version it was loaded at, and the 303 after success. */
public final class Forms {

    private Forms() {
    }

    /** A field left empty means "not given". */
    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** The version the form was loaded at; without it the save cannot be checked against newer changes. */
    public static long requireVersion(Long version) {
        if (version == null) {
            throw Refusal.invalid(Map.of("version", "is missing; reload the page"));
        }
        return version;
    }

    /** POST-redirect-GET: the result page, so a reload never posts the form again. */
    public static Response seeOther(String location) {
        return Response.seeOther(URI.create(location)).build();
    }

    /**
     * Refusals that are not about what the form says (not allowed, or the thing is gone) get the error
     * page instead of the form: there is nothing to correct in it.
     */
    public static void rethrowUnlessAboutTheForm(Refusal e) {
        if (e instanceof Refusal.NotFound || e instanceof Refusal.Forbidden) {
            throw e;
        }
    }
}
