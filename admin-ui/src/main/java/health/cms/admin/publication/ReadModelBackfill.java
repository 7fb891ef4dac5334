package health.cms.admin.publication;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import health.cms.workflow.publication.PublicationProjector;
import io.quarkus.runtime.StartupEvent;

/** At start, gives every live article that lacks one its entry in the delivery read model. */
@ApplicationScoped
public class ReadModelBackfill {

    private static final Logger LOG = Logger.getLogger(ReadModelBackfill.class);

    void onStart(@Observes StartupEvent event, PublicationProjector projector) {
        int added = projector.backfill();
        if (added > 0) {
            LOG.infof("Added %d live articles to the delivery read model", added);
        }
    }
}
