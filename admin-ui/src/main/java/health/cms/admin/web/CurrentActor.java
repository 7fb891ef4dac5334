package health.cms.admin.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import health.cms.workflow.Actor;
import io.quarkus.security.identity.SecurityIdentity;

/** The workflow's view of the logged-in user: name and roles from the Keycloak token. */
@RequestScoped
public class CurrentActor {

    @Inject
    SecurityIdentity identity;

    public Actor get() {
        return Actor.of(identity.getPrincipal().getName(), identity.getRoles());
    }
}
