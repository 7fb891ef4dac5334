package health.cms.admin.webhook;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
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

import health.cms.admin.catalog.DeskCatalog;
import health.cms.admin.web.DeskUser;
import health.cms.admin.web.Failures;
import health.cms.admin.web.Forms;
import health.cms.core.refusal.Refusal;
import health.cms.webhooks.DeliveryPage;
import health.cms.webhooks.DeliveryView;
import health.cms.webhooks.IssuedSecret;
import health.cms.webhooks.SubscriptionInput;
import health.cms.webhooks.SubscriptionView;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/**
 * Webhook subscriptions for editors: create (the secret is shown once), edit, enable or disable,
 * rotate the secret, send a test event, and read the delivery log with manual redelivery. The
 * webhook service re-checks the editor role on every call.
 */
@Path("/webhooks")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class WebhookPages {

    static final int LOG_PAGE = 50;

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance index(List<SubscriptionView> subscriptions, FormView form);

        static native TemplateInstance subscription(SubscriptionView subscription, FormView form, DeliveryPage log,
                String state, String done);

        static native TemplateInstance secret(IssuedSecret issued, boolean rotated);

        static native TemplateInstance delivery(DeliveryView delivery, String message);
    }

    /** A subscription form as posted. */
    public static class SubscriptionForm {

        @RestForm
        public String url;
        @RestForm
        public String description;
        @RestForm
        public List<String> eventTypes = new ArrayList<>();
        @RestForm
        public List<String> categories = new ArrayList<>();
        @RestForm
        public boolean enabled;
        @RestForm
        public Long version;

        static SubscriptionForm of(SubscriptionView s) {
            SubscriptionForm form = new SubscriptionForm();
            form.url = s.url();
            form.description = s.description();
            form.eventTypes = new ArrayList<>(s.eventTypes());
            form.categories = new ArrayList<>(s.categories());
            form.enabled = s.enabled();
            form.version = s.version();
            return form;
        }

        SubscriptionInput input() {
            return new SubscriptionInput(url, description, eventTypes, categories, enabled);
        }
    }

    /** The form with its choices and, after a refusal, the message and field errors. */
    public record FormView(SubscriptionForm values, List<String> eventTypes, List<Choice> categories, String message,
            Map<String, String> errors) {

        public boolean hasEvent(String type) {
            return values.eventTypes.contains(type);
        }

        public boolean hasCategory(String slug) {
            return values.categories.contains(slug);
        }
    }

    /** A category to filter on. */
    public record Choice(String value, String label) {
    }

    @Inject
    DeskUser user;
    @Inject
    Webhooks webhooks;
    @Inject
    DeskCatalog catalog;

    @GET
    public TemplateInstance index() {
        SubscriptionForm fresh = new SubscriptionForm();
        fresh.enabled = true;
        fresh.eventTypes = new ArrayList<>(List.of("article.published", "article.updated", "article.unpublished"));
        return Templates.index(webhooks.list(user.actor()), form(fresh, null, Map.of()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object create(@BeanParam SubscriptionForm form) {
        try {
            return Templates.secret(webhooks.create(user.actor(), form.input()), false);
        } catch (Refusal e) {
            Forms.rethrowUnlessAboutTheForm(e);
            return Failures.refusedForm(e, Templates.index(webhooks.list(user.actor()),
                    form(form, Failures.formMessage(e), e.fieldErrors())));
        }
    }

    @GET
    @Path("/{id}")
    public TemplateInstance subscription(@PathParam("id") long id, @QueryParam("state") String state,
            @QueryParam("before") Long before, @QueryParam("done") String done) {
        SubscriptionView s = webhooks.get(user.actor(), id);
        return Templates.subscription(s, form(SubscriptionForm.of(s), null, Map.of()),
                webhooks.deliveries(user.actor(), id, Forms.blankToNull(state), before, LOG_PAGE), Forms.blankToNull(state),
                done);
    }

    @POST
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object update(@PathParam("id") long id, @BeanParam SubscriptionForm form) {
        try {
            webhooks.update(user.actor(), id, Forms.requireVersion(form.version), form.input());
            return Forms.seeOther("/webhooks/" + id + "?done=saved");
        } catch (Refusal e) {
            Forms.rethrowUnlessAboutTheForm(e);
            SubscriptionView s = webhooks.get(user.actor(), id);
            if (e instanceof Refusal.Stale) {
                form.version = s.version();
            }
            return Failures.refusedForm(e, Templates.subscription(s, form(form, Failures.formMessage(e), e.fieldErrors()),
                    webhooks.deliveries(user.actor(), id, null, null, LOG_PAGE), null, null));
        }
    }

    @POST
    @Path("/{id}/rotate-secret")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance rotate(@PathParam("id") long id) {
        return Templates.secret(webhooks.rotateSecret(user.actor(), id), true);
    }

    @POST
    @Path("/{id}/test")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response test(@PathParam("id") long id) {
        DeliveryView sent = webhooks.sendTest(user.actor(), id);
        return Forms.seeOther("/webhooks/deliveries/" + sent.id() + "?done=test");
    }

    @POST
    @Path("/{id}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delete(@PathParam("id") long id) {
        webhooks.delete(user.actor(), id);
        return Forms.seeOther("/webhooks");
    }

    @GET
    @Path("/deliveries/{id}")
    public TemplateInstance delivery(@PathParam("id") long id, @QueryParam("done") String done) {
        String message = switch (done == null ? "" : done) {
            case "test" -> "Test event sent; the attempt is below.";
            case "redeliver" -> "Queued again with the same webhook-id; it is sent after this article's pending deliveries.";
            default -> null;
        };
        return Templates.delivery(webhooks.delivery(user.actor(), id), message);
    }

    @POST
    @Path("/deliveries/{id}/redeliver")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response redeliver(@PathParam("id") long id) {
        DeliveryView again = webhooks.redeliver(user.actor(), id);
        return Forms.seeOther("/webhooks/deliveries/" + again.id() + "?done=redeliver");
    }

    private FormView form(SubscriptionForm values, String message, Map<String, String> errors) {
        return new FormView(values, webhooks.eventTypes(),
                catalog.categories().stream().map(c -> new Choice(c.slug(), c.name())).toList(), message, errors);
    }
}
