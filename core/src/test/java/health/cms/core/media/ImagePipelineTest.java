package health.cms.core.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import health.cms.core.refusal.Refusal;

/** The upload pipeline on real image files: what it keeps, what it strips and what it refuses. */
class ImagePipelineTest {

    private final ImagePipeline pipeline = new ImagePipeline(20L << 20, 50_000_000L, List.of(320, 640, 1024, 1600));

    @Test
    void stripsTheGpsBlockAndAllExifFromAJpeg() {
        byte[] upload = TestImages.jpegWithGps(TestImages.redLeftBlueRight(40, 20), 1);
        assertTrue(TestImages.contains(upload, TestImages.GPS_MARKER), "the fixture carries the GPS block");
        assertEquals(1, ImagePipeline.exifOrientation(upload));

        CleanImage clean = pipeline.clean(upload);

        assertEquals(ImageFormat.JPEG, clean.format());
        assertFalse(TestImages.contains(clean.bytes(), TestImages.GPS_MARKER), "GPS data survived");
        assertFalse(TestImages.contains(clean.bytes(), "Exif"), "an EXIF block survived");
        assertEquals(40, clean.width());
        assertEquals(20, clean.height());
    }

    @Test
    void turnsTheStoredPixelsUprightByTheExifOrientation() throws IOException {
        // 6: the camera was turned clockwise, so the left edge of the sensor is the picture's top
        byte[] upload = TestImages.jpegWithGps(TestImages.redLeftBlueRight(40, 20), 6);
        assertEquals(6, ImagePipeline.exifOrientation(upload));

        CleanImage clean = pipeline.clean(upload);

        assertEquals(20, clean.width());
        assertEquals(40, clean.height());
        BufferedImage stored = ImageIO.read(new ByteArrayInputStream(clean.bytes()));
        assertEquals(20, stored.getWidth());
        assertTrue(red(stored.getRGB(10, 5)), "the red half is on top");
        assertTrue(blue(stored.getRGB(10, 35)), "the blue half is at the bottom");
    }

    @Test
    void refusesAPngThatClaimsTenBillionPixelsBeforeDecodingIt() {
        Refusal refusal = assertThrows(Refusal.Invalid.class, () -> pipeline.clean(TestImages.pngClaiming(100_000, 100_000)));
        assertEquals("The image has 100000 x 100000 pixels; the most accepted is 50 megapixels",
                refusal.fieldErrors().get("file"));
    }

    @Test
    void refusesAnSvgRenamedToJpg() {
        byte[] evil = "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>".getBytes(StandardCharsets.UTF_8);
        Refusal refusal = assertThrows(Refusal.Invalid.class, () -> pipeline.clean(evil));
        assertEquals("Only JPEG, PNG, WebP and GIF images are accepted, and this file is none of them "
                + "(SVG is refused: it can carry scripts)", refusal.fieldErrors().get("file"));
    }

    @Test
    void refusesAScriptBehindAJpegSignature() {
        byte[] script = new byte[200];
        script[0] = (byte) 0xFF;
        script[1] = (byte) 0xD8;
        script[2] = (byte) 0xFF;
        System.arraycopy("<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8), 0, script, 3, 25);
        Refusal refusal = assertThrows(Refusal.Invalid.class, () -> pipeline.clean(script));
        assertEquals("The image could not be read: it is damaged or not really a JPG", refusal.fieldErrors().get("file"));
    }

    @Test
    void refusesAFileOverTheSizeLimit() {
        ImagePipeline small = new ImagePipeline(1_000, 50_000_000L, List.of(320));
        Refusal refusal = assertThrows(Refusal.Invalid.class,
                () -> small.clean(TestImages.write(TestImages.redLeftBlueRight(400, 400), "png")));
        assertTrue(refusal.fieldErrors().get("file").endsWith("the largest accepted is 0.0 MB"),
                refusal.fieldErrors().toString());
    }

    @Test
    void theSameUploadIsTheSameHash() {
        byte[] upload = TestImages.write(TestImages.redLeftBlueRight(64, 64), "png");
        CleanImage first = pipeline.clean(upload);
        assertEquals(first.sha256(), pipeline.clean(upload).sha256());
        assertEquals(ImagePipeline.sha256(first.bytes()), first.sha256());
        assertEquals("original.png", first.originalName());
    }

    @Test
    void acceptsGifAndKeepsItsFormat() {
        CleanImage gif = pipeline.clean(TestImages.write(TestImages.redLeftBlueRight(30, 10), "gif"));
        assertEquals(ImageFormat.GIF, gif.format());
        assertEquals(30, gif.width());
    }

    @Test
    void makesRenditionsAtTheConfiguredWidthsBelowTheOriginalOnly() throws IOException {
        CleanImage clean = pipeline.clean(TestImages.write(TestImages.redLeftBlueRight(700, 350), "png"));

        List<ImagePipeline.Rendition> renditions = pipeline.renditions(clean.bytes(), clean.format(), clean.width());

        assertEquals(List.of("320.png", "640.png"), renditions.stream().map(ImagePipeline.Rendition::name).toList());
        BufferedImage small = ImageIO.read(new ByteArrayInputStream(renditions.get(0).bytes()));
        assertEquals(320, small.getWidth());
        assertEquals(160, small.getHeight());
        assertEquals(List.of("320.png", "640.png"), pipeline.renditionNames(clean.format(), clean.width()));
    }

    private static boolean red(int rgb) {
        return ((rgb >> 16) & 0xFF) > 200 && (rgb & 0xFF) < 60;
    }

    private static boolean blue(int rgb) {
        return (rgb & 0xFF) > 200 && ((rgb >> 16) & 0xFF) < 60;
    }
}
