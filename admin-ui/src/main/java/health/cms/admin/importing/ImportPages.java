package health.cms.admin.importing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import health.cms.admin.web.DeskRoles;
import health.cms.admin.web.DeskUser;
import health.cms.admin.web.Failures;
import health.cms.admin.web.Forms;
import health.cms.core.refusal.Refusal;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * Bulk import from the desk: upload a JSON Lines file (or paste lines), then watch its progress and
 * read the result of every line. The same importer as the management API does the work.
 */
@Path("/imports")
@RolesAllowed({DeskRoles.WRITER, DeskRoles.MEDICAL_REVIEWER, DeskRoles.EDITOR})
@Produces(MediaType.TEXT_HTML)
public class ImportPages {

    static final int RECENT = 10;

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance index(List<ArticleImporter.ImportView> recent, String message,
                Map<String, String> errors, String pasted);

        static native TemplateInstance job(ArticleImporter.ImportView job);
    }

    @Inject
    DeskUser user;
    @Inject
    ArticleImporter importer;

    @GET
    public TemplateInstance index() {
        return Templates.index(importer.recent(user.actor(), RECENT), null, Map.of(), "");
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response start(@RestForm("file") FileUpload file, @RestForm String lines, @RestForm boolean submit) {
        String pasted = lines == null ? "" : lines;
        try {
            ImportSource source = file != null && file.size() > 0 ? spool(file) : ImportSource.of(pasted, "body");
            ImportJob job = importer.start(user.actor(), source, submit);
            return Forms.seeOther("/imports/" + job.id());
        } catch (Refusal e) {
            return Failures.refusedForm(e, Templates.index(importer.recent(user.actor(), RECENT),
                    Failures.formMessage(e), e.fieldErrors(), pasted));
        }
    }

    @GET
    @Path("/{id}")
    public TemplateInstance job(@PathParam("id") long id) {
        return Templates.job(importer.view(user.actor(), id, true));
    }

    /** The uploaded file, copied line by line from the temporary file the upload was written to. */
    private static ImportSource spool(FileUpload file) {
        try (InputStream in = Files.newInputStream(file.uploadedFile())) {
            return ImportSource.spool(in, "file");
        } catch (IOException e) {
            throw Refusal.invalid(Map.of("file", "could not be read; upload it again"));
        }
    }
}
