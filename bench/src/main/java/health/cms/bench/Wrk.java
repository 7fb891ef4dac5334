package health.cms.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs Debian's wrk against one URL several times and prints the runs as a row of the results table. */
final class Wrk {

    static final int CONNECTIONS = 32;

    private Wrk() {
    }

    /** Requests per second of each run and the p99 latency of the median run. */
    record Result(String name, List<Double> rps, double p99Ms) {

        double median() {
            List<Double> sorted = new ArrayList<>(rps);
            Collections.sort(sorted);
            return sorted.get(sorted.size() / 2);
        }
    }

    static Result scenario(String name, int runs, int seconds, String url, String... extra) throws Exception {
        List<Double> rps = new ArrayList<>();
        List<Double> p99 = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            List<String> command = new ArrayList<>(
                    List.of("wrk", "-t2", "-c" + CONNECTIONS, "-d" + seconds + "s", "--latency"));
            command.addAll(List.of(extra));
            command.add(url);
            Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(wrk.getInputStream().readAllBytes());
            wrk.waitFor();
            Matcher requests = Pattern.compile("Requests/sec:\\s+([\\d.]+)").matcher(output);
            Matcher latency = Pattern.compile("99%\\s+([\\d.]+)(us|ms|s)").matcher(output);
            if (!requests.find() || !latency.find()) {
                throw new IllegalStateException("wrk run failed for " + name + ":\n" + output);
            }
            Matcher failures = Pattern.compile("Non-2xx or 3xx responses: (\\d+)|timeout (\\d+)").matcher(output);
            while (failures.find() && !name.contains("304")) {
                System.out.println("  " + name + ": " + failures.group() + " (failed requests are not counted as served)");
            }
            rps.add(Double.parseDouble(requests.group(1)));
            double value = Double.parseDouble(latency.group(1));
            p99.add(switch (latency.group(2)) {
                case "us" -> value / 1000;
                case "s" -> value * 1000;
                default -> value;
            });
        }
        List<Double> sortedP99 = new ArrayList<>(p99);
        Collections.sort(sortedP99);
        return new Result(name, rps, sortedP99.get(sortedP99.size() / 2));
    }

    static void print(Result result, Result baseline) {
        List<Double> sorted = new ArrayList<>(result.rps());
        Collections.sort(sorted);
        System.out.printf("| %s | %.0f / %.0f / %.0f | %.2f | %s |%n", result.name(), sorted.get(0), result.median(),
                sorted.get(sorted.size() - 1), result.p99Ms(),
                baseline == null ? "baseline" : String.format("%.0f%%", 100 * result.median() / baseline.median()));
    }
}
