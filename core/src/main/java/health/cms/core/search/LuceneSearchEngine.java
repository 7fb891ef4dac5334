package health.cms.core.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.MMapDirectory;
import org.jboss.logging.Logger;

/**
 * The embedded engine: one Lucene index in a directory of its own (memory-mapped, rebuilt at each start,
 * so nothing in it needs to survive), BM25 ranking, synonyms at query time, spelling correction, facets
 * and escaped highlighted snippets. Writes are serialized by the caller and visible to the next search.
 */
public final class LuceneSearchEngine implements SearchEngine {

    private static final Logger LOG = Logger.getLogger(LuceneSearchEngine.class);
    private static final Sort BEST_FIRST = new Sort(SortField.FIELD_SCORE,
            new SortField(Documents.ID_SORT, SortField.Type.LONG, true));
    /** Fewer hits than this and a spelling suggestion is offered. */
    private static final int FEW_HITS = 3;

    private final String name;
    private final Path path;
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Documents documents = new Documents();
    private final FacetCounting facetCounting;
    private final Spelling spelling = new Spelling();
    /** The stemmed languages besides English, each with its analyzer and the plan of its queries, made once. */
    private final Map<String, SearchLanguages.Language> languages = SearchLanguages.create();
    private final Map<String, QueryPlan> languagePlans = languages.values().stream().collect(
            Collectors.toUnmodifiableMap(SearchLanguages.Language::code,
                    l -> new QueryPlan(l.analyzer(), l.analyzer(), l.code())));
    private final Analyzer indexAnalyzer = Analyzers.index(languages);
    private final Analyzer plain = Analyzers.plain();
    private final Analyzer stemmed = Analyzers.stemmed();
    private final Vocabulary standard;
    /** The vocabulary and the query plan built from it, swapped together. */
    private volatile Words words;
    private volatile boolean ready;

