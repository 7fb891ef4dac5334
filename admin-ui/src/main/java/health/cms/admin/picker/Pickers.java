package health.cms.admin.picker;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import health.cms.admin.catalog.DeskCatalog;
import health.cms.admin.web.DeskRoles;
import health.cms.core.refusal.Refusal;

/**
 * The type-ahead behind the editor's byline, tag and category pickers: catalog entries whose name or slug
 * contains what was typed. A GET that changes nothing, so it needs no CSRF token; the editor's selects still
 * post without it.
 */
@Path("/pickers")
@RolesAllowed({DeskRoles.WRITER, DeskRoles.MEDICAL_REVIEWER, DeskRoles.EDITOR})
@Produces(MediaType.APPLICATION_JSON)
public class Pickers {

    /** Longer than any name in the catalog; a longer query is a mistake or an attack, refused before any work. */
    static final int MAX_QUERY = 100;
    /** Suggestions per answer: what fits under a field. */
    static final int MAX_SUGGESTIONS = 20;

    @Inject
    DeskCatalog catalog;

    /** One suggestion: the value the form posts (a slug) and what a person reads. */
    public record Suggestion(String value, String label) {
    }

    @GET
    @Path("/{kind: authors|tags|categories}")
    public List<Suggestion> suggest(@PathParam("kind") String kind, @QueryParam("q") String query) {
        String typed = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        if (typed.length() > MAX_QUERY) {
            throw Refusal.invalid(Map.of("q", "must be at most " + MAX_QUERY + " characters"));
        }
        return candidates(kind).filter(s -> s.label().toLowerCase(Locale.ROOT).contains(typed) || s.value().contains(typed))
                .limit(MAX_SUGGESTIONS).toList();
    }

    private Stream<Suggestion> candidates(String kind) {
        return switch (kind) {
            // Only people the desk has made authors may stand in a byline (the workflow refuses the others).
            case "authors" -> catalog.profiles().stream().filter(p -> p.isAuthor())
                    .map(p -> new Suggestion(p.slug(),
                            p.displayName() + (p.credentials() == null ? "" : ", " + p.credentials())));
            case "tags" -> catalog.tags().stream().map(t -> new Suggestion(t.slug(), t.name()));
            default -> catalog.categories().stream().map(c -> new Suggestion(c.slug(), c.name()));
        };
    }
}
