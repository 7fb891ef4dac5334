package health.cms.delivery.http;

import jakarta.enterprise.context.ApplicationScoped;

import health.cms.core.notify.ChannelListener;
import health.cms.workflow.publication.PublicationProjector;

/**
 * Hears content changes on the primary PostgreSQL (NOTIFY from the workflow's projector, through core's
 * notification loop) and evicts the affected cache entries, so every api replica serves a change within
 * about a second. Notifications sent while the connection was down are lost, so the whole cache is
 * dropped when it breaks and again once it listens.
 */
@ApplicationScoped
public class ContentChangeListener implements ChannelListener {

    private final ResponseCache cache;

    ContentChangeListener(ResponseCache cache) {
        this.cache = cache;
    }

    @Override
    public String channel() {
        return PublicationProjector.CHANNEL;
    }

    @Override
    public void notified(String slug) {
        cache.changed(slug);
    }

    @Override
    public void connected() {
        cache.clear();
    }

    @Override
    public void disconnected() {
        cache.clear();
    }
}
