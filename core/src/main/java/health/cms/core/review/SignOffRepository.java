package health.cms.core.review;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import health.cms.core.article.Article;
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

    /**
     * Everyone who created a revision in the editing round that produced this revision: the revisions
     * after the article's last approved one, up to and including this one.
     */
    public Set<String> contributorsOf(Article article, Revision revision) {
        Integer previousApproved = getEntityManager().createQuery("""
                select max(s.revision.number) from SignOff s
                where s.revision.article = :article and s.decision = :approved and s.revision.number < :number""",
                Integer.class)
                .setParameter("article", article)
                .setParameter("approved", SignOff.Decision.APPROVED)
                .setParameter("number", revision.number())
                .getSingleResult();
        int after = previousApproved == null ? 0 : previousApproved;
        return Set.copyOf(getEntityManager().createQuery("""
                select distinct r.createdBy from Revision r
                where r.article = :article and r.number > :after and r.number <= :number""", String.class)
                .setParameter("article", article)
                .setParameter("after", after)
                .setParameter("number", revision.number())
                .getResultList());
    }
}
