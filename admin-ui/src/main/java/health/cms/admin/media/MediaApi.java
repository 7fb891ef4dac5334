package health.cms.admin.media;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import health.cms.admin.web.CurrentActor;
import health.cms.admin.web.DeskRoles;
import health.cms.admin.web.ManagementApi;
import health.cms.admin.web.PageRequest;
import health.cms.admin.web.Versions;
import health.cms.core.media.MediaDescription;
import health.cms.core.refusal.Refusal;

/**
 * The media library over the management API: upload (multipart, the image in part {@code file}), search,
 * read, and describe with If-Match. Writers and editors change it; every desk role reads it.
 */
@ManagementApi
@Path("/manage/v1/media")
@RolesAllowed({DeskRoles.WRITER, DeskRoles.MEDICAL_REVIEWER, DeskRoles.EDITOR})
@Produces(MediaType.APPLICATION_JSON)
public class MediaApi {

    @Inject
    MediaLibrary library;
    @Inject
    CurrentActor actor;

    /** The description as JSON: every field is replaced (a missing one is cleared). */
    public record MediaInput(@Size(max = MediaDescription.ALT_TEXT_MAX) String altText,
            @Size(max = MediaDescription.CAPTION_MAX) String caption,
            @Size(max = MediaDescription.CREDIT_MAX) String credit,
            @Size(max = MediaDescription.LICENSE_MAX) String license,
            @Size(max = MediaDescription.SOURCE_MAX) String source,
            @Valid FocalPointInput focalPoint,
            @Size(max = MediaDescription.TAGS_MAX) List<@NotNull @Size(max = MediaDescription.TAG_MAX) String> tags,
            boolean showsPatient, @Valid ConsentInput consent) {

        MediaDescription description() {
            return new MediaDescription(altText, caption, credit, license, source,
                    focalPoint == null ? 0.5 : focalPoint.x(), focalPoint == null ? 0.5 : focalPoint.y(), tags,
                    showsPatient, consent == null
                            ? null
                            : new MediaDescription.Consent(consent.givenBy(), consent.givenAt(), consent.reference()));
        }
    }

    /** 0..1 from the left and from the top. */
    public record FocalPointInput(@NotNull @DecimalMin("0") @DecimalMax("1") Double x,
            @NotNull @DecimalMin("0") @DecimalMax("1") Double y) {
    }

    /** Who gave the patient's consent, when, and where the signed form is kept. */
    public record ConsentInput(@Size(max = MediaDescription.CONSENT_FIELD_MAX) String givenBy, Instant givenAt,
            @Size(max = MediaDescription.CONSENT_FIELD_MAX) String reference) {
    }

    /** 201 with the new asset, or 200 with the stored one when these bytes were uploaded before. */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@RestForm("file") FileUpload file, @BeanParam MediaFields fields) {
        MediaLibrary.Stored stored = library.upload(actor.get(), read(file, library.maxBytes()), fields.description());
        MediaView asset = stored.asset();
        return stored.created()
                ? Versions.created("/manage/v1/media/" + asset.id(), asset, asset.version())
                : Versions.ok(asset, asset.version());
    }

    @GET
    public Response search(@QueryParam("q") @Size(max = 200) String q, @QueryParam("tag") @Size(max = 60) String tag,
            @BeanParam PageRequest page) {
        return page.respond((offset, rows) -> library.search(q, tag, offset, rows));
    }

    @GET
    @Path("/{id}")
    public Response get(@PathParam("id") long id) {
        MediaView asset = library.get(id);
        return Versions.ok(asset, asset.version());
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response describe(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid MediaInput body) {
        MediaView asset = library.describe(actor.get(), id, Versions.fromIfMatch(ifMatch), body.description());
        return Versions.ok(asset, asset.version());
    }

    /** The uploaded part's bytes, refused before reading when it is over the limit. */
    static byte[] read(FileUpload file, long maxBytes) {
        if (file == null || file.uploadedFile() == null) {
            throw Refusal.invalid("file", "Attach the image in a part named file");
        }
        if (file.size() > maxBytes) {
            throw Refusal.invalid("file", String.format(java.util.Locale.ROOT,
                    "The file has %.1f MB; the largest accepted is %.1f MB", file.size() / 1_048_576.0,
                    maxBytes / 1_048_576.0));
        }
        try {
            return Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw Refusal.invalid(Map.of("file", "could not be read; upload it again"));
        }
    }
}
