package health.cms.delivery.search;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import health.cms.core.notify.ChannelListener;
import health.cms.core.search.IndexUpkeep;
import health.cms.core.search.LuceneSearchEngine;
import health.cms.core.search.SearchEngine;
import health.cms.core.search.Vocabulary;
import health.cms.delivery.http.ResponseCache;
import health.cms.delivery.store.ReadModel;
import health.cms.workflow.publication.PublicationProjector;
import io.quarkus.runtime.StartupEvent;

/**
 * This replica's search index of live articles: built from the read model at start-up, then kept current
 * from the same NOTIFY stream that invalidates the response cache (each notification names a slug, which is
 * re-read: indexed if live, removed if not). All writes run on one thread, in the order they arrived; after
 * each, the cached answers are dropped again, so none computed from the index before the change survives.
 */
@ApplicationScoped
public class SearchIndex implements ChannelListener {

    private final LiveDocuments documents;
    private final ReadModel db;
    private final ResponseCache cache;
    private final SearchEngine engine;
    private final IndexUpkeep upkeep;
    /** Counts the changes applied; part of each cached answer's key (see {@link #generation()}). */
    private final AtomicLong generation = new AtomicLong();

    SearchIndex(LiveDocuments documents, ReadModel db, ResponseCache cache, Clock clock,
            @ConfigProperty(name = "cms.search.directory") Path directory) {
        this.documents = documents;
        this.db = db;
        this.cache = cache;
        this.engine = new LuceneSearchEngine("delivery", directory, Vocabulary.standard(), clock);
        this.upkeep = new IndexUpkeep("search-index", engine, documents::all, this::editorGroups, () -> {
            generation.incrementAndGet();
            cache.clear();
        });
    }

    void start(@Observes StartupEvent started) {
        upkeep.rebuild();
    }

    public SearchEngine engine() {
        return engine;
    }

    /**
     * Changes only ever increase this, after the index shows them. A search answer computed while a change
     * lands may be cached after the cache was emptied for it; keyed by the generation read before searching,
     * such an answer is never served again once the change counts.
     */
    public long generation() {
        return generation.get();
    }

    @Override
    public String channel() {
        return PublicationProjector.CHANNEL;
    }

    @Override
    public void notified(String slug) {
        upkeep.write(() -> {
            documents.bySlug(slug).ifPresentOrElse(engine::put, () -> engine.remove(slug));
            generation.incrementAndGet();
            cache.changed(slug);
        });
    }

    /** Re-reads the editors' vocabulary groups (after a change at the desk, see {@link VocabularyListener}). */
    void vocabularyChanged() {
        upkeep.vocabularyChanged();
    }

    @Override
    public void connected() {
        upkeep.connected();
    }

    @Override
    public void disconnected() {
        upkeep.missedChanges();
    }

    private List<String> editorGroups() {
        return db.query("SELECT terms FROM search_vocabulary_group ORDER BY id", rs -> rs.getString(1));
    }

    @PreDestroy
    void stop() {
        upkeep.close();
    }
}
