package health.cms.core.media;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

/** Finds assets by hash and searches their descriptions. */
@ApplicationScoped
public class MediaAssetRepository implements PanacheRepository<MediaAsset> {

    public Optional<MediaAsset> findBySha256(String sha256) {
        return find("sha256", sha256).firstResultOptional();
    }

    /**
     * Newest first: those whose alt text, caption or credit contain {@code text} or that carry it as a tag,
     * and, when {@code tag} is given, that carry that tag.
     */
    @SuppressWarnings("unchecked")
    public List<MediaAsset> search(String text, String tag, int offset, int limit) {
        String like = text == null || text.isBlank() ? null : "%" + escapeLike(text.strip().toLowerCase()) + "%";
        List<Number> ids = getEntityManager().createNativeQuery("""
                SELECT id FROM media_asset
                WHERE (CAST(:like AS TEXT) IS NULL OR lower(coalesce(alt_text, '')) LIKE :like ESCAPE '\\'
                       OR lower(coalesce(caption, '')) LIKE :like ESCAPE '\\'
                       OR lower(coalesce(credit, '')) LIKE :like ESCAPE '\\'
                       OR EXISTS (SELECT 1 FROM unnest(tags) t WHERE lower(t) LIKE :like ESCAPE '\\'))
                  AND (CAST(:tag AS TEXT) IS NULL OR CAST(:tag AS TEXT) = ANY (tags))
                ORDER BY created_at DESC, id DESC
                OFFSET :offset LIMIT :limit""").setParameter("like", like)
                .setParameter("tag", tag == null || tag.isBlank() ? null : tag.strip()).setParameter("offset", offset)
                .setParameter("limit", limit).getResultList();
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Long> wanted = ids.stream().map(Number::longValue).toList();
        List<MediaAsset> found = list("id in ?1", wanted);
        return wanted.stream().map(id -> found.stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow())
                .toList();
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
