package kata.gradientchecker;

import java.util.Arrays;

import org.nd4j.linalg.api.ndarray.INDArray;

import backprop.harness.api.Shapes;

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
        double scale = Math.max(Math.max(Math.abs(analytic), Math.abs(numerical)), FLOOR);
        return Math.abs(analytic - numerical) / scale;
    }

    /** numerical (shape of x): element i is (f(x + h·e_i) − f(x − h·e_i)) / 2h; x is left exactly as it was. */
    public static INDArray numericalGradient(ScalarFunction f, INDArray x) {
        INDArray numerical = x.dup();
        for (long i = 0; i < x.length(); i++) {
            double original = x.getDouble(i);
            try {
                x.putScalar(i, original + STEP);
                double plus = f.at(x);
                x.putScalar(i, original - STEP);
                double minus = f.at(x);
                numerical.putScalar(i, (plus - minus) / (2 * STEP));
            } finally {
                // The saved value, not original + h − 2h + h: that sum is not always the original in floating point.
                x.putScalar(i, original);
            }
        }
        return numerical;
    }

    /** Compares analytic (shape of x) with numericalGradient(f, x) element by element; fails on any NaN. */
    public static Result check(ScalarFunction f, INDArray x, INDArray analytic) {
        if (!Arrays.equals(x.shape(), analytic.shape())) {
            throw new IllegalArgumentException("the analytic gradient is " + Shapes.of(analytic) + " but x is " + Shapes.of(x)
                    + ": a gradient has the shape of what it is the gradient of");
        }
        INDArray numerical = numericalGradient(f, x);
        long worst = -1;
        double worstError = 0;
        for (long i = 0; i < x.length(); i++) {
            double e = relativeError(analytic.getDouble(i), numerical.getDouble(i));
            // !(e <= worstError) is also true for NaN, which a plain e > worstError would pass over.
            if (worst < 0 || !(e <= worstError)) {
                worst = i;
                worstError = e;
                if (Double.isNaN(e)) {
                    break;
                }
            }
        }
        if (worst < 0) {
            return new Result(false, -1, Double.NaN, Double.NaN, Double.NaN); // nothing compared: no verdict
        }
        return new Result(worstError <= TOLERANCE, worst, worstError, analytic.getDouble(worst), numerical.getDouble(worst));
    }
}
