package health.cms.core.markdown;

/** One heading of an article: its level (2 or 3), its text and the anchor id it links to. */
public record TocEntry(int level, String text, String anchor) {
}
