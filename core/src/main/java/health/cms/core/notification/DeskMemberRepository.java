package health.cms.core.notification;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

/** Loads and stores the desk's members. */
@ApplicationScoped
public class DeskMemberRepository implements PanacheRepository<DeskMember> {

    public Optional<DeskMember> byUsername(String username) {
        return find("username", username).firstResultOptional();
    }

    /**
     * Stores what the identity provider says about a person now, keeping their mail preference; two first
     * requests at once both succeed.
     */
    public void describe(String username, String displayName, String email, List<String> roles, Instant now) {
        getEntityManager().createNativeQuery("""
                INSERT INTO desk_member (username, display_name, email, roles, seen_at)
                VALUES (:username, :name, :email, CAST(:roles AS TEXT[]), :now)
                ON CONFLICT (username) DO UPDATE SET display_name = EXCLUDED.display_name, email = EXCLUDED.email,
                    roles = EXCLUDED.roles, seen_at = EXCLUDED.seen_at""")
                .setParameter("username", username).setParameter("name", displayName).setParameter("email", email)
                // realm role names are plain words, so the array literal needs no quoting
                .setParameter("roles", "{" + String.join(",", roles) + "}").setParameter("now", now)
                .executeUpdate();
    }

    /** Everyone who last signed in with this realm role. */
    @SuppressWarnings("unchecked")
    public List<String> withRole(String role) {
        return getEntityManager().createNativeQuery("SELECT username FROM desk_member WHERE :role = ANY (roles)")
                .setParameter("role", role).getResultList();
    }
}
