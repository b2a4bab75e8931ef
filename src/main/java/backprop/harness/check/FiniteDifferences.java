package backprop.harness.check;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

import org.nd4j.linalg.factory.Nd4j;

import backprop.harness.api.Tensors;
import backprop.harness.core.Elements;

/**
 * Central differences of a scalar function of named arrays, in double precision.
 *
 * <p>An estimate is (f(θ+h) − f(θ−h)) / 2h: two evaluations. Its error is estimated only where
 * it matters, by a second estimate with step 2h (two more evaluations): their gap is about 3 ×
 * the truncation error of the first (h²·f'''/6), and twice the gap is added to the comparison's
 * tolerance as noise. The noise only ever widens a tolerance, so an element whose disagreement
 * is well inside its allowance without it needs no second step; {@link NeedsNoise} says which
 * do (NetworkCheck and FunctionCheck: those using more than half their allowance). A full check
 * therefore costs about two evaluations per element, not four.
 *
 * <p>The function is handed a private copy of the point, moved one element at a time in place
 * and put back in a {@code finally}; after every evaluation the copy is compared with what it
 * should hold and rewritten if the function changed it ({@link PrivateCopy}), so a function that
 * writes into its input spoils neither later evaluations nor the caller's values.
 */
public final class FiniteDifferences {
    /** h = 1e-5 balances rounding (≈ eps·|f|/h ≈ 2e-11·|f|) against truncation (≈ h²·|f'''|/6). */
    public static final double STEP = 1e-5;

    /** A scalar function of named arrays: a loss as a function of parameters. */
    @FunctionalInterface
    public interface Function {
        double at(Tensors point);
    }

    /** Tells whether moving from one point to another crosses a kink (ReLU at 0, max). */
    @FunctionalInterface
    public interface KinkGuard {
        KinkGuard NONE = (from, to) -> false;

        boolean crosses(Tensors from, Tensors to);
    }

    /**
     * Whether an estimate made with step h is close enough to failing its comparison that its
     * noise must be measured (two more evaluations). {@code index} is the element's flat index.
     */
    @FunctionalInterface
    public interface NeedsNoise {
        NeedsNoise ALWAYS = (index, estimate) -> true;

        boolean at(int index, double estimate);
    }

    /** One estimate: the value, its estimated error (0 when not measured), or skipped because a kink lies within the step. */
    public record Estimate(double value, double noise, boolean skipped) {
        static final Estimate SKIPPED = new Estimate(Double.NaN, 0, true);
    }

    /**
     * Measure the noise of an estimate whose disagreement with the value it checks uses more
     * than this share of its allowance without noise. Below it the element passes however small
     * the noise; above it, the noise decides, and is what a report of a near miss should show.
     */
    public static final double NEAR_LIMIT = 0.5;

    /** {@link NeedsNoise} for comparing {@code checked} (flat, row-major) with estimates under tolerance {@code t}. */
    public static NeedsNoise nearLimit(double[] checked, Tolerance t) {
        return (i, estimate) -> Math.abs(checked[i] - estimate)
                > NEAR_LIMIT * (t.atol() + t.rtol() * Math.max(Math.abs(checked[i]), Math.abs(estimate)));
    }

    /** The estimates for every element of one array. */
    public record Estimates(double[] values, double[] noise, boolean[] skipped) {
    }

    private FiniteDifferences() {
    }

    /** ∂f/∂θ for one element (flat row-major index) of array {@code name}, its noise always measured. */
    public static Estimate element(Function f, Tensors at, String name, long index, KinkGuard guard) {
        return element(f, new PrivateCopy(at), at, name, Math.toIntExact(index), guard, NeedsNoise.ALWAYS);
    }

    /** ∂f/∂θ for every element of array {@code name}, the noise measured where {@code needsNoise} says. */
    public static Estimates array(Function f, Tensors at, String name, KinkGuard guard, NeedsNoise needsNoise) {
        return array(f, new PrivateCopy(at), at, name, guard, needsNoise);
    }

    static Estimates array(Function f, PrivateCopy copy, Tensors at, String name, KinkGuard guard, NeedsNoise needsNoise) {
        int n = copy.length(name);
        double[] values = new double[n];
        double[] noise = new double[n];
        boolean[] skipped = new boolean[n];
        for (int i = 0; i < n; i++) {
            Estimate e = element(f, copy, at, name, i, guard, needsNoise);
            values[i] = e.skipped() ? 0 : e.value();
            noise[i] = e.noise();
            skipped[i] = e.skipped();
        }
        return new Estimates(values, noise, skipped);
    }

