package health.cms.core.article;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

/** Loads and stores revisions; revisions are only ever inserted. */
@ApplicationScoped
public class RevisionRepository implements PanacheRepository<Revision> {

    public List<Revision> history(Article article) {
        return list("article = ?1 order by number", article);
    }

    /** A page of the history, oldest first: at most {@code limit} revisions after the first {@code offset}. */
    public List<Revision> history(Article article, int offset, int limit) {
        return find("article = ?1 order by number", article).range(offset, offset + limit - 1).list();
    }

    /** A page of the history, newest first. */
    public List<Revision> newestFirst(Article article, int offset, int limit) {
        return find("article = ?1 order by number desc", article).range(offset, offset + limit - 1).list();
    }

    public Optional<Revision> findByNumber(Article article, int number) {
        return find("article = ?1 and number = ?2", article, number).firstResultOptional();
    }

    public int nextNumber(Article article) {
        Integer max = find("select max(r.number) from Revision r where r.article = ?1", article)
                .project(Integer.class).firstResult();
        return max == null ? 1 : max + 1;
    }

    /** Everyone who created a revision after the given one (all revisions when it is null). */
    public Set<String> contributorsAfter(Article article, Revision since) {
        int after = since == null ? 0 : since.number();
        return Set.copyOf(getEntityManager()
                .createQuery("select distinct r.createdBy from Revision r where r.article = :a and r.number > :n",
                        String.class)
                .setParameter("a", article)
                .setParameter("n", after)
                .getResultList());
    }

    /** One revision that shows an image: its article, its number, and where it stands. */
    public record ImageUse(long articleId, String slug, int revision, Standing standing) {

        /** Live and signed revisions hold the image as signed: it cannot leave the library. */
        public enum Standing {
            LIVE, SIGNED, UNSIGNED
        }
    }

    /** The revisions that show the asset, newest first per article (at most {@code limit}). */
    @SuppressWarnings("unchecked")
    public List<ImageUse> usesOf(String sha256, int limit) {
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                SELECT a.id, a.slug, r.number, a.live_revision_id IS NOT DISTINCT FROM r.id,
                    EXISTS (SELECT 1 FROM sign_off s WHERE s.revision_id = r.id AND s.decision <> 'changes-requested')
                FROM revision r JOIN article a ON a.id = r.article_id
                WHERE EXISTS (SELECT 1 FROM revision_image ri WHERE ri.revision_id = r.id AND ri.sha256 = :sha)
                ORDER BY a.slug, r.number DESC
                LIMIT :limit """).setParameter("sha", sha256).setParameter("limit", limit).getResultList();
        return rows.stream().map(row -> new ImageUse(((Number) row[0]).longValue(), (String) row[1],
                ((Number) row[2]).intValue(), Boolean.TRUE.equals(row[3])
                        ? ImageUse.Standing.LIVE
                        : Boolean.TRUE.equals(row[4]) ? ImageUse.Standing.SIGNED : ImageUse.Standing.UNSIGNED))
                .toList();
    }
}
