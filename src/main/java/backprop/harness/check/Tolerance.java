package backprop.harness.check;

/**
 * When two numbers count as equal: |a − b| ≤ atol + rtol · max(|a|, |b|) + noise, where
 * {@code noise} is an estimate of the error of the expected value itself (zero for autodiff,
 * the measured truncation error for finite differences).
 *
 * <p>The relative term judges ordinary gradients; the absolute floor keeps elements that are
 * zero or nearly so (a saturated unit, a cancelling sum) from failing on rounding alone. The
 * printed "relative error" is |a − b| / max(|a|, |b|, atol / rtol), so it reads as a plain
 * relative error for normal values and never divides by zero.
 */
public record Tolerance(double rtol, double atol) {

    /**
     * Learner versus the SameDiff reference. Both are exact up to rounding: a few ulps times
     * the depth of the sums, far below 1e-7 relative. Correct code lands near 1e-15.
     */
    public static final Tolerance REFERENCE = new Tolerance(1e-7, 1e-10);

    /**
     * Learner versus central differences with step h = 1e-5. Their error is about
     * eps·|J|/h ≈ 2e-11·|J| (rounding) plus h²/6·|J'''| (truncation); the truncation part is
     * measured per element and added as noise, the rest sits well below these bounds.
     */
    public static final Tolerance FINITE_DIFFERENCE = new Tolerance(1e-5, 1e-8);

    /** Loss values: learner versus reference, the same rounding argument as for gradients. */
    public static final Tolerance LOSS = new Tolerance(1e-8, 1e-11);

    public Tolerance {
        if (!(rtol >= 0) || !(atol >= 0)) {
            throw new IllegalArgumentException("Tolerance: rtol and atol must be >= 0, got rtol " + rtol + ", atol " + atol);
        }
    }

    public boolean accepts(double actual, double expected, double noise) {
        if (Double.isNaN(actual) || Double.isNaN(expected)) {
            return false;
        }
        return Math.abs(actual - expected) <= atol + rtol * Math.max(Math.abs(actual), Math.abs(expected)) + noise;
    }

    public boolean accepts(double actual, double expected) {
        return accepts(actual, expected, 0);
    }

    public double relativeError(double actual, double expected) {
        if (Double.isNaN(actual) || Double.isNaN(expected)) {
            return Double.NaN;
        }
        double floor = rtol > 0 ? atol / rtol : atol;
        double scale = Math.max(Math.max(Math.abs(actual), Math.abs(expected)), floor);
        return scale == 0 ? 0 : Math.abs(actual - expected) / scale;
    }

    /** "|yours − expected| ≤ 1e-10 + 1e-7 · max(|yours|, |expected|)" */
    public String describe(String expectedName) {
        return "|yours − " + expectedName + "| ≤ " + sci(atol) + " + " + sci(rtol) + " · max(|yours|, |" + expectedName + "|)";
    }

    private static String sci(double v) {
        return String.format(java.util.Locale.ROOT, "%.0e", v);
    }
}
