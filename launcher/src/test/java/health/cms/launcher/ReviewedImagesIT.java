package health.cms.launcher;

import static health.cms.launcher.EndToEnd.JSON;
import static health.cms.launcher.EndToEnd.desk;
import static health.cms.launcher.EndToEnd.draft;
import static health.cms.launcher.EndToEnd.launchChromium;
import static health.cms.launcher.EndToEnd.playwright;
import static health.cms.launcher.EndToEnd.screenshot;
import static health.cms.launcher.EndToEnd.settings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

/**
 * Reviewed media in a real browser: a writer uploads a picture to the library, describes it, puts it into an
 * article with the editor's picker and submits; the medical reviewer's screen shows the picture with its alt text.
 */
@ExtendWith(StackUnderTest.class)
class ReviewedImagesIT {

    private static final String ALT = "A metered-dose inhaler held upright, mouthpiece at the bottom";

    @Test
    void aWriterUploadsAnImageInsertsItWithThePickerAndTheReviewerSeesItWithItsAltText(TestInfo test) throws Exception {
        Path photo = photo();
        long id = JSON.readTree(draft(Map.of("slug", "inhaler-" + System.nanoTime(), "title", "Using an inhaler",
                "body", "## Technique\n\nBreathe out, then press and breathe in slowly.")).body()).path("id").asLong();
        try (Playwright playwright = playwright(); Browser browser = launchChromium(playwright)) {
            Page writer = desk(browser, "writer1");
            Page shown = writer;
            try {
                writer.navigate(settings().adminUrl() + "/media");
                writer.setInputFiles("#f-file", photo);
                writer.fill("#f-credit", "Photo: Desk");
                writer.click("#media-upload button[type=submit]");
                // each file is sent on its own with its progress; a link to the stored image follows
                writer.click(".upload-progress a:has-text('stored')");
                writer.waitForURL(url -> url.matches(".*/media/[0-9]+$"));
                String sha256 = writer.textContent("code").strip();
                assertTrue(sha256.matches("[0-9a-f]{64}"), sha256);
                writer.fill("#f-altText", ALT);
                writer.fill("#f-caption", "Hold it upright and breathe out first.");
                writer.click("form[action^='/media/'] button[type=submit]");
                writer.waitForURL("**/media/*?saved=1");

                writer.navigate(settings().adminUrl() + "/articles/" + id);
                writer.click("details.media-picker summary");
                String picked = ".media-picker-list li:has(input.snippet[value*='" + sha256 + "'])";
                assertTrue(writer.inputValue(picked + " input.snippet").startsWith("![" + ALT + "](media:"));
                writer.locator("#f-body").evaluate("body => body.setSelectionRange(body.value.length, body.value.length)");
                writer.click(picked + " button.insert-image");
                assertTrue(writer.inputValue("#f-body").contains("\n\n![" + ALT + "](media:" + sha256 + ")"),
                        writer.inputValue("#f-body"));
                // the live preview shows it as readers will get it
                writer.waitForSelector("#preview figure.media img[alt='" + ALT + "']");
                screenshot(writer, "media-picker");
                writer.click("button[name=intent][value=save]");
                writer.waitForURL("**/articles/" + id + "?done=saved");
                writer.click("form[data-action=submit] button[type=submit]");
                writer.waitForURL("**/articles/" + id + "?done=submit");

                Page reviewer = desk(browser, "reviewer1");
                shown = reviewer;
                reviewer.navigate(settings().adminUrl() + "/review/" + id);
                String image = ".review-image[data-sha256='" + sha256 + "']";
                assertEquals(ALT, reviewer.textContent(image + " .alt-text").strip());
                assertTrue(reviewer.textContent(image).contains("Hold it upright and breathe out first."));
                assertTrue(reviewer.textContent(image).contains("Photo: Desk"));
                // the picture itself loads, from the api that serves it to readers
                reviewer.waitForFunction("selector => { const img = document.querySelector(selector); "
                        + "return img && img.complete && img.naturalWidth > 0; }", image + " img");
                assertEquals(1, reviewer.locator("figure.media img[alt='" + ALT + "']").count(),
                        "the text as readers will see it shows the picture with its alt text");
                screenshot(reviewer, "media-review");
            } catch (AssertionError | RuntimeException e) {
                screenshot(shown, "FAILED-" + test.getTestMethod().orElseThrow().getName());
                throw e;
            }
        }
    }

    /** A JPEG of 800 x 600 pixels in colours of this run, so it is a new image of the library every time. */
    private static Path photo() throws Exception {
        BufferedImage image = new BufferedImage(800, 600, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int x = 0; x < 800; x += 100) {
            g.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256)));
            g.fillRect(x, 0, 100, 600);
        }
        g.dispose();
        Path file = Files.createTempFile("inhaler-", ".jpg");
        ImageIO.write(image, "jpeg", file.toFile());
        file.toFile().deleteOnExit();
        return file;
    }
}
