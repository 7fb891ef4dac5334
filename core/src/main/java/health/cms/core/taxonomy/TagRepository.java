package health.cms.core.taxonomy;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

/** Loads and stores tags. */
@ApplicationScoped
public class TagRepository implements PanacheRepository<Tag> {

    public Optional<Tag> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }
}
