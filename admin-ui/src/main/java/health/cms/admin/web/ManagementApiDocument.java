package health.cms.admin.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

import health.cms.core.problem.Problem;

/**
 * Makes admin-ui's OpenAPI document the management API's: only {@code /manage/} paths (the desk's pages are
 * HTML for people), the bearer scheme, the roles of each operation as {@code x-roles}, and the problem+json
 * answers every operation can give, with 412 and 428 wherever If-Match is taken.
 */
public class ManagementApiDocument implements OASFilter {

    static final String MANAGE = "/manage/";
    static final String SCHEME = "keycloak";

    /**
     * Who may call what, by path prefix (the first match wins); the services check it and
     * {@code AccessMatrix} pins it in tests.
     */
    static final List<Map.Entry<String, String>> ROLES = List.of(
            Map.entry("/manage/v1/articles/{id}/share-links", "writer, medical-reviewer or editor"),
            Map.entry("/manage/v1/share-links", "the link's maker or an editor"),
            Map.entry("/manage/v1/articles/{id}/translations", "reading: any desk role; starting a translation: writer"),
            Map.entry("/manage/v1/translations", "any desk role (writer, medical-reviewer, editor)"),
            Map.entry("/manage/v1/articles", "reading: any desk role; writing and actions: as the workflow's "
                    + "role table says (writer drafts and submits, medical-reviewer approves others' work, editor runs the desk)"),
            Map.entry("/manage/v1/review-queue", "reading: any desk role; approvals: medical-reviewer"),
            Map.entry("/manage/v1/categories", "reading: any desk role; changes: editor"),
            Map.entry("/manage/v1/tags", "reading: any desk role; changes: editor"),
            Map.entry("/manage/v1/authors", "reading: any desk role; changes: editor"),
            Map.entry("/manage/v1/imports", "writer or editor; a job is shown to whoever started it"),
            Map.entry("/manage/v1/media", "reading: any desk role; uploads and descriptions: writer or editor"),
            Map.entry("/manage/v1/webhooks", "editor"),
            Map.entry("/manage/v1/api-keys", "editor"),
            Map.entry("/manage/v1/calendar", "editor"),
            Map.entry("/manage/v1/audit", "medical-reviewer or editor"),
            Map.entry(MANAGE, "any desk role (writer, medical-reviewer, editor)"));

    @Override
    public void filterOpenAPI(OpenAPI document) {
        if (document.getPaths() == null) {
            return;
        }
        for (String path : new ArrayList<>(document.getPaths().getPathItems().keySet())) {
            if (!path.startsWith(MANAGE)) {
                document.getPaths().removePathItem(path);
            }
        }
        if (document.getComponents() == null) {
            document.setComponents(OASFactory.createComponents());
        }
        document.getComponents().addSecurityScheme(SCHEME, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                .description("An access token of the cms realm for client cms-management-api, with the user's realm roles"));
        document.getComponents().addSchema("Problem", problem());
        document.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(SCHEME));
        document.getPaths().getPathItems().forEach((path, item) -> item.getOperations()
                .forEach((method, operation) -> describe(path, method, operation)));
    }

    private static void describe(String path, PathItem.HttpMethod method, Operation operation) {
        operation.addExtension("x-roles", roles(path));
        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses() : operation.getResponses();
        operation.setResponses(responses);
        problem(responses, "400", "Invalid request: the fields or parameters named in errors");
        problem(responses, "401", "No valid bearer token");
        problem(responses, "403", "The caller's roles do not allow this (see x-roles)");
        problem(responses, "404", "No such record");
        if (method != PathItem.HttpMethod.GET) {
            problem(responses, "409", "The record's state does not allow this now");
        }
        if (takesIfMatch(operation)) {
            problem(responses, "412", "If-Match is not the record's current ETag: reload it and apply the change again");
            problem(responses, "428", "If-Match is missing: send the ETag of the last read");
        }
    }

    static String roles(String path) {
        return ROLES.stream().filter(r -> path.startsWith(r.getKey())).findFirst().map(Map.Entry::getValue).orElseThrow();
    }

    private static boolean takesIfMatch(Operation operation) {
        return operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> p.getIn() == Parameter.In.HEADER && "If-Match".equalsIgnoreCase(p.getName()));
    }

    /** Adds the problem+json body to the answer, creating it when the scanner did not (it adds 401 and 403 bare). */
    private static void problem(APIResponses responses, String status, String description) {
        APIResponse response = responses.getAPIResponse(status);
        if (response == null) {
            response = OASFactory.createAPIResponse().description(description);
            responses.addAPIResponse(status, response);
        }
        if (response.getContent() == null) {
            response.setContent(OASFactory.createContent());
        }
        response.getContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref("#/components/schemas/Problem")));
    }

    private static Schema problem() {
        Schema text = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details; errors lists the fields a 400 refused")
                .addProperty("type", text).addProperty("title", text).addProperty("detail", text)
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .items(OASFactory.createSchema().addType(Schema.SchemaType.OBJECT).addProperty("field", text)
                                .addProperty("message", text)));
    }
}
