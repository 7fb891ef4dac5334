package health.cms.delivery.search;

import jakarta.enterprise.context.ApplicationScoped;

import health.cms.core.notify.ChannelListener;
import health.cms.core.search.VocabularyChannel;

/** Hears that editors changed the search vocabulary at the desk, so it applies here without a restart. */
@ApplicationScoped
public class VocabularyListener implements ChannelListener {

    private final SearchIndex index;

    VocabularyListener(SearchIndex index) {
        this.index = index;
    }

    @Override
    public String channel() {
        return VocabularyChannel.NAME;
    }

    @Override
    public void notified(String payload) {
        index.vocabularyChanged();
    }

    @Override
    public void connected() {
        index.vocabularyChanged();
    }
}
