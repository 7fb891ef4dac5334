package health.cms.admin.web;

import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.eclipse.microprofile.jwt.JsonWebToken;

import health.cms.workflow.Actor;
import health.cms.workflow.Role;
import io.quarkus.oidc.IdToken;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The signed-in person as the desk's pages see them: name, workflow roles and the navigation they
 * unlock. Templates reach it as {@code inject:user}; the server re-checks every action in the workflow.
 */
@Named("user")
@RequestScoped
public class DeskUser {

    @Inject
    SecurityIdentity identity;

    @Inject
    @IdToken
    JsonWebToken idToken;

    public boolean isSignedIn() {
        return !identity.isAnonymous();
    }

    public String username() {
        return identity.getPrincipal().getName();
    }

    /** The name from the ID token, or the user name when the token has none. */
    public String name() {
        String name = idToken == null ? null : idToken.getClaim("name");
        return name == null || name.isBlank() ? username() : name;
    }

    /** The e-mail address from the ID token, or null when it has none. */
    public String email() {
        String email = idToken == null ? null : idToken.getClaim("email");
        return email == null || email.isBlank() ? null : email;
    }

    public boolean isWriter() {
        return identity.hasRole(Role.WRITER.value());
    }

    public boolean isReviewer() {
        return identity.hasRole(Role.MEDICAL_REVIEWER.value());
    }

    public boolean isEditor() {
        return identity.hasRole(Role.EDITOR.value());
    }

    /** The workflow roles the person holds, in the workflow's order. */
    public List<String> roles() {
        return Arrays.stream(Role.values()).filter(r -> r != Role.SYSTEM).map(Role::value).filter(identity::hasRole)
                .toList();
    }

    public String rolesText() {
        return String.join(", ", roles());
    }

    public Actor actor() {
        return Actor.of(username(), identity.getRoles());
    }
}
