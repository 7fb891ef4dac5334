package health.cms.core.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.lucene.index.IndexWriter;

/**
 * A whole index build on every core: the documents read from the database are analysed and added by one
 * thread per core (Lucene's writer takes documents from several threads at once), and the reading thread helps
 * when they are all busy, which also keeps the queue short. The first failure stops the build.
 */
final class Indexing implements AutoCloseable {

    private static final AtomicInteger THREADS = new AtomicInteger();

    private final IndexWriter writer;
    private final Documents documents;
    private final ThreadPoolExecutor workers;
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    Indexing(IndexWriter writer, Documents documents) {
        this.writer = writer;
        this.documents = documents;
        int cores = Runtime.getRuntime().availableProcessors();
        this.workers = new ThreadPoolExecutor(cores, cores, 1, TimeUnit.MINUTES, new ArrayBlockingQueue<>(4 * cores),
                task -> {
                    Thread thread = new Thread(task, "search-indexing-" + THREADS.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.CallerRunsPolicy());
    }

    /** Adds a document of a new index (no older version of it to replace). */
    void add(SearchDocument document) {
        rethrow();
        workers.execute(() -> {
            if (failure.get() == null) {
                try {
                    writer.addDocument(documents.toLucene(document));
                } catch (IOException | RuntimeException e) {
                    failure.compareAndSet(null, e);
                }
            }
        });
    }

    /** Waits until every document given is in the writer. */
    void finish() {
        workers.shutdown();
        try {
            if (!workers.awaitTermination(1, TimeUnit.HOURS)) {
                throw new IllegalStateException("Indexing did not finish within an hour");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while indexing", e);
        }
        rethrow();
    }

    private void rethrow() {
        Exception first = failure.get();
        if (first instanceof IOException io) {
            throw new UncheckedIOException(io);
        }
        if (first != null) {
            throw (RuntimeException) first;
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
