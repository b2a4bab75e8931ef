package backprop.harness.property;

import java.util.Iterator;

/**
 * Greedy shrinking: takes the first simpler neighbour that still fails the same way, and starts
 * over from it, until no neighbour does or the attempt bound is reached. Deterministic, so a seed
 * reproduces the same smallest case.
 */
public final class Shrinker {
    /** Bounds the work on pathological cases; typical shrinks take 5–30 accepted steps. */
    public static final int DEFAULT_BOUND = 400;

    private Shrinker() {
    }

    /**
     * @param smallest     the simplest failing case found
     * @param result       its (quick) check result
     * @param steps        accepted simplifications
     * @param attempts     candidates checked
     * @param boundReached whether shrinking stopped at the bound rather than at a local minimum
     */
    public record Shrunk<C, R>(C smallest, R result, int steps, int attempts, boolean boundReached) {
    }

    public static <C, R> Shrunk<C, R> shrink(Property<C, R> p, C failing, R failure, int bound) {
        C current = failing;
        R currentResult = failure;
        int steps = 0;
        int attempts = 0;
        boolean progress = true;
        while (progress) {
            progress = false;
            Iterator<C> candidates = p.shrinks(current).iterator();
            while (candidates.hasNext()) {
                if (attempts >= bound) {
                    return new Shrunk<>(current, currentResult, steps, attempts, true);
                }
                C next = candidates.next();
                attempts++;
                R r = p.check(next);
                if (p.failed(r) && p.sameFailure(failure, r)) {
                    current = next;
                    currentResult = r;
                    steps++;
                    progress = true;
                    break;
                }
            }
        }
        return new Shrunk<>(current, currentResult, steps, attempts, false);
    }
}
