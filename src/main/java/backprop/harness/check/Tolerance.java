package backprop.harness.check;

/**
 * When two numbers count as equal: |a − b| ≤ atol + rtol · max(|a|, |b|) + stol · s + noise,
 * where s is the scale the caller passes (for network gradients the largest reference gradient
 * of the whole case, otherwise the largest magnitude in the element's array), and {@code noise} an
 * estimate of the error of the expected value itself (zero for autodiff, the measured
 * truncation error for finite differences).
 *
 * <p>The stol term is there because an element that is a sum of large terms cancelling to a
 * small one carries the rounding error of the large terms, and in a deep network those terms
 * come from upstream: for network gradients s is the largest gradient of the whole case. A
 * 20,000-case soak with s per array failed one correct deep leaky-ReLU network by 1.6× (an
 * element of 6e-6 in an array whose largest was 9e-5), hence the case-wide scale.
 *
 * <p>The relative term judges ordinary gradients; the absolute floor keeps elements that are
 * zero or nearly so (a saturated unit, a cancelling sum) from failing on rounding alone. The
 * printed "relative error" is |a − b| / max(|a|, |b|, atol / rtol), so it reads as a plain
 * relative error for normal values and never divides by zero.
 */
public record Tolerance(double rtol, double atol, double stol) {

    /**
     * Learner versus the SameDiff reference. Both are exact up to rounding: a few ulps times
     * the depth of the sums, far below 1e-7 relative. Correct code lands near 1e-15.
     */
    public static final Tolerance REFERENCE = new Tolerance(1e-6, 1e-12, 1e-7);

    /**
     * Learner versus central differences with step h = 1e-5. Their error is about
     * eps·|J|/h ≈ 2e-11·|J| (rounding) plus h²/6·|J'''| (truncation); the truncation part is
     * measured per element and added as noise, the rest sits well below these bounds.
     */
    public static final Tolerance FINITE_DIFFERENCE = new Tolerance(1e-5, 1e-8, 0);

    /** Loss values: learner versus reference, the same rounding argument as for gradients. */
    public static final Tolerance LOSS = new Tolerance(1e-8, 1e-11, 0);

    public Tolerance {
        if (!(rtol >= 0) || !(atol >= 0) || !(stol >= 0)) {
            throw new IllegalArgumentException("Tolerance: rtol, atol and stol must be >= 0, got " + rtol + ", " + atol + ", " + stol);
        }
    }

    /** @param scale s, as in the class comment; @param noise the expected value's own error */
    public boolean accepts(double actual, double expected, double scale, double noise) {
        if (Double.isNaN(actual) || Double.isNaN(expected)) {
            return false;
        }
        return Math.abs(actual - expected) <= atol + rtol * Math.max(Math.abs(actual), Math.abs(expected)) + stol * scale + noise;
    }

    /**
     * How many allowances apart the two are: |actual − expected| over the right-hand side of the
     * class comment's inequality. Above 1 fails; a bug is plain to see when it is far above 1.
     */
    public double excess(double actual, double expected, double scale, double noise) {
        if (Double.isNaN(actual) || Double.isNaN(expected)) {
            return Double.POSITIVE_INFINITY;
        }
        double allowed = atol + rtol * Math.max(Math.abs(actual), Math.abs(expected)) + stol * scale + noise;
        return Math.abs(actual - expected) / allowed;
    }

    public boolean accepts(double actual, double expected) {
        return accepts(actual, expected, 0, 0);
    }

    public double relativeError(double actual, double expected) {
        if (Double.isNaN(actual) || Double.isNaN(expected)) {
            return Double.NaN;
        }
        double floor = rtol > 0 ? atol / rtol : atol;
        double scale = Math.max(Math.max(Math.abs(actual), Math.abs(expected)), floor);
        return scale == 0 ? 0 : Math.abs(actual - expected) / scale;
    }

    /** "|yours − reference| ≤ 1e-12 + 1e-6 · max(|yours|, |reference|) + 1e-7 · (largest |reference| in the case)" */
    public String describe(String expectedName) {
        return "|yours − " + expectedName + "| ≤ " + sci(atol) + " + " + sci(rtol) + " · max(|yours|, |" + expectedName + "|)"
                + (stol > 0 ? " + " + sci(stol) + " · (largest |" + expectedName + "| in the case)" : "");
    }

    private static String sci(double v) {
        return String.format(java.util.Locale.ROOT, "%.0e", v);
    }
}
