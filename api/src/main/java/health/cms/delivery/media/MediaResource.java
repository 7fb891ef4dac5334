package health.cms.delivery.media;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import health.cms.core.media.BlobStore;
import health.cms.core.media.ImageFormat;
import health.cms.core.refusal.Refusal;

/**
 * The stored images and their renditions, read from the BlobStore the desk writes: {@code /media/<sha256>/640.jpg},
 * {@code /media/<sha256>/original.jpg}. A URL's bytes never change (the hash names them), so every answer may be
 * cached forever and the ETag is the hash.
 */
@Path("/media")
public class MediaResource {

    /** A year, immutable: the most any cache honours, for bytes that can never change. */
    static final String CACHE_FOREVER = "public, max-age=31536000, immutable";

    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern NAME = Pattern.compile("(original|[1-9][0-9]{1,4})\\.([a-z]{3,4})");

    @Inject
    BlobStore store;

    @GET
    @Path("/{hash}/{name}")
    @Operation(summary = "An image or one of its renditions", description = "The original as original.<ext>, a "
            + "rendition as <width>.<ext> (the widths and URLs are in the management API's answer). Immutable: "
            + "cache it forever; If-None-Match with the ETag answers 304.")
    @APIResponse(responseCode = "200", description = "The image", content = {@Content(mediaType = "image/jpeg"),
            @Content(mediaType = "image/png"), @Content(mediaType = "image/webp"), @Content(mediaType = "image/gif")})
    @APIResponse(responseCode = "304", description = "Not modified")
    @APIResponse(responseCode = "404", description = "No such image or rendition (or not made yet)")
    public Response get(@PathParam("hash") String hash, @PathParam("name") String name,
            @HeaderParam("If-None-Match") String ifNoneMatch) {
        Matcher named = NAME.matcher(name);
        Optional<ImageFormat> format = named.matches() ? ImageFormat.ofExtension(named.group(2)) : Optional.empty();
        if (!HASH.matcher(hash).matches() || format.isEmpty()) {
            throw Refusal.notFound("Media");
        }
        EntityTag etag = new EntityTag(hash);
        if (ifNoneMatch != null && (ifNoneMatch.contains("\"" + etag.getValue() + "\"") || ifNoneMatch.strip().equals("*"))
                && store.exists(hash, name)) {
            return Response.notModified(etag).header("Cache-Control", CACHE_FOREVER).build();
        }
        // A file of this machine goes to the socket by sendfile; a blob of a remote store through memory.
        Object body = store.localFile(hash, name).<Object>map(java.nio.file.Path::toFile)
                .orElseGet(() -> store.get(hash, name).orElseThrow(() -> Refusal.notFound("Media")));
        return Response.ok(body, format.get().mediaType()).tag(etag).header("Cache-Control", CACHE_FOREVER).build();
    }
}
