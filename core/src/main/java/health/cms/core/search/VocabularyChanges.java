package health.cms.core.search;

import health.cms.core.notify.ChannelListener;

/**
 * Hears that editors changed the search vocabulary (on any desk instance), and after a reconnect that a
 * change may have been missed: either way the app's index re-reads the editors' groups, without a restart.
 */
public abstract class VocabularyChanges implements ChannelListener {

    /** Re-reads the editors' groups into this app's index. */
    protected abstract void changed();

    @Override
    public final String channel() {
        return VocabularyChannel.NAME;
    }

    @Override
    public final void notified(String payload) {
        changed();
    }

    @Override
    public final void connected() {
        changed();
    }
}
