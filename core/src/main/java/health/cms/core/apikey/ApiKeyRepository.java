package health.cms.core.apikey;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

/** The API keys the desk manages. */
@ApplicationScoped
public class ApiKeyRepository implements PanacheRepository<ApiKey> {

    /** Working keys first, then revoked ones, each newest first. */
    public List<ApiKey> listForDesk(int offset, int limit) {
        return find("order by case when revokedAt is null then 0 else 1 end, id desc").range(offset, offset + limit - 1).list();
    }
}
