package health.cms.core.markdown;

import java.util.List;

/** Sanitized HTML and the table of contents built from its headings. */
public record RenderedMarkdown(String html, List<TocEntry> toc) {

    /** The body's text as a reader sees (and selects) it, whitespace collapsed: what review comments quote. */
    public String text() {
        return HeadingTexts.textOf(html);
    }
}
