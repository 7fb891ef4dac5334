package health.cms.delivery.search;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** A replica is not ready for traffic until its search index holds every live article. */
@Readiness
@ApplicationScoped
public class SearchReadiness implements HealthCheck {

    private final SearchIndex index;

    SearchReadiness(SearchIndex index) {
        this.index = index;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("search-index").status(index.engine().ready()).build();
    }
}
