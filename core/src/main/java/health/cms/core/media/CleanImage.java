package health.cms.core.media;

/**
 * An accepted image as stored: re-encoded from its decoded pixels (so no metadata survives), upright, and
 * addressed by the SHA-256 of these bytes.
 */
public record CleanImage(ImageFormat format, byte[] bytes, int width, int height, String sha256) {

    /** The blob name of the stored original, e.g. {@code original.jpg}. */
    public String originalName() {
        return originalName(format);
    }

    public static String originalName(ImageFormat format) {
        return "original." + format.extension();
    }
}
