package health.cms.admin.security;

import jakarta.enterprise.context.ApplicationScoped;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.JwtContext;
import org.jose4j.jwt.consumer.Validator;

import io.quarkus.arc.Unremovable;
import io.quarkus.oidc.TenantFeature;

/**
 * Refuses a management API token without a user name in {@code preferred_username}, the claim the tenant
 * takes the actor from: the audit trail and the separation of duties name people, so a token that names
 * nobody (a service account without the profile scope) gets 401 rather than acting under its opaque
 * subject.
 */
@ApplicationScoped
@Unremovable
@TenantFeature(ManageTokenRules.TENANT)
public class ManageTokenRules implements Validator {

    /** The OIDC tenant of {@code /manage/*} (application.properties). */
    static final String TENANT = "manage";
    static final String PRINCIPAL_CLAIM = "preferred_username";

    @Override
    public String validate(JwtContext context) throws MalformedClaimException {
        JwtClaims claims = context.getJwtClaims();
        if (!claims.isClaimValueString(PRINCIPAL_CLAIM) || claims.getStringClaimValue(PRINCIPAL_CLAIM).isBlank()) {
            return "the token names no user (" + PRINCIPAL_CLAIM + ")";
        }
        return null;
    }
}