    static Estimate element(Function f, PrivateCopy copy, Tensors at, String name, int i, KinkGuard guard, NeedsNoise needsNoise) {
        double x = copy.original(name, i);
        try {
            // Checked at ±2h, the widest step an estimate may use. No kink between θ and either end
            // means no kink between the two ends either, so a third check (−2h to +2h) adds nothing.
            if (guard != KinkGuard.NONE) {
                copy.set(name, i, x + 2 * STEP);
                boolean crosses = guard.crosses(at, copy.point());
                copy.set(name, i, x - 2 * STEP);
                if (crosses || guard.crosses(at, copy.point())) {
                    return Estimate.SKIPPED;
                }
            }
            double d1 = difference(f, copy, name, i, x, STEP);
            if (!needsNoise.at(i, d1)) {
                return new Estimate(d1, 0, false);
            }
            return withNoise(d1, difference(f, copy, name, i, x, 2 * STEP));
        } finally {
            copy.reset(name, i);
        }
    }

    private static double difference(Function f, PrivateCopy copy, String name, int i, double x, double h) {
        copy.set(name, i, x + h);
        double fp = evaluate(f, copy);
        copy.set(name, i, x - h);
        double fm = evaluate(f, copy);
        return (fp - fm) / (2 * h);
    }

    private static double evaluate(Function f, PrivateCopy copy) {
        try {
            return f.at(copy.point());
        } finally {
            copy.repair();
            NativeGarbage.afterEvaluation();
        }
    }

    /** d2 − d1 ≈ 3 × the truncation error of d1; the factor 2 leaves room for rounding noise in both. */
    static Estimate withNoise(double d1, double d2) {
        return new Estimate(d1, 2 * Math.abs(d2 - d1), false);
    }

    /** The derivative of f along direction v (same names and shapes as {@code at}), its noise always measured. */
    public static Estimate along(Function f, Tensors at, Tensors v, KinkGuard guard) {
        return along(f, new PrivateCopy(at), at, v, guard, NeedsNoise.ALWAYS);
    }

    static Estimate along(Function f, PrivateCopy copy, Tensors at, Tensors v, KinkGuard guard, NeedsNoise needsNoise) {
        Map<String, double[]> d = new LinkedHashMap<>();
        for (String n : at.names()) {
            d.put(n, Elements.toArray(v.get(n)));
        }
        try {
            if (guard != KinkGuard.NONE) {
                copy.move(d, 2 * STEP);
                boolean crosses = guard.crosses(at, copy.point());
                copy.move(d, -2 * STEP);
                if (crosses || guard.crosses(at, copy.point())) {
                    return Estimate.SKIPPED;
                }
            }
            double d1 = along(f, copy, d, STEP);
            if (!needsNoise.at(0, d1)) {
                return new Estimate(d1, 0, false);
            }
            return withNoise(d1, along(f, copy, d, 2 * STEP));
        } finally {
            copy.resetAll();
        }
    }

    private static double along(Function f, PrivateCopy copy, Map<String, double[]> d, double h) {
        copy.move(d, h);
        double fp = evaluate(f, copy);
        copy.move(d, -h);
        double fm = evaluate(f, copy);
        return (fp - fm) / (2 * h);
    }

    /** A random unit direction over all elements of {@code like}, Gaussian per element. */
    public static Tensors randomDirection(Tensors like, SplittableRandom rng) {
        Map<String, double[]> g = new LinkedHashMap<>();
        double norm2 = 0;
        for (String n : like.names()) {
            double[] a = new double[(int) like.get(n).length()];
            for (int i = 0; i < a.length; i++) {
                a[i] = gaussian(rng);
                norm2 += a[i] * a[i];
            }
            g.put(n, a);
        }
        double scale = norm2 == 0 ? 0 : 1 / Math.sqrt(norm2);
        Tensors v = Tensors.empty();
        for (String n : like.names()) {
            double[] a = g.get(n);
            for (int i = 0; i < a.length; i++) {
                a[i] *= scale;
            }
            v.put(n, Nd4j.create(a, like.get(n).shape(), 'c'));
        }
        return v;
    }

    static double gaussian(SplittableRandom rng) {
        double u = 1 - rng.nextDouble();
        double w = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * w);
    }
}
