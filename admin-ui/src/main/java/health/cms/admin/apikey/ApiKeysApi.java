package health.cms.admin.apikey;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import health.cms.admin.web.CurrentActor;
import health.cms.admin.web.ManagementApi;
import health.cms.admin.web.PageRequest;
import health.cms.admin.web.Versions;
import io.quarkus.security.Authenticated;

/** API keys of downstream sites, for editors: the secret is in the answer to create and rotate, and nowhere else. */
@ManagementApi
@Path("/manage/v1/api-keys")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ApiKeysApi {

    @Inject
    ApiKeys keys;
    @Inject
    CurrentActor actor;

    @GET
    public Response list(@BeanParam PageRequest page) {
        return page.respond((offset, rows) -> keys.list(actor.get(), offset, rows));
    }

    /** Issues a key; {@code key} in the answer is never shown again. */
    @POST
    public Response create(@NotNull @Valid ApiKeyInput body) {
        IssuedApiKey issued = keys.create(actor.get(), body);
        return Versions.created("/manage/v1/api-keys/" + issued.apiKey().id(), issued, issued.apiKey().version());
    }

    @GET
    @Path("/{id}")
    public Response get(@PathParam("id") long id) {
        ApiKeyView view = keys.get(actor.get(), id);
        return Versions.ok(view, view.version());
    }

    /** A new secret (in the answer, once) under If-Match; the old one is refused from now on. */
    @POST
    @Path("/{id}/rotate")
    public Response rotate(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch) {
        IssuedApiKey issued = keys.rotate(actor.get(), id, Versions.fromIfMatch(ifMatch));
        return Versions.ok(issued, issued.apiKey().version());
    }

    /** Revokes the key under If-Match; it stays listed, with its usage, and never works again. */
    @POST
    @Path("/{id}/revoke")
    public Response revoke(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch) {
        ApiKeyView view = keys.revoke(actor.get(), id, Versions.fromIfMatch(ifMatch));
        return Versions.ok(view, view.version());
    }
}
