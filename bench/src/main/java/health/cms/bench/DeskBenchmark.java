package health.cms.bench;

import static health.cms.bench.Stack.DESK;
import static health.cms.bench.Stack.JSON;

import java.io.ByteArrayOutputStream;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Server time and weight of the desk's main pages with a large database. Makes sure at least
 * {@code wanted} articles exist (imported as drafts if needed), logs in through the Keycloak form like
 * a browser, then runs wrk with the session cookie against each page and reports median and p95.
 *
 * <p>Arguments: articles wanted (10000), seconds per page (10), connections (4). Needs the stack
 * running and Debian's wrk.
 */
public final class DeskBenchmark {

    private static final Path WORK = Path.of(System.getProperty("java.io.tmpdir"), "cms-bench");
    private static final Pattern LOGIN_ACTION = Pattern.compile("<form[^>]+action=\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        int wanted = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int connections = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        Files.createDirectories(WORK);
        long[] ids = ensureArticles(wanted);
        System.out.printf("Machine: %d cores; %d+ articles; wrk -t1 -c%d -d%ds per page%n%n",
                Runtime.getRuntime().availableProcessors(), wanted, connections, seconds);

        Map<String, String> writerPages = new LinkedHashMap<>();
        writerPages.put("Dashboard (writer and reviewer: my drafts, my submissions, review queue)", "/");
        writerPages.put("Editor of an article", "/articles/" + ids[0]);
        writerPages.put("Review screen (rendered text, diff, references, decisions)", "/review/" + ids[1]);
        writerPages.put("Article list, first page of 50", "/articles");
        writerPages.put("History (revisions, audit trail)", "/articles/" + ids[0] + "/history");
        Map<String, String> editorPages = new LinkedHashMap<>();
        editorPages.put("Dashboard (editor: pipeline counts, weekly chart)", "/");
        editorPages.put("Catalog (profiles, categories, tags)", "/catalog");

        Path lua = WORK.resolve("percentiles.lua");
        Files.writeString(lua, """
                done = function(summary, latency, requests)
                  io.write(string.format("P50=%d P95=%d REQ=%d ERR=%d\\n", latency:percentile(50),
                    latency:percentile(95), summary.requests,
                    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.timeout))
                end
                """);
        long css = bytes(DESK + "/css/admin.css", null).length;
        long js = bytes(DESK + "/js/editor.js", null).length;
        System.out.println("| Page | median ms | p95 ms | req/s | HTML bytes (gzip) | + CSS + JS |");
        System.out.println("| --- | --- | --- | --- | --- | --- |");
        measure(login("reviewer2"), writerPages, lua, seconds, connections, css, js);
        measure(login("editor1"), editorPages, lua, seconds, connections, css, js);
        System.out.printf("%nCSS %d bytes, editor script %d bytes (only the editor loads it)%n", css, js);
    }

    private static void measure(String cookie, Map<String, String> pages, Path lua, int seconds, int connections,
            long css, long js) throws Exception {
        for (Map.Entry<String, String> page : pages.entrySet()) {
            byte[] html = bytes(DESK + page.getValue(), cookie);
            Process wrk = new ProcessBuilder("wrk", "-t1", "-c" + connections, "-d" + seconds + "s", "-s", lua.toString(),
                    "-H", "Cookie: " + cookie, DESK + page.getValue()).redirectErrorStream(true).start();
            String output = new String(wrk.getInputStream().readAllBytes());
            wrk.waitFor();
            Matcher m = Pattern.compile("P50=(\\d+) P95=(\\d+) REQ=(\\d+) ERR=(\\d+)").matcher(output);
            if (!m.find()) {
                throw new IllegalStateException("wrk failed on " + page.getValue() + ":\n" + output);
            }
            if (Long.parseLong(m.group(4)) > 0) {
                throw new IllegalStateException(m.group(4) + " failed requests on " + page.getValue() + ":\n" + output);
            }
            boolean editor = page.getValue().matches("/articles/\\d+");
            System.out.printf("| %s | %.1f | %.1f | %.0f | %,d (%,d) | %,d |%n", page.getKey(),
                    Long.parseLong(m.group(1)) / 1000.0, Long.parseLong(m.group(2)) / 1000.0,
                    Long.parseLong(m.group(3)) / (double) seconds, html.length, gzip(html),
                    html.length + css + (editor ? js : 0));
        }
    }

