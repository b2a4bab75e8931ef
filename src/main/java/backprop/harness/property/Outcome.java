package backprop.harness.property;

import java.util.List;

/** What running a property found: every case passed, or the first failure with what was learned about it. */
public sealed interface Outcome<C, R> {

    /** Every case passed; their results, for counting what was compared. */
    record Passed<C, R>(List<R> results) implements Outcome<C, R> {
    }

    /**
     * @param seed      the failing case's seed, as printed for a rerun
     * @param index     which try failed (0-based)
     * @param tries     tries in the run
     * @param original  the random case that failed, and its result
     * @param shrunk    the smallest case that fails the same way
     * @param shown     the thorough check of the case to show (the shrunk one, or the original
     *                  when the thorough check of the shrunk one passes)
     * @param shownIsShrunk which of the two {@code shown} is
     * @param more      further failing cases of the same kind, from fresh seeds: evidence that a
     *                  cause is not a coincidence of one case
     */
    record Failed<C, R>(long seed, int index, int tries, C original, R originalResult, Shrinker.Shrunk<C, R> shrunk,
                        R shown, boolean shownIsShrunk, List<R> more) implements Outcome<C, R> {

        /** The shown case first, then the original (if different), then the others. */
        public List<R> evidence() {
            List<R> all = new java.util.ArrayList<>();
            all.add(shown);
            if (shownIsShrunk && shrunk.steps() > 0) {
                all.add(originalResult);
            }
            all.addAll(more);
            return all;
        }
    }
}
