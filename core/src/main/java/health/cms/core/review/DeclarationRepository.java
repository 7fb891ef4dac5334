package health.cms.core.review;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

/** Loads and stores reviewers' conflict-of-interest declarations. */
@ApplicationScoped
public class DeclarationRepository implements PanacheRepository<Declaration> {

    /** The profile's declarations, the most recent period first. */
    public List<Declaration> ofProfile(long profileId) {
        return list("profileId = ?1 order by periodFrom desc, id desc", profileId);
    }
}
