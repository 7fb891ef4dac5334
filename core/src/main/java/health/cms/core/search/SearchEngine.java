package health.cms.core.search;

import java.util.List;
import java.util.stream.Stream;

/**
 * The search capability of an app, independent of the engine behind it: the embedded Lucene index of
 * {@link LuceneSearchEngine} in each process today, a cluster engine (OpenSearch) for a publisher that
 * outgrows one index per replica tomorrow. Writes are visible to the next search.
 */
public interface SearchEngine extends AutoCloseable {

    /** Replaces the whole index with these documents (at start-up, or after missed changes). */
    void replaceAll(Stream<SearchDocument> documents);

    /** Adds the document, or replaces the one with the same id. */
    void put(SearchDocument document);

    /** Removes the document with this key (slug), if any. */
    void remove(String key);

    /** Removes the document with this id, if any. */
    void remove(long id);

    /** Whether the first {@link #replaceAll} has finished; until then searches answer from an empty index. */
    boolean ready();

    SearchResult search(SearchQuery query);

    /** Completions of what a reader has typed so far: titles of indexed articles, then vocabulary terms. */
    List<Suggestion> suggest(String prefix, int limit);

    /** Replaces the editors' vocabulary groups (the file's groups always apply). */
    void vocabulary(List<String> editorGroups);

    /** A completion: the text, and the key of the article it is the title of (null for a vocabulary term). */
    record Suggestion(String text, String key) {
    }

    @Override
    void close();
}
