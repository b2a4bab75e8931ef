package backprop.harness.property;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Runs a property over seeded cases and returns an {@link Outcome}; it knows nothing of JUnit.
 * On the first failure it shrinks, checks the shown case thoroughly, and looks for more failing
 * cases of the same kind from fresh seeds (derived from the failing seed, so a rerun sees the
 * same evidence).
 */
public final class PropertyRunner {
    /**
     * @param shrinkBound   candidates the shrinker may check
     * @param moreFailures  failing cases to collect besides the shown one
     * @param moreAttempts  fresh cases to try while collecting them
     */
    public record Limits(int shrinkBound, int moreFailures, int moreAttempts) {
        public static final Limits DEFAULT = new Limits(Shrinker.DEFAULT_BOUND, 3, 30);
    }

    private PropertyRunner() {
    }

    public static <C, R> Outcome<C, R> run(Property<C, R> p, long[] seeds, Limits limits) {
        List<R> passed = new ArrayList<>();
        for (int i = 0; i < seeds.length; i++) {
            C c = p.generate(seeds[i]);
            R r = p.check(c);
            if (p.failed(r)) {
                return failure(p, seeds, i, c, r, limits);
            }
            passed.add(r);
        }
        return new Outcome.Passed<>(passed);
    }

    private static <C, R> Outcome<C, R> failure(Property<C, R> p, long[] seeds, int i, C c, R r, Limits limits) {
        if (!p.shrinkable(r)) {
            return new Outcome.Failed<>(seeds[i], i, seeds.length, c, r, new Shrinker.Shrunk<>(c, r, 0, 0, false), r, false, List.of());
        }
        Shrinker.Shrunk<C, R> shrunk = Shrinker.shrink(p, c, r, limits.shrinkBound());
        R shown = p.explain(shrunk.smallest());
        boolean shownIsShrunk = p.failed(shown);
        if (!shownIsShrunk) {
            shown = p.explain(c);
        }
        List<R> more = new ArrayList<>();
        SplittableRandom fresh = new SplittableRandom(seeds[i]);
        for (int k = 0; k < limits.moreAttempts() && more.size() < limits.moreFailures(); k++) {
            R extra = p.check(p.generate(fresh.nextLong() >>> 1));
            if (p.failed(extra) && p.sameFailure(r, extra)) {
                more.add(extra);
            }
        }
        return new Outcome.Failed<>(seeds[i], i, seeds.length, c, r, shrunk, shown, shownIsShrunk, more);
    }
}
