package health.cms.core.markdown;

/**
 * One of our library's images as a body shows it: the description signed with the revision, the original's
 * size (so the page keeps its layout while it loads), and the public URLs of the original and its renditions
 * ({@code srcset} in the {@code "<url> <width>w, ..."} form; empty when none is smaller than the original).
 */
public record Picture(String alt, String caption, String credit, int width, int height, String src, String srcset) {

    /** The URL of the widest rendition (the last in {@code srcset}), or the original's when there is none. */
    public String widestUrl() {
        if (srcset == null || srcset.isBlank()) {
            return src;
        }
        String[] candidates = srcset.split(",");
        String widest = candidates[candidates.length - 1].strip();
        int space = widest.indexOf(' ');
        return space < 0 ? widest : widest.substring(0, space);
    }
}
