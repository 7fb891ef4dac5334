package health.cms.core.readability;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

/**
 * The prose a reader reads in a Markdown body, as sections of sentences: headings start sections, code,
 * raw HTML and images are not prose, and every paragraph, list item and table cell ends a sentence even
 * without a full stop (a bullet point is read as one).
 */
final class Prose {

    /** Sentences longer than this are flagged: plain-language guides put the average at 15 to 20 words. */
    static final int LONG_SENTENCE_WORDS = 25;

    static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’-]*");
    /** A sentence ends at . ! or ? (with closing quotes or brackets) followed by a space. */
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?]+[\"'”’)\\]]*(?=\\s|$)");
    /** Abbreviations whose full stop does not end a sentence. */
    private static final Set<String> ABBREVIATIONS = Set.of("e.g.", "i.e.", "dr.", "mr.", "mrs.", "ms.", "vs.",
            "prof.", "approx.", "fig.", "no.", "st.", "cf.", "al.", "ca.");

    private static final Pattern INITIALS = Pattern.compile("(?:\\p{L}\\.)+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private static final Parser PARSER = Parser.builder().extensions(List.of(TablesExtension.create())).build();

    /** One section: its heading ({@code ""} before the first heading) and its sentences. */
    record Section(String heading, List<String> sentences) {
    }

    private Prose() {
    }

    static List<Section> of(String markdown) {
        Collector collector = new Collector();
        PARSER.parse(markdown == null ? "" : markdown).accept(collector);
        collector.endSection();
        return collector.sections;
    }

    static List<String> words(String sentence) {
        List<String> words = new ArrayList<>();
        Matcher word = WORD.matcher(sentence);
        while (word.find()) {
            words.add(word.group());
        }
        return words;
    }

    static List<String> sentences(String text) {
        List<String> sentences = new ArrayList<>();
        Matcher end = SENTENCE_END.matcher(text);
        int start = 0;
        while (end.find()) {
            String candidate = text.substring(start, end.end()).strip();
            if (endsWithAbbreviation(candidate)) {
                continue;
            }
            add(sentences, candidate);
            start = end.end();
        }
        add(sentences, text.substring(start).strip());
        return sentences;
    }

    private static boolean endsWithAbbreviation(String sentence) {
        int space = sentence.lastIndexOf(' ');
        String last = sentence.substring(space + 1).toLowerCase();
        return ABBREVIATIONS.contains(last) || INITIALS.matcher(last).matches() && last.length() <= 4;
    }

    private static void add(List<String> sentences, String sentence) {
        if (WORD.matcher(sentence).find()) {
            sentences.add(sentence);
        }
    }

    /** Walks the Markdown tree, collecting each text block's words as the reader meets them. */
    private static final class Collector extends AbstractVisitor {

        private final List<Section> sections = new ArrayList<>();
        private final StringBuilder text = new StringBuilder();
        private String heading = "";
        private List<String> sentences = new ArrayList<>();

        @Override
        public void visit(Heading node) {
            endSection();
            visitChildren(node);
            heading = SPACES.matcher(text).replaceAll(" ").strip();
            text.setLength(0);
        }

        @Override
        public void visit(Paragraph node) {
            visitChildren(node);
            endBlock();
        }

        @Override
        public void visit(org.commonmark.node.CustomNode node) {
            visitChildren(node);
            if (node instanceof TableCell) {
                endBlock();
            }
        }

        @Override
        public void visit(Text node) {
            text.append(node.getLiteral());
        }

        @Override
        public void visit(Code node) {
            text.append(node.getLiteral());
        }

        @Override
        public void visit(SoftLineBreak node) {
            text.append(' ');
        }

        @Override
        public void visit(HardLineBreak node) {
            text.append(' ');
        }

        @Override
        public void visit(Image node) {
            // alt text is not read as part of the prose
        }

        @Override
        public void visit(HtmlInline node) {
        }

        @Override
        public void visit(HtmlBlock node) {
        }

        @Override
        public void visit(FencedCodeBlock node) {
        }

        @Override
        public void visit(IndentedCodeBlock node) {
        }

        private void endBlock() {
            sentences.addAll(sentences(SPACES.matcher(text).replaceAll(" ")));
            text.setLength(0);
        }

        void endSection() {
            endBlock();
            if (!sentences.isEmpty()) {
                sections.add(new Section(heading, sentences));
            }
            sentences = new ArrayList<>();
        }
    }
}
