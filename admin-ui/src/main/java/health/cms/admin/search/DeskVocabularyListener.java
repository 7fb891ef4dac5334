package health.cms.admin.search;

import jakarta.enterprise.context.ApplicationScoped;

import health.cms.core.notify.ChannelListener;
import health.cms.core.search.VocabularyChannel;

/** Hears that editors changed the search vocabulary (here or on another desk instance), for the desk's index. */
@ApplicationScoped
public class DeskVocabularyListener implements ChannelListener {

    private final DeskSearchIndex index;

    DeskVocabularyListener(DeskSearchIndex index) {
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
