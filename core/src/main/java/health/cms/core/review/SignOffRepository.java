package health.cms.core.review;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import health.cms.core.article.Revision;
import io.quarkus.hibernate.orm.panache.PanacheRepository;

/** Loads and stores sign-offs. */
@ApplicationScoped
public class SignOffRepository implements PanacheRepository<SignOff> {

    public List<SignOff> forRevision(Revision revision) {
        return list("revision = ?1 order by signedAt, id", revision);
    }

    /** The newest approval or recertification of the revision, if any. */
    public Optional<SignOff> latestApproval(Revision revision) {
        return find("revision = ?1 and decision <> ?2 order by signedAt desc, id desc", revision,
                SignOff.Decision.CHANGES_REQUESTED).firstResultOptional();
    }
}
