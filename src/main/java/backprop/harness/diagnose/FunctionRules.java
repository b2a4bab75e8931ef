package backprop.harness.diagnose;

import java.util.ArrayList;
import java.util.List;

import backprop.harness.check.FunctionResult;
import backprop.harness.check.TensorComparison;
import backprop.harness.core.Numbers;

/** The plain relations a wrong gradient of a function can have with the true one: zero, transposed, sign, a factor. */
public final class FunctionRules {
    private FunctionRules() {
    }

    public static List<Cause> causes(FunctionResult r) {
        List<Cause> out = new ArrayList<>();
        for (TensorComparison tc : r.comparisons()) {
            Cause c = of(tc);
            if (c != null) {
                out.add(c);
            }
        }
        return out;
    }

    static Cause of(TensorComparison tc) {
        if (tc.passed() || tc.skipped() > 0) {
            return null;
        }
        String d = "d" + tc.name();
        if (Patterns.allZero(tc.actual()) && Patterns.nonZero(tc.expected())) {
            return new Cause(CauseId.FUNCTION_ZERO, d + " is 0 everywhere, and the true gradient is not: is it computed and"
                    + " returned?", d, true);
        }
        if (tc.length() > 1 && Patterns.transposedEquals(tc.actual(), tc.expected())) {
            return new Cause(CauseId.FUNCTION_TRANSPOSED, d + " is the true gradient transposed: check the order of the matrix"
                    + " product.", d, true);
        }
        double f = tc.length() > 1 ? Patterns.factor(tc.actual(), tc.expected()) : Double.NaN;
        if (Double.isNaN(f) || Patterns.near(f, 1) || Patterns.near(f, 0)) {
            return null;
        }
        if (Patterns.near(f, -1)) {
            return new Cause(CauseId.FUNCTION_SIGN, d + " is the true gradient with its sign flipped.", d, true, f);
        }
        return new Cause(CauseId.FUNCTION_FACTOR, d + " is exactly " + Numbers.plain(f) + " times the true gradient: a constant"
                + " factor is off (a 1/m missing or applied twice? the ½ of a square?).", d, true, f);
    }
}
