package health.cms.core.diff;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;

import health.cms.core.article.Reference;
import health.cms.core.article.Revision;
import health.cms.core.article.RevisionImage;
import health.cms.core.article.SearchAppearance;

/**
 * Word-level differences between two revisions, section by section (title, summary, byline, category,
 * tags, each heading of the body, references: everything the content hash covers), so a reviewer sees
 * exactly what changed. Changed words that contain digits
 * are flagged, because numbers, units and doses are where a small edit matters most.
 *
 * <p>
 * Bounded for hostile input: a section of more than {@link #MAX_SECTION_TOKENS} tokens, or two versions
 * too far apart to compare within a fixed budget, is reported as {@code replaced} (the whole old text
 * deleted, the whole new text inserted) instead of word by word. Recent comparisons are cached.
 */
public final class RevisionDiff {

    /**
     * Words and the whitespace between them, per side of one section, beyond which the section is reported
     * as replaced: about 10,000 words, far more than any real section under one heading.
     */
    public static final int MAX_SECTION_TOKENS = 20_000;

    /** The sections that show the byline (authors in order), the category and the tags (in slug order). */
    public static final String BYLINE = "Byline";
    public static final String CATEGORY = "Category";
    public static final String TAGS = "Tags";
    /** The section of the search result and social card fields the hash covers, present only when one is set. */
    public static final String SEARCH_AND_SOCIAL = "Search and social";
    /** The images the revision shows with their signed descriptions, one a line, present only when there are any. */
    public static final String IMAGES = "Images";

    /** Status of a section too long or too rewritten to compare word by word. */
    public static final String REPLACED = "replaced";

    // Up to 64 recent pairs and 8 million characters of diff text (about 16 MB) in all.
    private static final DiffCache CACHE = new DiffCache(64, 8_000_000);

