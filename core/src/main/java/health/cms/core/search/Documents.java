package health.cms.core.search;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.util.BytesRef;

/**
 * Turns a {@link SearchDocument} into the Lucene fields that are searched ({@code all} for matching,
 * the boosted fields for ranking), filtered, counted, highlighted and handed back.
 */
final class Documents {

    static final String ID = "id";
    static final String ID_SORT = "id_sort";
    static final String KEY = "key";
    static final String ALL = "all";
    static final String TITLE = "title";
    /** The title as written, handed back by completion (a field of its own: {@link #TITLE} is per language). */
    static final String STORED_TITLE = "title_text";
    static final String PAYLOAD = "payload";
    /** The language of the document's locale ({@code de} for {@code de-AT}), to restrict a query to it. */
    static final String LANGUAGE = "language";
    /** The summary, section headings and tags: what an article says it is about, after its title. */
    static final String LEAD = "lead";
    /** The category and author names. */
    static final String NAMES = "names";
    /**
     * The ranked fields besides {@link #ALL} (which holds them all and the body) and how much each weighs: few
     * fields, since every query term (and each of its synonyms) is looked up in each of them.
     */
    static final Map<String, Float> BOOSTS = Map.of(TITLE, 4f, LEAD, 2f, NAMES, 1.5f);
    /** The summary and body, read for the snippets of the hits shown (uncompressed, read in place). */
    static final String SNIPPET_TEXT = "snippet_text";

    /**
     * The {@link #ALL} field, indexed with offsets so that the highlighter reads where each word is from the index
     * instead of analysing the text of each hit again. Snippets are made of the summary and body
     * ({@link #SNIPPET_TEXT}), the start of the indexed text; the highlighter stops at their end.
     */
    private static final FieldType SEARCHED_WITH_OFFSETS = searchedWithOffsets();
    /** Spelling needs to know which words exist, not where or how often: the cheapest postings. */
    private static final FieldType WORDS_ONLY = wordsOnly();

    private final FacetsConfig config = new FacetsConfig();
    /** The display name of each facet value, by the last document that had it. */
    private final Map<Facet, Map<String, String>> names = new ConcurrentHashMap<>();

    Documents() {
        for (Facet facet : Facet.values()) {
            config.setMultiValued(facet.field(), true);
        }
    }

    private static FieldType searchedWithOffsets() {
        FieldType type = new FieldType(TextField.TYPE_NOT_STORED);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        return type;
    }

    private static FieldType wordsOnly() {
        FieldType type = new FieldType(TextField.TYPE_NOT_STORED);
        type.setIndexOptions(IndexOptions.DOCS);
        type.setOmitNorms(true);
        type.freeze();
        return type;
    }

    FacetsConfig config() {
        return config;
    }

    String name(Facet facet, String value) {
        return names.getOrDefault(facet, Map.of()).getOrDefault(value, value);
    }

    Document toLucene(SearchDocument source) throws java.io.IOException {
        SearchDocument.Text text = source.text();
        Document doc = new Document();
        doc.add(new StringField(ID, Long.toString(source.id()), Field.Store.YES));
        doc.add(new NumericDocValuesField(ID_SORT, source.id()));
        doc.add(new StringField(KEY, source.key(), Field.Store.YES));
        if (source.locale() != null) {
            doc.add(new StringField(LANGUAGE, SearchLanguages.language(source.locale()), Field.Store.NO));
        }
        // the searched fields of a stemmed language other than English have names of their own (all.de)
        String language = SearchLanguages.stemmed(source.locale());
        doc.add(new StoredField(STORED_TITLE, text.title()));
        doc.add(new TextField(SearchLanguages.field(TITLE, language), text.title(), Field.Store.NO));
        doc.add(new TextField(Analyzers.TITLE_WORDS, text.title(), Field.Store.NO));
        String lead = SearchLanguages.field(LEAD, language);
        doc.add(new TextField(lead, text.summary(), Field.Store.NO));
        text.headings().forEach(h -> doc.add(new TextField(lead, h, Field.Store.NO)));
        text.tags().forEach(t -> doc.add(new TextField(lead, t, Field.Store.NO)));
        String people = SearchLanguages.field(NAMES, language);
        doc.add(new TextField(people, text.category(), Field.Store.NO));
        text.authors().forEach(a -> doc.add(new TextField(people, a, Field.Store.NO)));
        // the body is analysed once for searching and snippets: the stored snippet text is where the indexed text starts
        String snippetText = text.summary() + "\n" + text.body();
        String everything = String.join("\n", List.of(snippetText, text.title(), String.join("\n", text.headings()),
                String.join("\n", text.tags()), text.category(), String.join("\n", text.authors())));
        doc.add(new Field(SearchLanguages.field(ALL, language), everything, SEARCHED_WITH_OFFSETS));
        doc.add(new BinaryDocValuesField(SNIPPET_TEXT, new BytesRef(snippetText)));
        doc.add(new Field(Analyzers.SPELL, everything, WORDS_ONLY));
        // Read for every hit shown: doc values are read in place, stored fields decompress a whole block.
        doc.add(new BinaryDocValuesField(PAYLOAD, new BytesRef(source.payload())));
        source.facets().forEach((facet, labels) -> labels.stream().filter(l -> !l.value().isBlank()).forEach(label -> {
            doc.add(new StringField(facet.field(), label.value(), Field.Store.NO));
            doc.add(new SortedSetDocValuesFacetField(facet.field(), label.value()));
            names.computeIfAbsent(facet, f -> new ConcurrentHashMap<>()).put(label.value(), label.name());
        }));
        source.dates().forEach((date, at) -> {
            doc.add(new LongPoint(date.field(), at.toEpochMilli()));
            doc.add(new NumericDocValuesField(date.field(), at.toEpochMilli()));
        });
        return config.build(doc);
    }
}
