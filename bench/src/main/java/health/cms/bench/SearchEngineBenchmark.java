package health.cms.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import health.cms.core.search.DateField;
import health.cms.core.search.Facet;
import health.cms.core.search.LuceneSearchEngine;
import health.cms.core.search.SearchDocument;
import health.cms.core.search.SearchEngine;
import health.cms.core.search.SearchQuery;
import health.cms.core.search.Vocabulary;

/**
 * The search engine alone (issue 14), without HTTP or a database: indexes N generated articles in this JVM,
 * then runs the query mix of {@link SearchBenchmark} from a number of threads and reports queries per second,
 * latency percentiles, the CPU time per query and the heap the index needs. It tells how much of an uncached
 * search's cost is the engine's and how that cost grows from 10k to 100k articles.
 *
 * Arguments: articles (100000), seconds of measurement (20), threads (2). Run on a quiet machine.
 */
public final class SearchEngineBenchmark {

    public static void main(String[] args) throws Exception {
        int articles = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        Clock clock = Clock.systemUTC();
        Path dir = Files.createTempDirectory("cms-search-bench");
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long heapBefore = usedHeap(memory);
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory
                .getOperatingSystemMXBean();
        long generating = os.getProcessCpuTime();
        IntStream.range(0, Math.min(articles, 2_000)).forEach(i -> document(i, clock.instant()));
        double generatingCpuPerArticle = (os.getProcessCpuTime() - generating) / 1e9 / Math.min(articles, 2_000);
        try (SearchEngine engine = new LuceneSearchEngine("bench", dir, Vocabulary.standard(), clock)) {
            long started = System.nanoTime();
            long cpuStarted = os.getProcessCpuTime();
            engine.replaceAll(IntStream.range(0, articles).mapToObj(i -> document(i, clock.instant())));
            double indexSeconds = (System.nanoTime() - started) / 1e9;
            double indexCpuSeconds = (os.getProcessCpuTime() - cpuStarted) / 1e9 - generatingCpuPerArticle * articles;
            long heapIndexed = usedHeap(memory) - heapBefore;
            List<SearchQuery> queries = SearchBenchmark.queries().stream().map(q -> query(q, clock)).toList();
            run(engine, queries, threads, 5);
            Measured measured = run(engine, queries, threads, seconds);
            System.out.printf("Machine: %d cores, Java %s, max heap %d MB; %,d articles indexed in %.1f s, "
                    + "%.1f s of CPU without generating them (heap held after indexing: %d MB; index on disk %d MB)%n",
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                    Runtime.getRuntime().maxMemory() >> 20, articles, indexSeconds, indexCpuSeconds, heapIndexed >> 20,
                    directorySize(dir) >> 20);
            if (System.getProperty("costliest") != null) {
                costliest(engine, queries, SearchBenchmark.queries(), Integer.getInteger("costliest"));
            }
            System.out.printf("%d queries in the mix, %d threads, %d s: %,.0f queries/s, p50 %.2f ms, p99 %.2f ms, "
                    + "%.2f ms CPU per query%n", queries.size(), threads, seconds, measured.perSecond(),
                    measured.p50(), measured.p99(), measured.cpuMsPerQuery());
        }
    }

    private record Measured(double perSecond, double p50, double p99, double cpuMsPerQuery) {
    }

