package health.cms.core.testing.hostile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.BiPredicate;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Generates malformed requests from a list of endpoints and the mutation {@link Strategies}, sends
 * them, and checks every answer: no 5xx, nothing that names our internals, the error format each
 * surface promises, and no write accepted. Deterministic: the same seed gives the same requests.
 */
public final class HostileRequests {

    /**
     * What must never appear in an answer: class and package names, stack-trace lines, SQL errors,
     * configuration. Generated inputs never contain these, so an echo of the input cannot trip them.
     */
    public static final List<String> LEAKS = List.of("Exception", "exception", "at health.", "health.cms.", "java.",
            "javax.", "jakarta.", "org.hibernate", "io.quarkus", "io.vertx", "io.netty", "io.smallrye",
            "com.fasterxml", "org.jboss", "org.postgresql", "PSQL", "SQLState", "SQL state", "Caused by", "\tat ",
            "quarkus.datasource", "jdbc:postgresql", "NullPointer", "IllegalArgument", "IllegalState", "Throwable",
            "StackTrace", "stacktrace");

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the answers of one surface must look like. */
    public record Rules(Predicate<HostileRequest> problemJson, Predicate<HostileRequest> html,
            BiPredicate<HostileRequest, HostileResponse> harmlessSuccess) {
    }

    /** The outcome of a run: how many of each, and everything that broke a rule. */
    public record Report(int requests, Map<String, Integer> byStrategy, Map<Integer, Integer> byStatus,
            List<String> failures, long millis, List<String> slowest) {

        /** The summary and every failure, for reading after a failed run. */
        public void write(java.nio.file.Path file) {
            try {
                java.nio.file.Files.createDirectories(file.toAbsolutePath().getParent());
                java.nio.file.Files.writeString(file, summary() + "\n\n" + String.join("\n", failures) + "\n");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        public String summary() {
            return String.format(Locale.ROOT, "%,d hostile requests in %.1f s; by strategy %s; by status %s; slowest %s",
                    requests, millis / 1000.0, byStrategy, byStatus, slowest);
        }
    }

    private HostileRequests() {
    }

    /**
     * Every pair of endpoint and strategy in turn, a quarter of them with a second strategy on top;
     * then {@code finish} (the app's authentication and write guards) has the last word.
     */
    public static List<HostileRequest> generate(long seed, int count, List<Endpoint> endpoints,
            BiConsumer<Draft, RandomGenerator> finish) {
        RandomGenerator random = new SplittableRandom(seed);
        List<Strategies.Strategy> strategies = Strategies.all();
        List<HostileRequest> requests = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Endpoint endpoint = endpoints.get(i % endpoints.size());
            Draft draft = new Draft(endpoint);
            Strategies.Strategy first = strategies.get((i / endpoints.size()) % strategies.size());
            first.apply(draft, random);
            draft.strategies.add(first.name());
            if (random.nextInt(4) == 0) {
                Strategies.Strategy second = Strategies.pick(random, strategies);
                second.apply(draft, random);
                draft.strategies.add(second.name());
            }
            finish.accept(draft, random);
            requests.add(draft.build());
        }
        return requests;
    }

    /** Applies one of the endpoint's guards to a request with an unsafe method, so that it is refused. */
    public static void guardWrites(Draft draft, RandomGenerator random, List<Endpoint.Guard> universal) {
        if (!unsafe(draft.method)) {
            return;
        }
        List<Endpoint.Guard> guards = draft.rerouted() || draft.endpoint.guards().isEmpty()
                ? universal
                : draft.endpoint.guards();
        Endpoint.Guard guard = Strategies.pick(random, guards);
        guard.apply().accept(draft, random);
        draft.strategies.add("guard:" + guard.name());
    }

    public static boolean unsafe(String method) {
        return !(method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS"));
    }

    public static Report run(String host, int port, List<HostileRequest> requests, Rules rules) {
        Map<String, Integer> byStrategy = new TreeMap<>();
        Map<Integer, Integer> byStatus = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        List<Map.Entry<Long, String>> timings = new ArrayList<>();
        long start = System.nanoTime();
        try (RawHttpClient client = new RawHttpClient(host, port)) {
            for (HostileRequest request : requests) {
                long sent = System.nanoTime();
                HostileResponse response = client.send(request);
                long took = System.nanoTime() - sent;
                timings.add(Map.entry(took, request.describe().substring(0, Math.min(160, request.describe().length()))));
                for (String strategy : request.strategy().split("\\+")) {
                    byStrategy.merge(strategy.startsWith("guard:") ? "guard" : strategy, 1, Integer::sum);
                }
                byStatus.merge(response.status(), 1, Integer::sum);
                List<String> broken = check(request, response, rules);
                if (!broken.isEmpty()) {
                    failures.add(String.join("; ", broken) + "\n    request:  " + request.describe()
                            + "\n    response: " + response.status() + " " + response.headers() + " "
                            + HostileRequest.cut(HostileRequest.printable(response.text()), 600));
                }
            }
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        List<String> slowest = timings.stream().sorted(Map.Entry.<Long, String>comparingByKey(Comparator.reverseOrder()))
                .limit(3).map(t -> t.getKey() / 1_000_000 + " ms " + t.getValue()).toList();
        return new Report(requests.size(), byStrategy, byStatus, failures, millis, slowest);
    }

    static List<String> check(HostileRequest request, HostileResponse response, Rules rules) {
        List<String> broken = new ArrayList<>();
        int status = response.status();
        if (status == 0) {
            broken.add("no answer (" + response.text() + ")");
            return broken;
        }
        if (status >= 500) {
            broken.add("server error " + status);
        }
        if ((status == 400 || status == 414 || status == 431) && response.body().length == 0
                && response.header("x-content-type-options") == null) {
            // Refused by the HTTP decoder (request line or headers over its limits, a request target it
            // cannot parse) before any route ran: no body, not even the headers every route adds.
            return broken;
        }
        String text = response.text();
        for (String leak : LEAKS) {
            if (text.contains(leak)) {
                broken.add("answer contains '" + leak + "'");
            }
        }
        for (Map.Entry<String, String> header : response.headers()) {
            for (String leak : LEAKS) {
                if (header.getValue().contains(leak)) {
                    broken.add("header " + header.getKey() + " contains '" + leak + "'");
                }
            }
        }
        if (status >= 400 && status < 500 && rules.problemJson().test(request)) {
            if (!response.mediaType().equals("application/problem+json")) {
                broken.add(status + " is not application/problem+json but '" + response.header("content-type") + "'");
            } else if (!request.method().equals("HEAD")) {
                try {
                    JsonNode problem = JSON.readTree(response.body());
                    if (problem.path("status").asInt() != status || !problem.path("title").isTextual()) {
                        broken.add("problem body without matching status and title");
                    }
                } catch (java.io.IOException e) {
                    broken.add("problem+json body is not JSON");
                }
            }
        }
        if (status >= 400 && status < 500 && rules.html().test(request) && !response.mediaType().equals("text/html")) {
            broken.add(status + " of a desk page is not text/html but '" + response.header("content-type") + "'");
        }
        if (request.unsafe() && status < 400 && !rules.harmlessSuccess().test(request, response)) {
            broken.add("a write was accepted (" + status + ")");
        }
        return broken;
    }
}
