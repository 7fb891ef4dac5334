package health.cms.bench;

import static health.cms.bench.Stack.API;
import static health.cms.bench.Stack.DESK;
import static health.cms.bench.Stack.HTTP;
import static health.cms.bench.Stack.JSON;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Issue 15's two figures: (1) a 5 MB JPEG uploaded through the management API until every rendition is stored,
 * timed from the first byte sent to the answer and to the last rendition; (2) the api serving one rendition,
 * {@code /media/{hash}/1024.jpg}, against nginx serving the same bytes as a static file in the same run.
 *
 * <pre>
 * ./mvnw -q -Pbench -pl bench compile exec:java -Dexec.mainClass=health.cms.bench.MediaBenchmark -Dexec.args="3 10"
 * </pre>
 *
 * Arguments: uploads and wrk runs (3), seconds per wrk run (10). Needs the stack running (its desk makes the
 * renditions every second, {@code CMS_MEDIA_RENDITIONS_EVERY}) and Debian's wrk and nginx-light.
 */
public final class MediaBenchmark {

    private static final Path WORK = Path.of(System.getProperty("java.io.tmpdir"), "cms-bench-media");
    private static final int NGINX_PORT = 8091;

    private MediaBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        Files.createDirectories(WORK);
        System.out.printf("%d cores; %d uploads; wrk -t2 -c%d, %d s per run, %d runs%n",
                Runtime.getRuntime().availableProcessors(), runs, Wrk.CONNECTIONS, seconds, runs);

        List<Double> answered = new ArrayList<>();
        List<Double> ready = new ArrayList<>();
        JsonNode asset = null;
        for (int run = 0; run < runs; run++) {
            byte[] jpeg = photo(run);
            long started = System.nanoTime();
            HttpResponse<String> uploaded = upload(jpeg);
            double answer = (System.nanoTime() - started) / 1e6;
            if (uploaded.statusCode() != 201) {
                throw new IllegalStateException("Upload refused: " + uploaded.statusCode() + " " + uploaded.body());
            }
            asset = JSON.readTree(uploaded.body());
            while (asset.path("renditions").path("ready").asInt() < asset.path("renditions").path("total").asInt()) {
                Thread.sleep(25);
                asset = JSON.readTree(Stack.send("GET", "/manage/v1/media/" + asset.path("id").asLong(),
                        Stack.token("writer1"), null, null).body());
            }
            double all = (System.nanoTime() - started) / 1e6;
            answered.add(answer);
            ready.add(all);
            System.out.printf("  upload %d: %.1f MB, %d x %d, answered in %.0f ms, %d renditions ready after %.0f ms%n",
                    run + 1, jpeg.length / 1024.0 / 1024.0, asset.path("width").asInt(), asset.path("height").asInt(),
                    answer, asset.path("renditions").path("total").asInt(), all);
        }
        System.out.printf("%n| 5 MB JPEG upload | min / median / max ms |%n| --- | --- |%n");
        System.out.printf("| answered (201, original stored) | %s |%n| all renditions stored | %s |%n%n", spread(answered),
                spread(ready));

        String sha256 = asset.path("sha256").asText();
        String path = "/media/" + sha256 + "/1024.jpg";
        HttpResponse<byte[]> rendition = HTTP.send(HttpRequest.newBuilder(URI.create(API + path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (rendition.statusCode() != 200) {
            throw new IllegalStateException("The api does not serve " + path + ": " + rendition.statusCode());
        }
        Path www = WORK.resolve("www");
        Files.createDirectories(www.resolve("media").resolve(sha256));
        Files.write(www.resolve("media").resolve(sha256).resolve("1024.jpg"), rendition.body());
        Process nginx = Nginx.start(WORK, www, NGINX_PORT, "image/jpeg");
        try {
            System.out.printf("| Scenario | req/s min / median / max | p99 ms (median run) | ratio to nginx (median) |%n");
            System.out.printf("| --- | --- | --- | --- |%n");
            Wrk.Result baseline = Wrk.scenario("nginx static 1024.jpg (" + rendition.body().length / 1024 + " KB)", runs,
                    seconds, "http://127.0.0.1:" + NGINX_PORT + path);
            Wrk.print(baseline, null);
            // One unrecorded run first: the api's serving path is compiled by the JIT during it (the first of
            // three recorded runs was otherwise always the slowest by far).
            Wrk.scenario("warm-up", 1, seconds, API + path);
            Wrk.print(Wrk.scenario("api /media/{hash}/1024.jpg", runs, seconds, API + path), baseline);
            Wrk.print(Wrk.scenario("api /media/{hash}/1024.jpg, If-None-Match (304)", runs, seconds, API + path, "-H",
                    "If-None-Match: " + rendition.headers().firstValue("ETag").orElseThrow()), baseline);
        } finally {
            nginx.destroy();
        }
    }

    /** About 5 MB of JPEG: 3600 x 2400 pixels of gradients with noise in each channel (the size is printed). */
    static byte[] photo(int seed) throws Exception {
        int width = 3600;
        int height = 2400;
        Random random = new Random(seed * 7919L + System.nanoTime());
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int r = Math.min(255, x * 128 / width + random.nextInt(128));
                int g = Math.min(255, y * 128 / height + random.nextInt(128));
                int b = Math.min(255, (x + y) * 64 / (width + height) + random.nextInt(128));
                image.setRGB(x, y, r << 16 | g << 8 | b);
            }
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0.9f);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    private static HttpResponse<String> upload(byte[] jpeg) throws Exception {
        String boundary = "bench-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"altText\"\r\n\r\n"
                + "A benchmark photo\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; "
                + "filename=\"photo.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(jpeg);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HTTP.send(HttpRequest.newBuilder(URI.create(DESK + "/manage/v1/media"))
                .header("Authorization", "Bearer " + Stack.token("writer1"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String spread(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return String.format("%.0f / %.0f / %.0f", sorted.get(0), sorted.get(sorted.size() / 2),
                sorted.get(sorted.size() - 1));
    }
}
