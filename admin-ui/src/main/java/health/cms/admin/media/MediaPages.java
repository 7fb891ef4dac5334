package health.cms.admin.media;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
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
import org.jboss.resteasy.reactive.multipart.FileUpload;

import health.cms.admin.web.DeskRoles;
import health.cms.admin.web.DeskUser;
import health.cms.admin.web.Failures;
import health.cms.admin.web.Forms;
import health.cms.core.article.RevisionRepository;
import health.cms.core.media.MediaDescription;
import health.cms.core.refusal.Refusal;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The desk's media library: a grid of thumbnails with search and a tag filter, an upload form for several
 * files (plain form post; with JavaScript, drag and drop and progress per file), and a page per image to
 * describe it.
 */
@Path("/media")
@RolesAllowed({DeskRoles.WRITER, DeskRoles.MEDICAL_REVIEWER, DeskRoles.EDITOR})
@Produces(MediaType.TEXT_HTML)
public class MediaPages {

    static final int SHOWN = 60;

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance library(List<MediaView> assets, String q, String tag, String message,
                Map<String, String> errors);

        static native TemplateInstance asset(MediaView asset, Map<String, String> values, String message,
                Map<String, String> errors, List<RevisionRepository.ImageUse> uses);
    }

    @Inject
    DeskUser user;
    @Inject
    MediaLibrary library;

    @GET
    public TemplateInstance index(@QueryParam("q") @Size(max = 200) String q, @QueryParam("tag") @Size(max = 60) String tag,
            @QueryParam("uploaded") @Size(max = 10) String uploaded) {
        String message = uploaded == null ? null : "Uploaded: " + uploaded.replaceAll("[^0-9]", "") + " image(s).";
        return Templates.library(library.search(q, tag, 0, SHOWN), nz(q), nz(tag), message, Map.of());
    }

    /** Each file is stored or refused on its own; the first refusal is shown with the form. */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@RestForm("file") List<FileUpload> files, @BeanParam MediaFields fields) {
        List<MediaLibrary.Stored> stored = new ArrayList<>();
        try {
            List<FileUpload> chosen = files == null
                    ? List.of()
                    : files.stream().filter(f -> f.uploadedFile() != null && f.size() > 0).toList();
            if (chosen.isEmpty()) {
                throw Refusal.invalid("file", "Choose one or more images");
            }
            MediaDescription description = fields.description();
            for (FileUpload file : chosen) {
                try {
                    stored.add(library.upload(user.actor(), MediaApi.read(file, library.maxBytes()), description));
                } catch (Refusal.Invalid e) {
                    throw Refusal.invalid("file", file.fileName() + ": " + e.fieldErrors().getOrDefault("file",
                            "refused"));
                }
            }
        } catch (Refusal e) {
            Forms.rethrowUnlessAboutTheForm(e);
            String message = stored.isEmpty()
                    ? Failures.formMessage(e)
                    : "Uploaded " + stored.size() + " image(s) before this one was refused.";
            return Failures.refusedForm(e, Templates.library(library.search(null, null, 0, SHOWN), "", "", message,
                    e.fieldErrors()));
        }
        return stored.size() == 1
                ? Forms.seeOther("/media/" + stored.get(0).asset().id())
                : Forms.seeOther("/media?uploaded=" + stored.size());
    }

    @GET
    @Path("/{id}")
    public TemplateInstance asset(@PathParam("id") long id, @QueryParam("saved") @Size(max = 5) String saved) {
        MediaView asset = library.get(id);
        return Templates.asset(asset, MediaFields.values(asset), saved == null ? null : "Saved.", Map.of(),
                library.usesOf(id));
    }

    @POST
    @Path("/{id}")
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA})
    public Response describe(@PathParam("id") long id, @RestForm Long version, @BeanParam MediaFields fields) {
        try {
            library.describe(user.actor(), id, Forms.requireVersion(version), fields.description());
            return Forms.seeOther("/media/" + id + "?saved=1");
        } catch (Refusal e) {
            Forms.rethrowUnlessAboutTheForm(e);
            // The form comes back as typed, at the version it was loaded at.
            return Failures.refusedForm(e, Templates.asset(library.get(id), fields.values(), Failures.formMessage(e),
                    e.fieldErrors(), library.usesOf(id)));
        }
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }
}
