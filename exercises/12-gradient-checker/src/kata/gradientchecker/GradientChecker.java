package kata.gradientchecker;

import org.nd4j.linalg.api.ndarray.INDArray;

import backprop.harness.api.Shapes; // Shapes.of(x) writes x's shape as "2×3"

/**
 * A gradient checker of one's own (the course's computeNumericalGradient and its comparison):
 * central differences of a scalar function f of an array x, and an element-by-element
 * comparison with an analytic gradient. Elements are numbered row-major, 0 … x.length() − 1.
 */
public final class GradientChecker {

    /** The step h: rounding error ≈ 1e-16·|f|/h grows as h shrinks, truncation ≈ h²·|f'''|/6 as it grows. */
    public static final double STEP = 1e-5;

    /** The largest relative error that passes; right gradients land near 1e-9, wrong ones far above. */
    public static final double TOLERANCE = 1e-5;

    /** Errors are relative to at least this size: below it a central difference cannot tell 0 from rounding noise. */
    public static final double FLOOR = 1e-3;

    /** A scalar function of an array: a loss as a function of one parameter array. */
    @FunctionalInterface
    public interface ScalarFunction {
        double at(INDArray x);
    }

    /** The verdict, and the worst element (flat row-major index) with its relative error and both values there. */
    public record Result(boolean passed, long worstIndex, double worstError, double analytic, double numerical) { }

    private GradientChecker() {
    }

    /** |analytic − numerical| / max(|analytic|, |numerical|, FLOOR); NaN if either is NaN. */
    public static double relativeError(double analytic, double numerical) {
        throw new UnsupportedOperationException("not implemented yet: GradientChecker.relativeError — |a − n| divided by"
                + " the largest of |a|, |n| and FLOOR (see exercises/12-gradient-checker/README.md)");
    }

    /** numerical (shape of x): element i is (f(x + h·e_i) − f(x − h·e_i)) / 2h; x is left exactly as it was. */
    public static INDArray numericalGradient(ScalarFunction f, INDArray x) {
        throw new UnsupportedOperationException("not implemented yet: GradientChecker.numericalGradient — central"
                + " differences with step STEP, one element at a time, restoring each element in a finally");
    }

    /** Compares analytic (shape of x) with numericalGradient(f, x) element by element; fails on any NaN. */
    public static Result check(ScalarFunction f, INDArray x, INDArray analytic) {
        throw new UnsupportedOperationException("not implemented yet: GradientChecker.check — the relative error of every"
                + " element, the worst one, and whether it is within TOLERANCE");
    }
}
