package backprop.harness.diagnose;

import backprop.harness.check.TensorComparison;
import backprop.harness.core.Numbers;

/** The plain relations a wrong gradient of a function can have with the true one. */
public final class FunctionPatterns {
    private FunctionPatterns() {
    }

    /** A sentence naming the relation, or null when there is none (or nothing is wrong). */
    public static String describe(TensorComparison tc) {
        if (tc.passed() || tc.skipped() > 0) {
            return null;
        }
        String d = "d" + tc.name();
        if (Patterns.allZero(tc.actual()) && Patterns.nonZero(tc.expected())) {
            return d + " is 0 everywhere, and the true gradient is not: is it computed and returned?";
        }
        if (tc.length() > 1 && Patterns.transposedEquals(tc.actual(), tc.expected())) {
            return d + " is the true gradient transposed: check the order of the matrix product.";
        }
        double f = tc.length() > 1 ? Patterns.factor(tc.actual(), tc.expected()) : Double.NaN;
        if (Double.isNaN(f) || Patterns.near(f, 1) || Patterns.near(f, 0)) {
            return null;
        }
        if (Patterns.near(f, -1)) {
            return d + " is the true gradient with its sign flipped.";
        }
        return d + " is exactly " + Numbers.plain(f) + " times the true gradient: a constant factor is off"
                + " (a 1/m missing or applied twice? the ½ of a square?).";
    }
}
