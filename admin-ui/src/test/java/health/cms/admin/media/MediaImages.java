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
        for (int block = 0; block < 4; block++) {
            int rgb = new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256)).getRGB();
            for (int x = 0; x < 8; x++) {
                for (int y = 0; y < 8; y++) {
                    image.setRGB(block * 8 + x, y, rgb);
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
