package health.cms.delivery.preview;

import java.time.Clock;
import java.util.Optional;

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

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import health.cms.core.preview.ShareToken;
import health.cms.core.problem.Problem;
import health.cms.core.slug.Slugs;
import health.cms.delivery.apikey.KeyGate;
import health.cms.workflow.review.ReviewStatus;

/**
 * An article's working revision for preview-key holders and share-link holders (the edge refuses everyone else, and this resource asks again): the published shape
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
    @Inject
    PreviewLinkConfig config;
    @Inject
    KeyGate gate;

    @GET
    @Path("/{slug}")
    @Operation(summary = "The working revision of an article, as it would be served once published", description = "Needs an API key with the preview scope (Authorization: Bearer <key> or X-Api-Key), "
            + "or the token of a share link made on the desk (?token=).")
    public Response bySlug(
            @PathParam("slug") @Size(max = Slugs.MAX_LENGTH) @Pattern(regexp = Slugs.PATTERN, message = "must be lowercase letters, digits and single hyphens") String slug,
            @QueryParam("token") @Size(max = ShareToken.MAX_LENGTH) String token,
            @HeaderParam("X-Api-Key") String apiKey, @HeaderParam("Authorization") String authorization) {
        Optional<ShareToken> link = Optional.empty();
        if (token == null && !gate.hasPreviewKey(apiKey, authorization)) {
            return refused("preview-key-required", "Preview key required",
                    "The preview API serves unpublished revisions to preview-key and share-link holders only");
        }
        if (token != null) {
            // The edge let this request in for its token alone, or with a preview key: either way a token sent is checked.
            link = ShareToken.verify(token, config.linkKey());
            if (link.isEmpty()) {
                return refused("share-link-invalid", "Invalid preview link",
                        "This preview link was not issued by this CMS or was cut short; ask for a new one");
            }
            if (link.get().expiredAt(clock.instant())) {
                return refused("share-link-expired", "Preview link expired",
                        "This preview link expired at " + link.get().expiresAt() + "; ask the desk for a new one");
            }
        }
        PreviewArticles.Preview preview = previews.bySlug(slug).orElseThrow(NotFoundException::new);
        if (link.isPresent() && (link.get().articleId() != preview.articleId()
                || !previews.linkStands(link.get().linkId(), preview.articleId()))) {
            return refused("share-link-revoked", "Preview link revoked",
                    "This preview link was revoked, or is for another article; ask the desk for a new one");
        }
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

    private static Response refused(String type, String title, String detail) {
        return Response.status(401).type(Problem.MEDIA_TYPE).header("Cache-Control", "no-store")
                .entity(Problem.of(401, type, title, detail)).build();
    }
}
