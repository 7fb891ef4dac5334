package health.cms.admin.search;

import java.time.Clock;
import java.util.List;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import health.cms.core.notify.ChannelListener;
import health.cms.core.search.IndexUpkeep;
import health.cms.core.search.LuceneSearchEngine;
import health.cms.core.search.SearchEngine;
import health.cms.core.search.Vocabulary;
import io.quarkus.runtime.StartupEvent;

/**
 * This desk instance's search index of every article in any state (drafts never enter the api's index; this
 * one lives only in admin-ui). Built at start-up, then kept current from NOTIFY channel {@value #CHANNEL},
 * which a trigger on the article row fills (V26): each notification names an article id, which is read again
 * and indexed, or removed when it is gone; {@code *} (a renamed category, tag or author, a restore) rebuilds
 * it, and so does a reconnect after which changes may have been missed. All writes run on one thread, in the
 * order they arrived.
 */
@ApplicationScoped
public class DeskSearchIndex implements ChannelListener {

    /** The channel the V26 triggers notify. */
    public static final String CHANNEL = "cms_desk_article";
    private static final Logger LOG = Logger.getLogger(DeskSearchIndex.class);

    private final DeskDocuments documents;
    private final SearchVocabulary vocabulary;
    private final SearchEngine engine;
    private final IndexUpkeep upkeep;

    DeskSearchIndex(DeskDocuments documents, SearchVocabulary vocabulary, DeskSearchConfig config, Clock clock) {
        this.documents = documents;
        this.vocabulary = vocabulary;
        this.engine = new LuceneSearchEngine("desk", config.directory(), Vocabulary.standard(), clock);
        this.upkeep = new IndexUpkeep("desk-search-index", engine, documents::all, this::editorGroups, () -> {
        });
    }

    void start(@Observes StartupEvent started) {
        upkeep.rebuild();
    }

    public SearchEngine engine() {
        return engine;
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public void notified(String payload) {
        if (payload.equals("*")) {
            upkeep.rebuild();
            return;
        }
        long id;
        try {
            id = Long.parseLong(payload);
        } catch (NumberFormatException e) {
            LOG.warnf("Desk search: ignored a notification that names no article (%.40s)", payload);
            return;
        }
        upkeep.write(() -> reindex(id));
    }

    @Override
    public void connected() {
        upkeep.connected();
    }

    @Override
    public void disconnected() {
        upkeep.missedChanges();
    }

    /** Re-reads the editors' vocabulary groups (after a change at the desk, see {@link DeskVocabularyListener}). */
    void vocabularyChanged() {
        upkeep.vocabularyChanged();
    }

    private void reindex(long id) {
        try {
            documents.byId(id).ifPresentOrElse(engine::put, () -> engine.remove(id));
        } catch (RuntimeException e) {
            // The database is away: the reconnect that follows rebuilds everything.
            LOG.warnf("Desk search: could not read article %d again (%s)", id, e.getMessage());
            upkeep.missedChanges();
        }
    }

    private List<String> editorGroups() {
        return vocabulary.groups().stream().map(SearchVocabulary.Group::terms).toList();
    }

    @PreDestroy
    void stop() {
        upkeep.close();
    }
}
