package health.cms.core.markdown;

import java.util.List;

/** Sanitized HTML and the table of contents built from its headings. */
public record RenderedMarkdown(String html, List<TocEntry> toc) {
}
