package health.cms.delivery.preview;

import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import com.fasterxml.jackson.databind.node.ObjectNode;

import health.cms.core.preview.ShareToken;
import health.cms.core.problem.Problem;
import health.cms.core.publication.PublicArticle;
import health.cms.core.slug.Slugs;

/**
 * An article's working revision for preview-key holders and share-link holders (the edge refuses everyone else, and this resource asks again): the published shape
 * plus {@code preview}, {@code state}, {@code workingRevision} and {@code signed}. Never stored by a shared
 * cache, never indexed, and in no feed, sitemap, search or webhook, which all read the published read model.
 */
@Path("/api/v1/preview/articles")
@Produces(MediaType.APPLICATION_JSON)
public class PreviewResource {

    @Inject
    PreviewAccess access;

    @GET
    @Path("/{slug}")
    @APIResponse(responseCode = "200", description = "The article's shape plus preview, state, workingRevision and signed", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PublicArticle.class)))
    @Operation(operationId = "getPreview", summary = "The working revision of an article, as it would be served once published", description = "Needs an API key with the preview scope (Authorization: Bearer <key> or X-Api-Key), "
            + "or the token of a share link made on the desk (?token=).")
    public Response bySlug(
            @PathParam("slug") @Size(max = Slugs.MAX_LENGTH) @Pattern(regexp = Slugs.PATTERN, message = "must be lowercase letters, digits and single hyphens") String slug,
            @QueryParam("token") @Size(max = ShareToken.MAX_LENGTH) String token,
            @HeaderParam("X-Api-Key") String apiKey, @HeaderParam("Authorization") String authorization) {
        ObjectNode view;
        try {
            view = access.open(slug, token, apiKey, authorization).orElseThrow(NotFoundException::new);
        } catch (PreviewAccess.RefusedException e) {
            return Response.status(401).type(Problem.MEDIA_TYPE).header("Cache-Control", "no-store")
                    .entity(e.problem()).build();
        }
        return Response.ok(view).header("Cache-Control", "private, no-store").header("X-Robots-Tag", "noindex")
                .build();
    }
}
