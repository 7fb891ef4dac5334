package health.cms.core.diff;

import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;

import com.github.difflib.DiffUtils;
import com.github.difflib.algorithm.DiffAlgorithmListener;
import com.github.difflib.algorithm.myers.MyersDiff;
import com.github.difflib.algorithm.myers.MyersDiffWithLinearSpace;
import com.github.difflib.patch.Patch;

/**
 * Myers' diff of two token lists within a fixed budget of time and memory, whatever the input: the
 * answer, or nothing when the texts are too far apart to compare word by word.
 *
 * <p>
 * The greedy {@link MyersDiff} that has always produced our diffs runs first, stopped after
 * {@link #MAX_GREEDY_EDITS} edits: it keeps a path node per step, O(D²) memory, so only a bounded D is
 * safe. Ordinary edits stay below that, so their output is unchanged. Longer rewrites go to
 * {@link MyersDiffWithLinearSpace} (O(N+M) memory) with a cap on token comparisons, which bounds its
 * O((N+M)·D) time.
 */
final class BoundedWordDiff {

    /**
     * About 500 changed words in one section, beyond the edits of a normal revision; at most ~500,000 steps
     * and ~1 million short-lived path nodes.
     */
    static final int MAX_GREEDY_EDITS = 1_000;

    /**
     * Enough for a third of the words of a 20,000-token section to change (14 million comparisons, measured);
     * a hopeless pair stops here, in well under a second on our 2-core machine (docs/benchmarks.md).
     */
    static final long MAX_COMPARISONS = 20_000_000L;

    private BoundedWordDiff() {
    }

    /** Which algorithm gave the answer; tests use it to show which bound applied. */
    enum Outcome {
        GREEDY, LINEAR_SPACE, OVER_BUDGET
    }

    /** The patch, and which of the algorithms produced it. */
    record Answer(Outcome outcome, Optional<Patch<String>> patch) {
    }

    static Answer diff(List<String> before, List<String> after) {
        try {
            return new Answer(Outcome.GREEDY,
                    Optional.of(DiffUtils.diff(before, after, new MyersDiff<>(), new EditLimit())));
        } catch (OverBudget greedyTooLong) {
            // Too many edits for the greedy algorithm's memory: fall through to the linear-space one.
        }
        try {
            return new Answer(Outcome.LINEAR_SPACE, Optional.of(DiffUtils.diff(before, after,
                    new MyersDiffWithLinearSpace<>(new CountedEquals()), null)));
        } catch (OverBudget tooFarApart) {
            return new Answer(Outcome.OVER_BUDGET, Optional.empty());
        }
    }

    /** Stops the greedy algorithm when its edit distance passes the limit; it reports each new distance. */
    private static final class EditLimit implements DiffAlgorithmListener {

        @Override
        public void diffStart() {
        }

        @Override
        public void diffStep(int value, int max) {
            if (value > MAX_GREEDY_EDITS) {
                throw new OverBudget();
            }
        }

        @Override
        public void diffEnd() {
        }
    }

    /** Token equality that counts: every step of the linear-space algorithm compares at least once. */
    private static final class CountedEquals implements BiPredicate<String, String> {

        private long comparisons;

        @Override
        public boolean test(String a, String b) {
            if (++comparisons > MAX_COMPARISONS) {
                throw new OverBudget();
            }
            return a.equals(b);
        }
    }

    /** Control flow out of the library's loop; no stack trace, as it is expected and frequent under attack. */
    private static final class OverBudget extends RuntimeException {

        OverBudget() {
            super(null, null, false, false);
        }
    }
}
