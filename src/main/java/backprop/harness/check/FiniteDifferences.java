package backprop.harness.check;

import backprop.harness.core.Elements;

import java.util.SplittableRandom;

import org.nd4j.linalg.api.ndarray.INDArray;

import backprop.harness.api.Tensors;

/**
 * Central differences of a scalar function of named arrays, in double precision.
 *
 * <p>Each estimate uses step h and step 2h: (f(θ+h) − f(θ−h)) / 2h is the value, and the gap
 * between the two steps estimates its truncation error (about 3·h²·f'''/6), which the
 * comparison adds to its tolerance. Every evaluation gets its own copy of the arrays, so a
 * function that modifies its input cannot corrupt later evaluations or the caller's values.
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

    /** One estimate: the value, its estimated error, or skipped because a kink lies within the step. */
    public record Estimate(double value, double noise, boolean skipped) {
        static final Estimate SKIPPED = new Estimate(Double.NaN, 0, true);
    }

    private FiniteDifferences() {
    }

    /** ∂f/∂θ for one element (flat row-major index) of array {@code name}. */
    public static Estimate element(Function f, Tensors at, String name, long index, KinkGuard guard) {
        double x = Elements.get(at.get(name), index);
        Tensors plus2 = shifted(at, name, index, x + 2 * STEP);
        Tensors minus2 = shifted(at, name, index, x - 2 * STEP);
        if (guard.crosses(minus2, plus2) || guard.crosses(at, plus2) || guard.crosses(at, minus2)) {
            return Estimate.SKIPPED;
        }
        double fp = f.at(shifted(at, name, index, x + STEP));
        double fm = f.at(shifted(at, name, index, x - STEP));
        double fp2 = f.at(plus2);
        double fm2 = f.at(minus2);
        return estimate(fp, fm, fp2, fm2);
    }

    /** The derivative of f along direction v (same names and shapes as {@code at}). */
    public static Estimate along(Function f, Tensors at, Tensors v, KinkGuard guard) {
        Tensors plus2 = step(at, v, 2 * STEP);
        Tensors minus2 = step(at, v, -2 * STEP);
        if (guard.crosses(minus2, plus2) || guard.crosses(at, plus2) || guard.crosses(at, minus2)) {
            return Estimate.SKIPPED;
        }
        return estimate(f.at(step(at, v, STEP)), f.at(step(at, v, -STEP)), f.at(plus2), f.at(minus2));
    }

    private static Estimate estimate(double fp, double fm, double fp2, double fm2) {
        double d1 = (fp - fm) / (2 * STEP);
        double d2 = (fp2 - fm2) / (4 * STEP);
        // d2 − d1 ≈ 3 × truncation error of d1; the factor 2 leaves room for rounding noise in both.
        return new Estimate(d1, 2 * Math.abs(d2 - d1), false);
    }

    /** A random unit direction over all elements of {@code like}, Gaussian per element. */
    public static Tensors randomDirection(Tensors like, SplittableRandom rng) {
        Tensors v = like.map((n, a) -> a.dup());
        double norm2 = 0;
        for (String n : v.names()) {
            INDArray a = v.get(n);
            for (long i = 0; i < a.length(); i++) {
                double g = gaussian(rng);
                Elements.set(a, i, g);
                norm2 += g * g;
            }
        }
        double scale = norm2 == 0 ? 0 : 1 / Math.sqrt(norm2);
        return v.map((n, a) -> a.muli(scale));
    }

    static double gaussian(SplittableRandom rng) {
        double u = 1 - rng.nextDouble();
        double w = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * w);
    }

    private static Tensors shifted(Tensors at, String name, long index, double value) {
        Tensors t = at.copy();
        Elements.set(t.get(name), index, value);
        return t;
    }

    private static Tensors step(Tensors at, Tensors v, double h) {
        return at.map((n, a) -> a.add(v.get(n).mul(h)));
    }
}
