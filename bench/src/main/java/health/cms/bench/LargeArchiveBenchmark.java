package health.cms.bench;

/**
 * Fills the running local stack with N live articles of about 6 KB (imported, submitted and approved
 * through the workflow, as for {@link DeliveryBenchmark}), so that the backup command can be timed on
 * a large archive (docs/benchmarks.md):
 *
 * <pre>
 * ./mvnw -q -Pbench -pl bench compile exec:java -Dexec.mainClass=health.cms.bench.LargeArchiveBenchmark -Dexec.args="10000"
 * ./mvnw -q package -Pbackup -Dexport=backup-10000.zip
 * </pre>
 *
 * Argument: live bench articles wanted (10000); those already live count.
 */
public final class LargeArchiveBenchmark {

    private LargeArchiveBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int wanted = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        long start = System.nanoTime();
        BenchContent.setUpCatalog();
        int live = BenchContent.load(wanted);
        System.out.printf("Live bench articles: %d (%.0f s); now time the export:%n"
                + "  ./mvnw -q package -Pbackup -Dexport=backup-%d.zip%n", live, (System.nanoTime() - start) / 1e9, live);
    }
}
