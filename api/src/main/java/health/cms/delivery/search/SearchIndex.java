package health.cms.delivery.search;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import health.cms.core.notify.ChannelListener;
import health.cms.core.search.LuceneSearchEngine;
import health.cms.core.search.SearchDocument;
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

    private static final Logger LOG = Logger.getLogger(SearchIndex.class);

    private final LiveDocuments documents;
    private final ReadModel db;
    private final ResponseCache cache;
    private final SearchEngine engine;
    /** Until the first build succeeds (the schema may still be migrating when a replica starts), it retries. */
    private static final long RETRY_SECONDS = 2;

    private final ScheduledExecutorService writes = Executors.newSingleThreadScheduledExecutor(
            r -> new Thread(r, "search-index"));
    private volatile boolean missedChanges;
    /** Counts the changes applied; part of each cached answer's key (see {@link #generation()}). */
    private final AtomicLong generation = new AtomicLong();

    SearchIndex(LiveDocuments documents, ReadModel db, ResponseCache cache, Clock clock,
            @ConfigProperty(name = "cms.search.directory") Path directory) {
        this.documents = documents;
        this.db = db;
        this.cache = cache;
        this.engine = new LuceneSearchEngine("delivery", directory, Vocabulary.standard(), clock);
    }

    void start(@Observes StartupEvent started) {
        writes.execute(this::rebuild);
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
        writes.execute(() -> {
            documents.bySlug(slug).ifPresentOrElse(engine::put, () -> engine.remove(slug));
            generation.incrementAndGet();
            cache.changed(slug);
        });
    }

    /** Re-reads the editors' vocabulary groups (after a change at the desk, see {@link VocabularyListener}). */
    void vocabularyChanged() {
        writes.execute(() -> {
            engine.vocabulary(editorGroups());
            generation.incrementAndGet();
            cache.clear();
        });
    }

    @Override
    public void connected() {
        if (missedChanges) {
            missedChanges = false;
            writes.execute(this::rebuild);
        }
    }

    @Override
    public void disconnected() {
        missedChanges = true;
    }

    private void rebuild() {
        try {
            engine.vocabulary(editorGroups());
            try (Stream<SearchDocument> live = documents.all()) {
                engine.replaceAll(live);
            }
            generation.incrementAndGet();
            cache.clear();
        } catch (RuntimeException e) {
            // The index stays as it was (or empty and not ready) until a later try succeeds.
            LOG.warnf("Search index: could not read the live articles (%s); trying again in %d s",
                    e.getCause() == null ? e.getMessage() : e.getCause().getMessage(), RETRY_SECONDS);
            writes.schedule(this::rebuild, RETRY_SECONDS, TimeUnit.SECONDS);
        }
    }

    private List<String> editorGroups() {
        return db.query("SELECT terms FROM search_vocabulary_group ORDER BY id", rs -> rs.getString(1));
    }

    @PreDestroy
    void stop() {
        writes.shutdownNow();
        engine.close();
    }
}
