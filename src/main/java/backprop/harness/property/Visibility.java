package backprop.harness.property;

/**
 * Whether a simpler case still shows a bug plainly. Rounding numbers towards 0 can shrink a
 * bug's error along with them: tanh' taken as 1 − z² instead of 1 − tanh²(z) is off by about
 * z⁴, so at the small pre-activations of a case rounded to 0.1 it sits just above the tolerance,
 * and the learner is shown a 1e-5 "relative error" that looks like rounding. A candidate is kept
 * only while its worst error stays at least {@link #CLEAR} allowances out, or at least
 * {@link #FRACTION} of the original's when that was less clear to begin with.
 */
final class Visibility {
    /** 100 allowances: with rtol 1e-6 against the reference, an error in the fourth significant digit. */
    static final double CLEAR = 100;

    /** A bug that failed by 20 allowances may shrink to one that fails by 2, not by 1.01. */
    static final double FRACTION = 0.1;

    private Visibility() {
    }

    /** @param original the failing case's excess; @param candidate the simpler case's (NaN: not a numeric failure) */
    static boolean keeps(double original, double candidate) {
        if (Double.isNaN(original)) {
            return true;
        }
        if (Double.isNaN(candidate)) {
            return false;
        }
        return candidate >= Math.min(CLEAR, FRACTION * original);
    }
}
