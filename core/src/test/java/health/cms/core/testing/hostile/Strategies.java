package health.cms.core.testing.hostile;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.random.RandomGenerator;

/**
 * The mutation strategies, and the helpers they share. Each strategy turns a valid request into a
 * malformed one in one particular way; they are grouped by what they spoil ({@link FieldStrategies},
 * {@link BodyStrategies}, {@link ProtocolStrategies}) and draw their bad values from {@link BadValues}.
 */
public final class Strategies {

    /** One way of spoiling a request. */
    public interface Strategy {

        String name();

        void apply(Draft draft, RandomGenerator random);
    }

    private Strategies() {
    }

    static final List<Strategy> ALL = List.of(
            strategy("wrong-type", FieldStrategies::wrongType),
            strategy("missing", FieldStrategies::missing),
            strategy("extra", FieldStrategies::extra),
            strategy("huge", BodyStrategies::huge),
            strategy("deep-json", BodyStrategies::deepJson),
            strategy("invalid-utf8", BodyStrategies::invalidUtf8),
            strategy("path-traversal", ProtocolStrategies::pathTraversal),
            strategy("forged-cursor", ProtocolStrategies::forgedCursor),
            strategy("bad-if-match", ProtocolStrategies::badIfMatch),
            strategy("bad-headers", ProtocolStrategies::badHeaders),
            strategy("wrong-method", ProtocolStrategies::wrongMethod),
            strategy("injection", FieldStrategies::injection),
            strategy("malformed-body", BodyStrategies::malformedBody));

    public static List<Strategy> all() {
        return ALL;
    }

    private static Strategy strategy(String name, BiConsumer<Draft, RandomGenerator> apply) {
        return new Strategy() {

            @Override
            public String name() {
                return name;
            }

            @Override
            public void apply(Draft draft, RandomGenerator random) {
                apply.accept(draft, random);
            }
        };
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> jsonObject(Draft d) {
        return (Map<String, Object>) d.json;
    }

    static void jsonBody(Draft d, String text) {
        d.json = null;
        d.form = null;
        d.body = text.getBytes(StandardCharsets.UTF_8);
        if (d.header("Content-Type") == null) {
            d.header("Content-Type", "application/json");
        }
    }

    static void set(Draft d, Endpoint.Param param, String encodedValue) {
        if (d.pathValues.containsKey(param.name())) {
            d.pathValues.put(param.name(), encodedValue);
        } else {
            d.queryParam(Draft.enc(param.name()), encodedValue);
        }
    }

    static String letters(RandomGenerator r, int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = (char) ('a' + r.nextInt(26));
        }
        return new String(chars);
    }

    static <T> T pick(RandomGenerator r, List<T> values) {
        return values.get(r.nextInt(values.size()));
    }
}
