package health.cms.core.search;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.jboss.logging.Logger;

/**
 * Keeps one search index current on one writer thread, so its changes apply in the order they arrived: the
 * whole index is built at start-up and retried until a build succeeds (the schema may still be migrating),
 * built again after a reconnect that may have missed changes, and its vocabulary re-read on demand. The
 * desk's index and each api replica's differ only in what they read and what they refresh after a change.
 */
public final class IndexUpkeep {

    private static final Logger LOG = Logger.getLogger(IndexUpkeep.class);
    /** Until a build succeeds, it is tried again this often. */
    private static final long RETRY_SECONDS = 2;

    private final String name;
    private final SearchEngine engine;
    private final Supplier<Stream<SearchDocument>> documents;
    private final Supplier<List<String>> vocabularyGroups;
    private final Runnable afterWholeChange;
    private final ScheduledExecutorService writes;
    private volatile boolean missedChanges;

    /**
     * @param documents every document the index holds, read again from the database
     * @param vocabularyGroups the editors' vocabulary groups, read again from the database
     * @param afterWholeChange runs on the writer thread after a build or a vocabulary change
     */
    public IndexUpkeep(String name, SearchEngine engine, Supplier<Stream<SearchDocument>> documents,
            Supplier<List<String>> vocabularyGroups, Runnable afterWholeChange) {
        this.name = name;
        this.engine = engine;
        this.documents = documents;
        this.vocabularyGroups = vocabularyGroups;
        this.afterWholeChange = afterWholeChange;
        this.writes = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, name));
    }

    /** Queues one change behind those already queued. */
    public void write(Runnable change) {
        writes.execute(change);
    }

    /** Queues a build of the whole index. */
    public void rebuild() {
        writes.execute(this::build);
    }

    /** Queues a re-read of the vocabulary groups. */
    public void vocabularyChanged() {
        writes.execute(() -> {
            engine.vocabulary(vocabularyGroups.get());
            afterWholeChange.run();
        });
    }

    /** A change could not be applied (the database is away): the next reconnect builds the whole index. */
    public void missedChanges() {
        missedChanges = true;
    }

    /** The notification connection listens again: builds the whole index if changes may have been missed. */
    public void connected() {
        if (missedChanges) {
            missedChanges = false;
            rebuild();
        }
    }

    /** Stops the writer thread and closes the index. */
    public void close() {
        writes.shutdownNow();
        engine.close();
    }

    private void build() {
        try {
            engine.vocabulary(vocabularyGroups.get());
            try (Stream<SearchDocument> all = documents.get()) {
                engine.replaceAll(all);
            }
            afterWholeChange.run();
        } catch (RuntimeException e) {
            // The index stays as it was (or empty and not ready) until a later try succeeds.
            LOG.warnf("%s: could not read the articles (%s); trying again in %d s", name,
                    e.getCause() == null ? e.getMessage() : e.getCause().getMessage(), RETRY_SECONDS);
            writes.schedule(this::build, RETRY_SECONDS, TimeUnit.SECONDS);
        }
    }
}
