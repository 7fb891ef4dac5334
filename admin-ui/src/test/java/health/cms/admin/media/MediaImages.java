package health.cms.admin.media;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.concurrent.ThreadLocalRandom;

import health.cms.core.media.TestImages;

/** Images no earlier test run uploaded: a corner of random colour makes the bytes new each time. */
public final class MediaImages {

    private MediaImages() {
    }

    public static BufferedImage fresh(int width, int height) {
        BufferedImage image = TestImages.redLeftBlueRight(width, height);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int size = Math.max(1, Math.min(8, Math.min(width / 4, height)));
        for (int block = 0; block < 4; block++) {
            int rgb = new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256)).getRGB();
            for (int x = 0; x < size; x++) {
                for (int y = 0; y < size; y++) {
                    image.setRGB(block * size + x, y, rgb);
                }
            }
        }
        return image;
    }

    /** A new PNG, {@code width} x {@code height}. */
    public static byte[] png(int width, int height) {
        return TestImages.write(fresh(width, height), "png");
    }
}
