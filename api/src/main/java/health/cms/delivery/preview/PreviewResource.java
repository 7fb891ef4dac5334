package health.cms.delivery.preview;

import java.time.Clock;

import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import health.cms.core.slug.Slugs;
import health.cms.workflow.review.ReviewStatus;

/**
 * An article's working revision for preview-key holders (the edge refuses everyone else): the published shape
 * plus {@code preview}, {@code state}, {@code workingRevision} and {@code signed}. Never stored by a shared
 * cache, never indexed, and in no feed, sitemap, search or webhook, which all read the published read model.
 */
@Path("/api/v1/preview/articles")
@Produces(MediaType.APPLICATION_JSON)
public class PreviewResource {

    /** Status of the medical review of a revision nobody has signed yet. */
    static final String NOT_SIGNED = "not-signed";

    @Inject
    PreviewArticles previews;
    @Inject
    ObjectMapper json;
    @Inject
    Clock clock;

    @GET
    @Path("/{slug}")
    @Operation(summary = "The working revision of an article, as it would be served once published",
            description = "Needs an API key with the preview scope (Authorization: Bearer <key> or X-Api-Key).")
    public Response bySlug(
            @PathParam("slug") @Size(max = Slugs.MAX_LENGTH) @Pattern(regexp = Slugs.PATTERN, message = "must be lowercase letters, digits and single hyphens") String slug) {
        PreviewArticles.Preview preview = previews.bySlug(slug).orElseThrow(NotFoundException::new);
        ObjectNode view = json.valueToTree(preview.article());
        ((ObjectNode) view.path("medicalReview")).put("status", preview.signed()
                ? ReviewStatus.of(preview.nextReviewDue(), clock.instant()).value()
                : NOT_SIGNED);
        view.put("preview", true);
        view.put("state", preview.state());
        view.put("workingRevision", preview.workingRevision());
        view.put("signed", preview.signed());
        return Response.ok(view).header("Cache-Control", "private, no-store").header("X-Robots-Tag", "noindex")
                .build();
    }
}
