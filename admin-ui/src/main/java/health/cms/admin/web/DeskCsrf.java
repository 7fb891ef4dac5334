package health.cms.admin.web;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

import health.cms.admin.config.CmsConfig;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The desk's CSRF token: an HMAC, under a server key, of the signed-in person and their login session, sent
 * in every form and checked on every state-changing desk request. No cookie carries it, so a cookie planted
 * by a sibling subdomain proves nothing, and a token copied from another session or person does not match.
 * Templates reach it as {@code inject:csrf}.
 */
@Named("csrf")
@ApplicationScoped
public class DeskCsrf {

    private static final Logger LOG = Logger.getLogger(DeskCsrf.class);
    /** The hidden field's name, as the desk's templates and the extension this replaced have always used. */
    public static final String FIELD = "csrf-token";
    /** An HMAC-SHA256 key should be at least as long as its output. */
    static final int MIN_KEY_LENGTH = 32;
    /**
     * ID token claims that stay the same for one login: the IdP's session id, else the login time. Not
     * {@code iat}: a refreshed ID token has a new one, which would void every open form.
     */
    private static final List<String> SESSION_CLAIMS = List.of("sid", "auth_time");

    private final SecretKeySpec key;
    private final CurrentIdentityAssociation identities;

    DeskCsrf(CmsConfig config, CurrentIdentityAssociation identities) {
        this.identities = identities;
        byte[] secret = config.csrf().key().filter(k -> !k.isBlank()).map(k -> k.getBytes(StandardCharsets.UTF_8))
                .orElseGet(DeskCsrf::randomKey);
        if (secret.length < MIN_KEY_LENGTH) {
            throw new IllegalStateException("CMS_CSRF_KEY (cms.csrf.key) must have at least " + MIN_KEY_LENGTH
                    + " characters; generate one with: openssl rand -base64 32");
        }
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    /** Outside production only (security.ProductionSecrets requires a key there): forms die with this process. */
    private static byte[] randomKey() {
        LOG.warn("No CMS_CSRF_KEY: desk forms are signed with a random key of this process only");
        byte[] secret = new byte[MIN_KEY_LENGTH];
        new SecureRandom().nextBytes(secret);
        return secret;
    }

    public String parameterName() {
        return FIELD;
    }

    /** The token of the current request's session, for the hidden field of a form. */
    public String token() {
        SecurityIdentity identity = identities.getIdentity();
        return identity.isAnonymous() ? "" : tokenFor(identity.getPrincipal().getName(), sessionOf(identity));
    }

    /** The token of {@code user} in {@code session} (see {@link #sessionOf}). */
    public String tokenFor(String user, String session) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            // the NUL separators keep ("ab", "c") and ("a", "bc") apart
            byte[] signed = mac.doFinal(("cms-desk-csrf\0" + user + "\0" + session).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(signed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }

    /**
     * The login session the token is bound to: with the OIDC code flow the principal is the ID token, whose
     * {@code sid} (Keycloak's session id) outlives token refreshes; an identity with neither it nor {@code auth_time}
     * (a test identity, an IdP that sends neither) binds to the person alone.
     */
    static String sessionOf(SecurityIdentity identity) {
        if (identity.getPrincipal() instanceof JsonWebToken idToken) {
            for (String claim : SESSION_CLAIMS) {
                // the JWT principal answers an absent auth_time with 0, which is no login time
                String value = String.valueOf((Object) idToken.getClaim(claim));
                if (!value.equals("null") && !value.isBlank() && !value.equals("0")) {
                    return claim + ":" + value;
                }
            }
        }
        return "";
    }

    /**
     * Refuses a desk request that changes state without this session's token. The management API is exempt:
     * it takes bearer tokens only, which a browser never attaches on its own. An anonymous request is left
     * to the login redirect. A refusal is a bare 400, which {@link Failures} explains on a page.
     */
    @ServerRequestFilter
    @WithFormRead
    public Response check(ResteasyReactiveContainerRequestContext request, SimpleResourceInfo resource) {
        String method = request.getMethod();
        if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")
                || resource != null && resource.getResourceClass().isAnnotationPresent(ManagementApi.class)) {
            return null;
        }
        SecurityIdentity identity = identities.getIdentity();
        if (identity.isAnonymous()) {
            return null;
        }
        Object sent = ((ResteasyReactiveRequestContext) request.getServerRequestContext()).getFormParameter(FIELD, true,
                false);
        String expected = tokenFor(identity.getPrincipal().getName(), sessionOf(identity));
        if (sent instanceof String token && MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8))) {
            return null;
        }
        return Response.status(Response.Status.BAD_REQUEST).build();
    }
}
