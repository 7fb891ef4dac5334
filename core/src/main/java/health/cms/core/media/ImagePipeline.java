package health.cms.core.media;

import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.AffineTransformOp;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEG;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegment;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegmentUtil;
import com.twelvemonkeys.imageio.metadata.tiff.TIFF;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;

import health.cms.core.refusal.Refusal;
import net.coobird.thumbnailator.Thumbnails;

/**
 * Turns an upload into a {@link CleanImage} and an image into its renditions. The format is recognised
 * by the bytes; size and pixel count are checked before any pixel is decoded (a small file may claim
 * 100,000 x 100,000 pixels); the decoded pixels are turned upright by the EXIF orientation and encoded
 * again, which leaves EXIF, XMP, GPS and comments behind. Reading is TwelveMonkeys' and the JDK's
 * ImageIO, downscaling Thumbnailator's: no codec of ours.
 */
public final class ImagePipeline {

    private static final float JPEG_QUALITY = 0.9f;

    private final long maxBytes;
    private final long maxPixels;
    private final List<Integer> widths;

    public ImagePipeline(long maxBytes, long maxPixels, List<Integer> widths) {
        this.maxBytes = maxBytes;
        this.maxPixels = maxPixels;
        this.widths = widths.stream().sorted().distinct().toList();
        // ImageIO finds plugins on the class path it saw first; an app's class loader may come later.
        ImageIO.scanForPlugins();
        ImageIO.setUseCache(false);
    }