    /** Imports drafts named desk-bench-N until {@code wanted} exist (existing slugs are skipped). */
    private static long[] ensureArticles(int wanted) throws Exception {
        ArticleGenerator generator = new ArticleGenerator(1, 6_000);
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < wanted; i++) {
            lines.append(JSON.writeValueAsString(generator.article("desk-bench-" + i, "treatments-therapies",
                    "elena-marsh"))).append('\n');
        }
        long start = System.nanoTime();
        JsonNode job = Stack.importLines("writer1", lines.toString(), true);
        System.out.printf("Bench drafts: %d created, %d already there (%.1f s)%n", job.path("created").asInt(),
                job.path("skipped").asInt(), (System.nanoTime() - start) / 1e9);
        JsonNode first = JSON.readTree(Stack.send("GET", "/manage/v1/articles?status=medical-review&limit=2",
                Stack.token("writer1"), null, null).body());
        return new long[]{first.path(0).path("id").asLong(), first.path(1).path("id").asLong()};
    }

    /**
     * Logs in through the Keycloak form as a browser does and returns the desk's session cookies.
     * Cookies are kept by hand: Keycloak marks its login cookies Secure, which Java's cookie store
     * then refuses to send over plain http to localhost, while browsers accept it there.
     */
    private static String login(String user) throws Exception {
        Map<String, Map<String, String>> jar = new LinkedHashMap<>();
        HttpResponse<String> loginPage = follow(jar, HttpRequest.newBuilder(URI.create(DESK + "/")).build());
        Matcher action = LOGIN_ACTION.matcher(loginPage.body());
        if (!action.find()) {
            throw new IllegalStateException("No Keycloak login form at " + loginPage.uri());
        }
        HttpResponse<String> desk = follow(jar, HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + user)).build());
        if (desk.statusCode() != 200 || !desk.uri().toString().startsWith(DESK)) {
            throw new IllegalStateException("Login as " + user + " failed: " + desk.statusCode() + " " + desk.uri());
        }
        return cookieHeader(jar, URI.create(DESK));
    }

    private static HttpResponse<String> follow(Map<String, Map<String, String>> jar, HttpRequest first) throws Exception {
        HttpRequest request = first;
        for (int hops = 0; hops < 10; hops++) {
            HttpRequest.Builder withCookies = HttpRequest.newBuilder(request.uri())
                    .method(request.method(), request.bodyPublisher().orElse(HttpRequest.BodyPublishers.noBody()));
            request.headers().map().forEach((name, values) -> values.forEach(v -> withCookies.header(name, v)));
            String cookies = cookieHeader(jar, request.uri());
            if (!cookies.isEmpty()) {
                withCookies.header("Cookie", cookies);
            }
            HttpResponse<String> response = Stack.HTTP.send(withCookies.build(), HttpResponse.BodyHandlers.ofString());
            Map<String, String> hostCookies = jar.computeIfAbsent(authority(request.uri()), k -> new LinkedHashMap<>());
            for (String header : response.headers().allValues("Set-Cookie")) {
                HttpCookie.parse(header).forEach(c -> hostCookies.put(c.getName(), c.getValue()));
            }
            var location = response.headers().firstValue("Location");
            if (response.statusCode() / 100 != 3 || location.isEmpty()) {
                return response;
            }
            request = HttpRequest.newBuilder(request.uri().resolve(location.get())).GET().build();
        }
        throw new IllegalStateException("Too many redirects while logging in");
    }

    private static String cookieHeader(Map<String, Map<String, String>> jar, URI uri) {
        return jar.getOrDefault(authority(uri), Map.of()).entrySet().stream().filter(c -> !c.getValue().isEmpty())
                .map(c -> c.getKey() + "=" + c.getValue()).collect(Collectors.joining("; "));
    }

    private static String authority(URI uri) {
        return uri.getHost() + ":" + uri.getPort();
    }

    private static byte[] bytes(String url, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        HttpResponse<byte[]> response = Stack.HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode());
        }
        return response.body();
    }

    private static long gzip(byte[] data) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(data);
        }
        return out.size();
    }
}