    /** An empty index named {@code name} (for the log) in a new directory under {@code parent}. */
    public LuceneSearchEngine(String name, Path parent, Vocabulary vocabulary, Clock clock) {
        this.name = name;
        this.standard = vocabulary;
        this.facetCounting = new FacetCounting(documents, clock);
        try {
            Files.createDirectories(parent);
            this.path = Files.createTempDirectory(parent, "index-" + name + "-");
            this.directory = new MMapDirectory(path);
            IndexWriterConfig config = new IndexWriterConfig(indexAnalyzer).setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                    .setRAMBufferSizeMB(48);
            this.writer = new IndexWriter(directory, config);
            this.searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        use(vocabulary);
    }

    @Override
    public void replaceAll(Stream<SearchDocument> source) {
        long started = System.nanoTime();
        AtomicLong count = new AtomicLong();
        try (Indexing indexing = new Indexing(writer, documents)) {
            writer.deleteAll();
            source.forEach(document -> {
                indexing.add(document);
                if (count.incrementAndGet() % 10_000 == 0) {
                    LOG.infof("Search index %s: %,d articles indexed (%.1f s)", name, count.get(), seconds(started));
                }
            });
            indexing.finish();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ready = true;
        LOG.infof("Search index %s ready: %,d articles in %.1f s", name, count.get(), seconds(started));
    }

    @Override
    public void put(SearchDocument document) {
        add(document);
        refresh();
    }

    @Override
    public void remove(String key) {
        delete(new Term(Documents.KEY, key));
    }

    @Override
    public void remove(long id) {
        delete(new Term(Documents.ID, Long.toString(id)));
    }

    private void delete(Term term) {
        try {
            writer.deleteDocuments(term);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        refresh();
    }

    @Override
    public boolean ready() {
        return ready;
    }

    @Override
    public SearchResult search(SearchQuery query) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return search(searcher, query);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Words(Vocabulary vocabulary, QueryPlan plan) {
    }

    private SearchResult search(IndexSearcher searcher, SearchQuery query) throws IOException {
        Words current = words;
        Vocabulary vocabulary = current.vocabulary();
        // the vocabulary's synonyms and the spelling suggestions are English; another language has its own stems
        String language = SearchLanguages.stemmed(query.locale());
        QueryPlan plan = language == null ? current.plan() : languagePlans.get(language);
        QueryText text = language == null
                ? QueryText.parse(query.text(), vocabulary)
                : QueryText.parse(query.text(), vocabulary, languages.get(language).stopWords());
        Query lucene = plan.query(query, text);
        TopFieldDocs top = page(searcher, lucene, query);
        String didYouMean = null;
        boolean corrected = false;
        if (language == null && top.scoreDocs.length < FEW_HITS && query.after().isEmpty() && text.positive()) {
            Optional<String> fix = spelling.correct(query.text(), searcher.getIndexReader(), vocabulary);
            if (fix.isPresent()) {
                didYouMean = fix.get();
                if (top.scoreDocs.length == 0) {
                    text = QueryText.parse(didYouMean, vocabulary);
                    lucene = plan.query(query, text);
                    top = page(searcher, lucene, query);
                    corrected = true;
                }
            }
        }
        boolean more = top.scoreDocs.length > query.limit();
        ScoreDoc[] shown = more ? java.util.Arrays.copyOf(top.scoreDocs, query.limit()) : top.scoreDocs;
        String[] snippets = Snippets.of(searcher, indexAnalyzer, plan.field(Documents.ALL), plan.matching(text),
                language == null ? EnglishAnalyzer.ENGLISH_STOP_WORDS_SET : languages.get(language).stopWords(), shown);
        List<SearchResult.Hit> hits = new ArrayList<>();
        for (int i = 0; i < shown.length; i++) {
            hits.add(hit(searcher, shown[i], snippets[i]));
        }
        Optional<SearchQuery.Position> next = more
                ? Optional.of(new SearchQuery.Position(hits.get(hits.size() - 1).score(), hits.get(hits.size() - 1).id()))
                : Optional.empty();
        FacetCounting.Counts counts = facetCounting.count(searcher, lucene, query);
        return new SearchResult(hits, next, counts.facets(), counts.reviewedWithin(), didYouMean, corrected);
    }

    /** A hit's id and payload, from doc values. */
    private static SearchResult.Hit hit(IndexSearcher searcher, ScoreDoc found, String snippet) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(found.doc, leaves));
        int doc = found.doc - leaf.docBase;
        NumericDocValues ids = DocValues.getNumeric(leaf.reader(), Documents.ID_SORT);
        BinaryDocValues payloads = DocValues.getBinary(leaf.reader(), Documents.PAYLOAD);
        if (!ids.advanceExact(doc) || !payloads.advanceExact(doc)) {
            throw new IllegalStateException("Search document " + found.doc + " has no id or payload");
        }
        // the score is the first sort value: asking the collector for scores would run the query again per hit
        float score = (Float) ((FieldDoc) found).fields[0];
        return new SearchResult.Hit(ids.longValue(), payloads.binaryValue().utf8ToString(), score, snippet);
    }

    private static TopFieldDocs page(IndexSearcher searcher, Query query, SearchQuery asked) throws IOException {
        // The last possible doc id: a hit with the very score and id of the position (the page's own last hit)
        // then sorts before it and is not repeated.
        int last = Math.max(0, searcher.getIndexReader().maxDoc() - 1);
        FieldDoc after = asked.after().map(p -> new FieldDoc(last, p.score(), new Object[]{p.score(), p.id()}))
                .orElse(null);
        return searcher.searchAfter(after, query, asked.limit() + 1, BEST_FIRST, false);
    }

    @Override
    public List<Suggestion> suggest(String prefix, int limit) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return Completion.suggest(searcher, plain, words.vocabulary(), prefix, limit);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void vocabulary(List<String> editorGroups) {
        use(standard.with(editorGroups));
    }

    private void use(Vocabulary words) {
        this.words = new Words(words, new QueryPlan(Analyzers.query(words.synonyms(stemmed)), stemmed));
    }

    private void add(SearchDocument document) {
        try {
            writer.updateDocument(new Term(Documents.ID, Long.toString(document.id())), documents.toLucene(document));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void refresh() {
        try {
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    @Override
    public void close() {
        try {
            searchers.close();
            writer.close();
            directory.close();
            languages.values().forEach(language -> language.analyzer().close());
            try (Stream<Path> files = Files.list(path)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
            }
            Files.deleteIfExists(path);
        } catch (IOException e) {
            LOG.warnf("Search index %s: could not remove %s (%s)", name, path, e.getMessage());
        }
    }
}
