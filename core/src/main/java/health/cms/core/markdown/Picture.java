package health.cms.core.markdown;

/**
 * One of our library's images as a body shows it: the description signed with the revision, the original's
 * size (so the page keeps its layout while it loads), and the public URLs of the original and its renditions
 * ({@code srcset} in the {@code "<url> <width>w, ..."} form; empty when none is smaller than the original).
 */
public record Picture(String alt, String caption, String credit, int width, int height, String src, String srcset) {
}
