package health.cms.admin.importing;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
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
            String body = file != null && file.size() > 0 ? read(file) : pasted;
            ImportJob job = importer.start(user.actor(), body, submit);
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

    /** The file's text; anything but UTF-8 is refused rather than imported with broken characters. */
    private static String read(FileUpload file) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file.uploadedFile()))).toString();
        } catch (CharacterCodingException e) {
            throw Refusal.invalid(Map.of("file", "is not UTF-8 text; save it as UTF-8 JSON Lines"));
        } catch (IOException e) {
            throw Refusal.invalid(Map.of("file", "could not be read; upload it again"));
        }
    }
}