    private static Measured run(SearchEngine engine, List<SearchQuery> queries, int threads, int seconds)
            throws InterruptedException {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long until = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicLong cpuNanos = new AtomicLong();
        List<long[]> latencies = new ArrayList<>();
        List<Thread> running = new ArrayList<>();
        int[] counts = new int[threads];
        for (int t = 0; t < threads; t++) {
            long[] own = new long[5_000_000];
            latencies.add(own);
            int slot = t;
            Thread thread = new Thread(() -> {
                long cpuStart = cpu.getCurrentThreadCpuTime();
                int i = slot * 37;
                int n = 0;
                while (System.nanoTime() < until && n < own.length) {
                    long start = System.nanoTime();
                    engine.search(queries.get(i++ % queries.size()));
                    own[n++] = System.nanoTime() - start;
                }
                counts[slot] = n;
                cpuNanos.addAndGet(cpu.getCurrentThreadCpuTime() - cpuStart);
            });
            running.add(thread);
            thread.start();
        }
        for (Thread thread : running) {
            thread.join();
        }
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int t = 0; t < threads; t++) {
            System.arraycopy(latencies.get(t), 0, all, at, counts[t]);
            at += counts[t];
        }
        Arrays.sort(all);
        return new Measured(total / (double) seconds, all[total / 2] / 1e6, all[(int) (total * 0.99)] / 1e6,
                cpuNanos.get() / 1e6 / total);
    }

    /** One of the bench articles, as the api's indexer would make it from the read model. */
    private static SearchDocument document(int i, Instant now) {
        Random random = new Random(i);
        Map<String, Object> article = new ArticleGenerator(i, 6_000).article("bench-" + i, "bench-cat-" + i % 5,
                "bench-author-" + i % 20);
        String body = (String) article.get("body");
        List<String> headings = body.lines().filter(l -> l.startsWith("## ")).map(l -> l.substring(3)).toList();
        Map<Facet, List<SearchDocument.Label>> facets = new EnumMap<>(Facet.class);
        facets.put(Facet.CATEGORY, List.of(new SearchDocument.Label("bench-cat-" + i % 5, "Bench category " + i % 5)));
        facets.put(Facet.AUTHOR, List.of(new SearchDocument.Label("bench-author-" + i % 20, "Author " + i % 20)));
        facets.put(Facet.REVIEWER, List.of(new SearchDocument.Label("reviewer-" + i % 7, "Reviewer " + i % 7)));
        facets.put(Facet.TAG, List.of());
        Map<DateField, Instant> dates = new EnumMap<>(DateField.class);
        dates.put(DateField.UPDATED_AT, now.minusSeconds(i * 60L));
        dates.put(DateField.REVIEWED_AT, now.minusSeconds(random.nextInt(3 * 365) * 86_400L));
        return new SearchDocument(i + 1, "bench-" + i, new SearchDocument.Text((String) article.get("title"),
                (String) article.get("summary"), headings, body, List.of(), "Bench category " + i % 5,
                List.of("Author " + i % 20)), facets, dates,
                "{\"slug\":\"bench-" + i + "\",\"title\":\"" + article.get("title") + "\"}");
    }

    /** A query of the HTTP mix ({@code q=...&facets=...&category=...&reviewedWithin=...}) as the api builds it. */
    private static SearchQuery query(String urlQuery, Clock clock) {
        String text = "";
        Map<Facet, String> filters = new EnumMap<>(Facet.class);
        Map<DateField, SearchQuery.Range> ranges = new EnumMap<>(DateField.class);
        Set<Facet> counted = EnumSet.noneOf(Facet.class);
        boolean reviewedWithin = false;
        for (String pair : urlQuery.split("&")) {
            String[] kv = pair.split("=", 2);
            String value = URLDecoder.decode(kv[1], StandardCharsets.UTF_8);
            switch (kv[0]) {
                case "q" -> text = value;
                case "category" -> filters.put(Facet.CATEGORY, value);
                case "reviewedWithin" -> ranges.put(DateField.REVIEWED_AT, new SearchQuery.Range(
                        clock.instant().atZone(ZoneOffset.UTC).minusMonths(Integer.parseInt(value)).toInstant(), null));
                case "facets" -> {
                    for (String facet : value.split(",")) {
                        if (facet.equals("reviewedWithin")) {
                            reviewedWithin = true;
                        } else {
                            counted.add(Facet.valueOf(facet.toUpperCase(java.util.Locale.ROOT)));
                        }
                    }
                }
                default -> throw new IllegalArgumentException(pair);
            }
        }
        return new SearchQuery(text, filters, ranges, counted, reviewedWithin, 10, Optional.empty());
    }

    /** The queries that cost most CPU, each run a few times on one thread: where to look first. */
    private static void costliest(SearchEngine engine, List<SearchQuery> queries, List<String> written, int shown) {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        double[] ms = new double[queries.size()];
        for (int i = 0; i < queries.size(); i++) {
            long start = cpu.getCurrentThreadCpuTime();
            for (int r = 0; r < 5; r++) {
                engine.search(queries.get(i));
            }
            ms[i] = (cpu.getCurrentThreadCpuTime() - start) / 5e6;
        }
        Integer[] order = IntStream.range(0, ms.length).boxed().sorted((a, b) -> Double.compare(ms[b], ms[a]))
                .toArray(Integer[]::new);
        for (int i = 0; i < shown; i++) {
            System.out.printf("%8.2f ms CPU  %s%n", ms[order[i]], written.get(order[i]));
        }
        System.out.printf("mean %.2f ms CPU over %d queries%n", Arrays.stream(ms).average().orElse(0), ms.length);
    }

    private static long usedHeap(MemoryMXBean memory) {
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static long directorySize(Path dir) throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
