package health.cms.admin.home;

import java.util.List;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.jwt.JsonWebToken;

import health.cms.workflow.Role;
import io.quarkus.oidc.IdToken;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;

/** The landing page after login: who you are and what your roles let you do. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class HomePage {

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance index(String name, String username, List<String> roles);

        static native TemplateInstance signedOut();
    }

    @Inject
    SecurityIdentity identity;

    @Inject
    @IdToken
    JsonWebToken idToken;

    @GET
    @Authenticated
    public TemplateInstance index() {
        String username = identity.getPrincipal().getName();
        String name = idToken.getClaim("name");
        Set<String> roles = identity.getRoles();
        List<String> known = java.util.Arrays.stream(Role.values())
                .map(Role::value)
                .filter(roles::contains)
                .toList();
        return Templates.index(name == null ? username : name, username, known);
    }

    @GET
    @Path("signed-out")
    public TemplateInstance signedOut() {
        return Templates.signedOut();
    }
}
