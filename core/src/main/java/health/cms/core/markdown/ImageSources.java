package health.cms.core.markdown;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.owasp.html.HtmlSanitizer;

/**
 * Finds every image a body asks for, read by the sanitizer's own HTML parser so that any spelling it
 * would have passed as an {@code <img>} ({@code <IMG SRC=...>}, {@code <img/src=...>}, a Markdown image)
 * is found. Nothing is written: it only listens to the parsed tags.
 */
final class ImageSources implements HtmlSanitizer.Policy {

    private final List<String> sources = new ArrayList<>();

    /** The {@code src} of each image in the HTML, in order; an image without one counts with an empty source. */
    static List<String> in(String html) {
        ImageSources found = new ImageSources();
        HtmlSanitizer.sanitize(html, found);
        return List.copyOf(found.sources);
    }

    @Override
    public void openTag(String elementName, List<String> attrs) {
        String name = elementName.toLowerCase(Locale.ROOT);
        if (!name.equals("img") && !name.equals("image")) {
            return;
        }
        String source = "";
        for (int i = 0; i + 1 < attrs.size(); i += 2) {
            if (attrs.get(i).equalsIgnoreCase("src")) {
                source = attrs.get(i + 1).strip();
                break;
            }
        }
        sources.add(source);
    }

    @Override
    public void openDocument() {
    }

    @Override
    public void closeDocument() {
    }

    @Override
    public void closeTag(String elementName) {
    }

    @Override
    public void text(String textChunk) {
    }
}