    private static final Pattern TOKENS = Pattern.compile("\\s+|[^\\s]+");
    private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.*)$");

    private RevisionDiff() {
    }

    /** The whole comparison. */
    public record Result(Integer from, int to, List<Section> sections) {

        public boolean hasChanges() {
            return sections.stream().anyMatch(s -> !s.status().equals("unchanged"));
        }
    }

    /**
     * One section: its heading, its status ({@code added}, {@code removed}, {@code changed},
     * {@code unchanged} or {@value #REPLACED}) and the words.
     */
    public record Section(String heading, String status, List<Segment> segments) {

        /** True when the section was too long or too rewritten to compare word by word. */
        public boolean replaced() {
            return REPLACED.equals(status);
        }
    }

    /** A run of words that are equal, inserted or deleted; {@code numeric} flags changed numbers. */
    public record Segment(String op, String text, boolean numeric) {
    }

    /** Compares {@code from} (null means "nothing before", e.g. a first revision) with {@code to}. */
    public static Result between(Revision from, Revision to) {
        return between(from, to, CACHE);
    }

    static Result between(Revision from, Revision to, DiffCache cache) {
        Map<String, String> before = from == null ? Map.of() : sections(from);
        Map<String, String> after = sections(to);
        List<Section> sections = cache.get(DiffCache.Key.of(before, after), () -> compare(before, after));
        return new Result(from == null ? null : from.number(), to.number(), sections);
    }

    static DiffCache cache() {
        return CACHE;
    }

    private static List<Section> compare(Map<String, String> before, Map<String, String> after) {
        List<Section> result = new ArrayList<>();
        for (Map.Entry<String, String> entry : after.entrySet()) {
            String old = before.get(entry.getKey());
            result.add(old == null
                    ? whole(entry.getKey(), "added", "insert", entry.getValue())
                    : compare(entry.getKey(), old, entry.getValue()));
        }
        before.forEach((heading, text) -> {
            if (!after.containsKey(heading)) {
                result.add(whole(heading, "removed", "delete", text));
            }
        });
        return result;
    }

    static Map<String, String> sections(Revision revision) {
        Map<String, String> sections = new LinkedHashMap<>();
        sections.put("Title", revision.title());
        sections.put("Summary", revision.summary());
        // The rest of what the content hash covers, each its own section, so a change to who signs the
        // text or where it is filed shows like a change to the text.
        sections.put(BYLINE, lines(revision.authors().stream().map(a -> named(a.displayName(), a.slug()))));
        sections.put(CATEGORY, named(revision.category().name(), revision.category().slug()));
        sections.put(TAGS, lines(revision.tags().stream().map(t -> named(t.name(), t.slug()))));
        String heading = "Introduction";
        StringBuilder text = new StringBuilder();
        for (String line : revision.bodyMarkdown().replace("\r\n", "\n").split("\n", -1)) {
            Matcher m = HEADING.matcher(line);
            if (m.matches()) {
                putSection(sections, heading, text);
                heading = m.group(2).strip();
                text.setLength(0);
            } else {
                text.append(line).append('\n');
            }
        }
        putSection(sections, heading, text);
        StringBuilder refs = new StringBuilder();
        for (Reference r : revision.references()) {
            refs.append(r.citation());
            if (r.doi() != null) {
                refs.append(" doi:").append(r.doi());
            }
            if (r.pmid() != null) {
                refs.append(" PMID:").append(r.pmid());
            }
            if (r.url() != null) {
                refs.append(' ').append(r.url());
            }
            Reference.Parts parts = r.parts();
            Stream.of(parts.authors(), parts.title(), parts.source(), parts.year() == null ? null : parts.year().toString())
                    .filter(part -> part != null).forEach(part -> refs.append(" | ").append(part));
            refs.append('\n');
        }
        sections.put("References", refs.toString());
        String appearance = searchAndSocial(revision.appearance());
        if (!appearance.isEmpty()) {
            sections.put(SEARCH_AND_SOCIAL, appearance);
        }
        if (!revision.images().isEmpty()) {
            sections.put(IMAGES, images(revision.images(), revision.leadImage()));
        }
        return sections;
    }

    /**
     * Each image on a line of its own: its hash (a replaced picture is a new hash), then the alt text, caption and
     * credit signed with it, so an added, removed or replaced image and a changed alt text each show.
     */
    private static String images(List<RevisionImage> images, String leadImage) {
        StringBuilder text = new StringBuilder();
        for (RevisionImage image : images) {
            text.append(RevisionImage.SCHEME).append(image.sha256())
                    .append(image.sha256().equals(leadImage) ? " (lead image)" : "")
                    .append(" | Alt text: ").append(image.altText() == null ? "(none)" : image.altText())
                    .append(" | Caption: ").append(image.caption() == null ? "(none)" : image.caption())
                    .append(" | Credit: ").append(image.credit() == null ? "(none)" : image.credit()).append('\n');
        }
        return text.toString();
    }

    /** The search and social fields readers see (those the content hash covers), one a line. */
    private static String searchAndSocial(SearchAppearance appearance) {
        StringBuilder text = new StringBuilder();
        if (appearance.metaTitle() != null) {
            text.append("Meta title: ").append(appearance.metaTitle()).append('\n');
        }
        if (appearance.metaDescription() != null) {
            text.append("Meta description: ").append(appearance.metaDescription()).append('\n');
        }
        if (appearance.socialImageUrl() != null) {
            text.append("Social image: ").append(appearance.socialImageUrl()).append('\n');
        }
        return text.toString().strip();
    }

    /** A catalog record as the diff names it: its name, and the slug the content hash holds. */
    private static String named(String name, String slug) {
        return name + " (" + slug + ")";
    }

    private static String lines(Stream<String> items) {
        return items.collect(Collectors.joining("\n"));
    }

    private static void putSection(Map<String, String> sections, String heading, StringBuilder text) {
        String body = text.toString().strip();
        if (!body.isEmpty() || !heading.equals("Introduction")) {
            String key = heading;
            for (int n = 2; sections.containsKey(key); n++) {
                key = heading + " (" + n + ")";
            }
            sections.put(key, body);
        }
    }

    private static Section whole(String heading, String status, String op, String text) {
        return new Section(heading, status, List.of(new Segment(op, text, hasDigit(text))));
    }

    private static Section compare(String heading, String before, String after) {
        if (before.equals(after)) {
            return new Section(heading, "unchanged", List.of(new Segment("equal", after, false)));
        }
        List<String> a = tokens(before);
        List<String> b = tokens(after);
        Optional<Patch<String>> diff = a.size() > MAX_SECTION_TOKENS || b.size() > MAX_SECTION_TOKENS
                ? Optional.empty()
                : BoundedWordDiff.diff(a, b).patch();
        if (diff.isEmpty()) {
            List<Segment> whole = new ArrayList<>();
            add(whole, "delete", a);
            add(whole, "insert", b);
            return new Section(heading, REPLACED, whole);
        }
        Patch<String> patch = diff.get();
        List<Segment> segments = new ArrayList<>();
        int position = 0;
        for (AbstractDelta<String> delta : patch.getDeltas()) {
            int start = delta.getSource().getPosition();
            add(segments, "equal", a.subList(position, start));
            add(segments, "delete", delta.getSource().getLines());
            add(segments, "insert", delta.getTarget().getLines());
            position = start + delta.getSource().size();
        }
        add(segments, "equal", a.subList(position, a.size()));
        return new Section(heading, "changed", segments);
    }

    private static void add(List<Segment> segments, String op, List<String> tokens) {
        if (tokens.isEmpty()) {
            return;
        }
        String text = String.join("", tokens);
        segments.add(new Segment(op, text, !op.equals("equal") && hasDigit(text)));
    }

    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKENS.matcher(text);
        while (m.find()) {
            tokens.add(m.group());
        }
        return tokens;
    }

    private static boolean hasDigit(String text) {
        return text.chars().anyMatch(Character::isDigit);
    }
}
