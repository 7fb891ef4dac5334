package health.cms.core.profile;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

/** Loads and stores author and reviewer profiles. */
@ApplicationScoped
public class ProfileRepository implements PanacheRepository<Profile> {

    public Optional<Profile> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    public Optional<Profile> findByKeycloakUser(String username) {
        return find("keycloakUser", username).firstResultOptional();
    }
}
