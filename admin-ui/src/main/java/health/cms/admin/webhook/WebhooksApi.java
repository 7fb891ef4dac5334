package health.cms.admin.webhook;

import java.net.URI;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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

import health.cms.admin.web.CurrentActor;
import health.cms.admin.web.ManagementApi;
import health.cms.admin.web.PageRequest;
import health.cms.admin.web.Versions;
import health.cms.core.refusal.WholeNumber;
import health.cms.webhooks.DeliveryPage;
import health.cms.webhooks.DeliveryView;
import health.cms.webhooks.IssuedSecret;
import health.cms.webhooks.SubscriptionInput;
import health.cms.webhooks.SubscriptionView;
import io.quarkus.security.Authenticated;

/** Webhook subscriptions and their delivery log, for editors. */
@ManagementApi
@Path("/manage/v1/webhooks")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WebhooksApi {

    @Inject
    Webhooks webhooks;
    @Inject
    CurrentActor actor;

    @GET
    public Response list(@BeanParam PageRequest page) {
        return page.respond((offset, rows) -> webhooks.list(actor.get(), offset, rows));
    }

    /** Creates a subscription; the answer carries its secret, which is never shown again. */
    @POST
    public Response create(@NotNull @Valid SubscriptionInput body) {
        IssuedSecret issued = webhooks.create(actor.get(), body);
        return Versions.created("/manage/v1/webhooks/" + issued.subscription().id(), issued, issued.subscription().version());
    }

    @GET
    @Path("/{id}")
    public Response get(@PathParam("id") long id) {
        SubscriptionView view = webhooks.get(actor.get(), id);
        return Versions.ok(view, view.version());
    }

    @PUT
    @Path("/{id}")
    public Response update(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid SubscriptionInput body) {
        SubscriptionView view = webhooks.update(actor.get(), id, Versions.fromIfMatch(ifMatch), body);
        return Versions.ok(view, view.version());
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") long id) {
        webhooks.delete(actor.get(), id);
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/rotate-secret")
    public Response rotateSecret(@PathParam("id") long id) {
        IssuedSecret issued = webhooks.rotateSecret(actor.get(), id);
        return Versions.ok(issued, issued.subscription().version());
    }

    /** Sends a test event now and answers with its delivery and the receiver's answer. */
    @POST
    @Path("/{id}/test")
    public DeliveryView test(@PathParam("id") long id) {
        return webhooks.sendTest(actor.get(), id);
    }

    @GET
    @Path("/{id}/deliveries")
    public DeliveryPage deliveries(@PathParam("id") long id,
            @QueryParam("state") @Pattern(regexp = "pending|delivered|failed", message = "must be pending, delivered or failed") String state,
            @QueryParam("before") @Min(1) Long before,
            @QueryParam("limit") String limit) {
        return webhooks.deliveries(actor.get(), id, state, before, WholeNumber.parse("limit", limit, 50, 1, 200));
    }

    @GET
    @Path("/deliveries/{deliveryId}")
    public DeliveryView delivery(@PathParam("deliveryId") long deliveryId) {
        return webhooks.delivery(actor.get(), deliveryId);
    }

    /** Queues the event again as a new delivery; {@code 202} with the queued delivery. */
    @POST
    @Path("/deliveries/{deliveryId}/redeliver")
    public Response redeliver(@PathParam("deliveryId") long deliveryId) {
        DeliveryView queued = webhooks.redeliver(actor.get(), deliveryId);
        return Response.accepted(queued).location(URI.create("/manage/v1/webhooks/deliveries/" + queued.id())).build();
    }
}
