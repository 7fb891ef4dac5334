package health.cms.core.media;

import java.util.Arrays;
import java.util.Optional;

/** The image formats the library accepts, each recognised by its first bytes, never by a name or a header. */
public enum ImageFormat {

    JPEG("jpg", "image/jpeg", "jpeg"), PNG("png", "image/png", "png"), WEBP("webp", "image/webp", "webp"), GIF("gif",
            "image/gif", "gif");

    private final String extension;
    private final String mediaType;
    private final String imageIoName;

    ImageFormat(String extension, String mediaType, String imageIoName) {
        this.extension = extension;
        this.mediaType = mediaType;
        this.imageIoName = imageIoName;
    }

    /** The file extension of its blobs and URLs, e.g. {@code jpg}. */
    public String extension() {
        return extension;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The format name ImageIO's readers and writers know it by. */
    String imageIoName() {
        return imageIoName;
    }

    /** The format whose signature starts {@code bytes}, if any. */
    public static Optional<ImageFormat> sniff(byte[] bytes) {
        if (startsWith(bytes, 0, 0xFF, 0xD8, 0xFF)) {
            return Optional.of(JPEG);
        }
        if (startsWith(bytes, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of(PNG);
        }
        if (startsWith(bytes, 0, 'G', 'I', 'F', '8') && bytes.length > 5 && (bytes[4] == '7' || bytes[4] == '9')
                && bytes[5] == 'a') {
            return Optional.of(GIF);
        }
        if (startsWith(bytes, 0, 'R', 'I', 'F', 'F') && startsWith(bytes, 8, 'W', 'E', 'B', 'P')) {
            return Optional.of(WEBP);
        }
        return Optional.empty();
    }

    /** The format of a blob's extension, e.g. {@code jpg}. */
    public static Optional<ImageFormat> ofExtension(String extension) {
        return Arrays.stream(values()).filter(f -> f.extension.equals(extension)).findFirst();
    }

    private static boolean startsWith(byte[] bytes, int offset, int... signature) {
        if (bytes.length < offset + signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if ((bytes[offset + i] & 0xFF) != signature[i]) {
                return false;
            }
        }
        return true;
    }
}
