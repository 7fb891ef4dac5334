package health.cms.bench;

import static health.cms.bench.Stack.API;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Search under load (issue 14): loads the live bench articles wanted (through the import path), starts an
 * api replica with the response cache off and times until its index is ready, then runs wrk over a mix of
 * 300+ different queries (rare and common words, medical synonyms, misspellings, phrases, exclusions,
 * facets and filters), and the same mix against the stack's api with its cache on.
 *
 * Arguments: live bench articles wanted (10000), seconds per wrk run (10), runs per scenario (3). Needs the
 * stack running and Debian's wrk. Run only on a quiet machine (uptime load under 1.5).
 */
public final class SearchBenchmark {

    private static final Path WORK = Path.of(System.getProperty("java.io.tmpdir"), "cms-bench");
    private static final int PORT = 8084;

    public static void main(String[] args) throws Exception {
        int wanted = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Files.createDirectories(WORK);
        BenchContent.setUpCatalog();
        int live = BenchContent.load(wanted);
        List<String> queries = queries();
        Files.write(WORK.resolve("search-queries.txt"), queries);
        Files.writeString(WORK.resolve("search.lua"), """
                local queries = {}
                for line in io.lines("%s") do queries[#queries + 1] = line end
                local i = 0
                request = function()
                  i = i %% #queries + 1
                  return wrk.format("GET", "/api/v1/search?" .. queries[i])
                end
                """.formatted(WORK.resolve("search-queries.txt")));
        System.out.printf("Machine: %d cores; %d live bench articles; %d different queries; wrk -t2 -c%d -d%ds, %d runs%n%n",
                Runtime.getRuntime().availableProcessors(), live, queries.size(), Wrk.CONNECTIONS, seconds, runs);
        System.out.println("| Scenario | req/s min / median / max | p99 ms (median run) | ratio |");
        System.out.println("| --- | --- | --- | --- |");
        long started = System.nanoTime();
        Process uncached = ApiReplica.start(WORK, PORT, false);
        RssProbe rss = RssProbe.start("api/target/quarkus-app/quarkus-run.jar");
        try {
            ApiReplica.waitFor("http://localhost:" + PORT + "/q/health/ready", Duration.ofMinutes(5));
            double readySeconds = (System.nanoTime() - started) / 1e9;
            String lua = WORK.resolve("search.lua").toString();
            // a fresh JVM runs the search path interpreted first: measured at once, the runs would time the JIT
            Wrk.scenario("warm-up", 1, 30, "http://localhost:" + PORT + "/", "-s", lua);
            Wrk.Result off = Wrk.scenario("search mix, cache off", runs, seconds, "http://localhost:" + PORT + "/", "-s", lua);
            Wrk.print(off, null);
            Wrk.print(Wrk.scenario("search mix, cache on (stack api)", runs, seconds, API + "/", "-s", lua), off);
            System.out.printf("%nReplica start to ready (index built): %.1f s; index directory: %s%n", readySeconds,
                    indexSize());
        } finally {
            uncached.destroy();
            System.out.printf("api peak RSS (largest api process) during the runs: %d MB%n", rss.stop() / 1024);
        }
    }

    /** At least 300 distinct query strings, each a URL query for /api/v1/search. */
    static List<String> queries() {
        List<String> words = List.of("asthma", "eczema", "migraine", "anaemia", "gout", "shingles", "sinusitis",
                "tinnitus", "psoriasis", "insomnia", "sciatica", "rosacea", "treatment", "symptoms", "dose",
                "blood", "pressure", "medicine", "tablet", "cream", "inflammation", "pain", "sleep", "exercise", "diet",
                "guideline", "trial", "evidence", "children", "pregnancy", "pharmacist", "infection", "immune",
                "chronic", "relief");
        List<String> synonyms = List.of("hay fever", "high blood pressure", "heart attack", "chemo", "painkiller",
                "itchy skin", "ringing in the ears", "herpes zoster", "atopic dermatitis", "hbp", "lumbago",
                "sleeplessness", "hypertension", "anemia", "water pill", "flu", "jab", "brittle bones");
        List<String> typos = List.of("astma", "migrane", "psoriasis", "eczemma", "tinitus", "insomina", "shingels",
                "inflamation", "pregnacy", "guidline");
        Set<String> queries = new LinkedHashSet<>();
        for (String w : words) {
            queries.add("q=" + w);
            queries.add("q=" + w + "&facets=category,tag,reviewedWithin");
            queries.add("q=" + w + "&category=bench-cat-" + Math.floorMod(w.hashCode(), 5));
            queries.add("q=" + w + "&facets=author,reviewer");
            queries.add("q=" + w + "&reviewedWithin=12");
        }
        for (int i = 0; i < words.size(); i++) {
            queries.add("q=" + words.get(i) + "+" + words.get((i + 7) % words.size()));
            queries.add("q=%22" + words.get(i) + "+" + words.get((i + 1) % words.size()) + "%22");
            queries.add("q=" + words.get(i) + "+-" + words.get((i + 3) % words.size()));
        }
        synonyms.forEach(s -> queries.add("q=" + s.replace(' ', '+')));
        typos.forEach(t -> queries.add("q=" + t));
        List<String> all = new ArrayList<>(queries);
        if (all.size() < 300) {
            throw new IllegalStateException("only " + all.size() + " queries");
        }
        return all;
    }

    private static String indexSize() throws Exception {
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "cms-search");
        if (!Files.isDirectory(dir)) {
            return "not found";
        }
        try (var files = Files.walk(dir)) {
            long bytes = files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
            return String.format("%s, %.0f MB (every replica's index on this machine)", dir, bytes / 1e6);
        }
    }
}