    public static ImagePipeline from(MediaConfig config) {
        return new ImagePipeline(config.maxBytes(), config.maxPixels(), config.widths());
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** The format stored for an upload of {@code format}: WebP is kept as PNG where no WebP writer is installed. */
    public static ImageFormat storedFormat(ImageFormat format) {
        return format == ImageFormat.WEBP && !canWrite(ImageFormat.WEBP) ? ImageFormat.PNG : format;
    }

    /** Checks, decodes, strips and re-encodes an upload, or refuses it with a message for the {@code file} field. */
    public CleanImage clean(byte[] upload) {
        if (upload.length == 0) {
            throw Refusal.invalid("file", "The file is empty");
        }
        if (upload.length > maxBytes) {
            throw Refusal.invalid("file", "The file has " + megabytes(upload.length) + "; the largest accepted is "
                    + megabytes(maxBytes));
        }
        ImageFormat format = ImageFormat.sniff(upload).orElseThrow(() -> Refusal.invalid("file",
                "Only JPEG, PNG, WebP and GIF images are accepted, and this file is none of them"
                        + (looksLikeSvg(upload) ? " (SVG is refused: it can carry scripts)" : "")));
        BufferedImage pixels = decode(upload, format);
        BufferedImage upright = format == ImageFormat.JPEG ? orient(pixels, exifOrientation(upload)) : pixels;
        ImageFormat stored = storedFormat(format);
        byte[] bytes = encode(upright, stored);
        return new CleanImage(stored, bytes, upright.getWidth(), upright.getHeight(), sha256(bytes));
    }

    /** The widths of the renditions of an image {@code width} pixels wide: the configured ones below it. */
    public List<Integer> renditionWidths(int width) {
        return widths.stream().filter(w -> w < width).toList();
    }

    /** The blob names of an image's renditions, e.g. {@code 320.jpg}, {@code 640.jpg}. */
    public List<String> renditionNames(ImageFormat format, int width) {
        return renditionWidths(width).stream().map(w -> w + "." + format.extension()).toList();
    }

    /**
     * The renditions of a stored original that {@code wanted} accepts by blob name (e.g. {@code 640.jpg}): each
     * at its width, same format, proportional height. The original is decoded once for all of them.
     */
    public List<Rendition> renditions(byte[] original, ImageFormat format, int width, Predicate<String> wanted) {
        List<Integer> widths = renditionWidths(width).stream().filter(w -> wanted.test(w + "." + format.extension()))
                .toList();
        if (widths.isEmpty()) {
            return List.of();
        }
        BufferedImage pixels = decode(original, format);
        List<Rendition> out = new ArrayList<>();
        for (int w : widths) {
            try {
                BufferedImage scaled = Thumbnails.of(pixels).width(w).keepAspectRatio(true).asBufferedImage();
                out.add(new Rendition(w + "." + format.extension(), w, encode(scaled, format)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    /** Every rendition of a stored original. */
    public List<Rendition> renditions(byte[] original, ImageFormat format, int width) {
        return renditions(original, format, width, name -> true);
    }

    /** One resized copy of an image and its blob name. */
    public record Rendition(String name, int width, byte[] bytes) {
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private BufferedImage decode(byte[] bytes, ImageFormat format) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.imageIoName());
        if (!readers.hasNext()) {
            throw Refusal.invalid("file", format.extension().toUpperCase(Locale.ROOT) + " images cannot be read here");
        }
        ImageReader reader = readers.next();
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(in, true, true);
            long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
            if (pixels > maxPixels) {
                throw Refusal.invalid("file", "The image has " + reader.getWidth(0) + " x " + reader.getHeight(0)
                        + " pixels; the most accepted is " + maxPixels / 1_000_000 + " megapixels");
            }
            if (pixels <= 0) {
                throw Refusal.invalid("file", "The image claims no pixels");
            }
            return reader.read(0);
        } catch (IOException | RuntimeException e) {
            if (e instanceof Refusal refusal) {
                throw refusal;
            }
            throw Refusal.invalid("file", "The image could not be read: it is damaged or not really a "
                    + format.extension().toUpperCase(Locale.ROOT));
        } finally {
            reader.dispose();
        }
    }

    /** The EXIF orientation (1 to 8) of a JPEG, 1 when it has none or an unreadable one. */
    static int exifOrientation(byte[] jpeg) {
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(jpeg))) {
            for (JPEGSegment segment : JPEGSegmentUtil.readSegments(in, JPEG.APP1, "Exif")) {
                try (InputStream data = segment.data()) {
                    byte[] exif = data.readAllBytes();
                    int start = exif.length > 0 && exif[0] == 0 ? 1 : 0; // the pad byte after "Exif\0"
                    Directory directory = new TIFFReader().read(new MemoryCacheImageInputStream(
                            new ByteArrayInputStream(exif, start, exif.length - start)));
                    Entry entry = directory.getEntryById(TIFF.TAG_ORIENTATION);
                    if (entry != null && entry.getValue() instanceof Number n && n.intValue() >= 1 && n.intValue() <= 8) {
                        return n.intValue();
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // A broken EXIF block only loses its orientation: the pixels were read already.
        }
        return 1;
    }

    /** The pixels turned as EXIF orientation {@code orientation} says the camera held them. */
    static BufferedImage orient(BufferedImage image, int orientation) {
        if (orientation <= 1 || orientation > 8) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        boolean swap = orientation >= 5;
        AffineTransform t = new AffineTransform();
        switch (orientation) {
            case 2 -> t.scale(-1, 1);
            case 3 -> t.rotate(Math.PI);
            case 4 -> t.scale(1, -1);
            case 5 -> {
                t.rotate(Math.PI / 2);
                t.scale(1, -1);
            }
            case 6 -> t.rotate(Math.PI / 2);
            case 7 -> {
                t.rotate(-Math.PI / 2);
                t.scale(1, -1);
            }
            case 8 -> t.rotate(-Math.PI / 2);
            default -> {
            }
        }
        // Move the turned picture back into the first quadrant.
        java.awt.geom.Rectangle2D bounds = t.createTransformedShape(new java.awt.Rectangle(0, 0, w, h)).getBounds2D();
        AffineTransform shift = AffineTransform.getTranslateInstance(-bounds.getX(), -bounds.getY());
        shift.concatenate(t);
        BufferedImage out = new BufferedImage(swap ? h : w, swap ? w : h, rgbType(image));
        Graphics2D g = out.createGraphics();
        try {
            g.drawImage(image, new AffineTransformOp(shift, AffineTransformOp.TYPE_NEAREST_NEIGHBOR), 0, 0);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static int rgbType(BufferedImage image) {
        return image.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
    }

    static boolean canWrite(ImageFormat format) {
        return ImageIO.getImageWritersByFormatName(format.imageIoName()).hasNext();
    }

    /** The pixels alone, in {@code format}: no metadata is written (ImageIO adds only what the format needs). */
    static byte[] encode(BufferedImage image, ImageFormat format) {
        BufferedImage pixels = format == ImageFormat.JPEG ? withoutAlpha(image) : image;
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName(format.imageIoName());
        if (!writers.hasNext()) {
            throw new IllegalStateException("no ImageIO writer for " + format);
        }
        ImageWriter writer = writers.next();
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(buffer)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (format == ImageFormat.JPEG) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(JPEG_QUALITY);
            }
            writer.write(null, new IIOImage(pixels, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return buffer.toByteArray();
    }

    private static BufferedImage withoutAlpha(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_INT_RGB) {
            return image;
        }
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        try {
            g.drawImage(image, 0, 0, java.awt.Color.WHITE, null);
        } finally {
            g.dispose();
        }
        return rgb;
    }

    private static boolean looksLikeSvg(byte[] bytes) {
        String start = new String(bytes, 0, Math.min(bytes.length, 1024), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
        return start.contains("<svg");
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1_048_576.0);
    }
}
