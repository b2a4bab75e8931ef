package backprop.harness.diagnose;

import java.util.ArrayList;
import java.util.List;

import backprop.harness.check.FunctionResult;
import backprop.harness.check.TensorComparison;
import backprop.harness.core.Numbers;

/**
 * The plain relations a wrong gradient of a function can have with the true one: zero, transposed,
 * sign, a factor; and the a-form fed z, shared with the network diagnosis ({@link AFormFedZ}).
 */
public final class FunctionRules {
    private FunctionRules() {
    }

    public static List<Cause> causes(FunctionResult r) {
        List<Cause> out = new ArrayList<>();
        for (TensorComparison tc : r.comparisons()) {
            if (out.stream().anyMatch(c -> c.text().startsWith("d" + tc.name() + " "))) {
                continue;
            }
            Cause c = returnedInput(r, tc);
            if (c == null) {
                c = valueOff(r, tc);
            }
            if (c == null) {
                c = of(tc);
            }
            if (c == null) {
                c = AFormFedZ.of(tc, r.point().get(tc.name()));
            }
            if (c != null) {
                out.add(c);
            }
        }
        return out;
    }

    /** The gradient is, element for element, one of the arrays the function was given. */
    static Cause returnedInput(FunctionResult r, TensorComparison tc) {
        if (tc.passed()) {
            return null;
        }
        for (String n : r.point().names()) {
            org.nd4j.linalg.api.ndarray.INDArray given = r.point().get(n);
            if (java.util.Arrays.equals(given.shape(), tc.actual().shape()) && Patterns.nonZero(given)
                    && Patterns.close(backprop.harness.core.Elements.toArray(tc.actual()), backprop.harness.core.Elements.toArray(given))) {
                return new Cause(CauseId.FUNCTION_INPUT_RETURNED, "d" + tc.name() + " is " + n + " itself, the input you were"
                        + " given, not its gradient: " + n + " was returned in place of d" + tc.name() + ".",
                        "what is returned as d" + tc.name() + ": the variable, and whether it was ever assigned", true);
            }
        }
        return null;
    }

    /**
     * The gradient agrees with the exact one but not with finite differences of the function's
     * own value: the value is what is off, by the factor the two slopes differ by.
     */
    static Cause valueOff(FunctionResult r, TensorComparison fd) {
        if (fd.passed() || !fd.expectedLabel().equals("finite difference")) {
            return null;
        }
        TensorComparison exact = r.comparisons().stream()
                .filter(t -> t.name().equals(fd.name()) && !t.expectedLabel().equals("finite difference"))
                .findFirst().orElse(null);
        if (exact == null || !exact.passed()) {
            return null;
        }
        double k = Patterns.factor(fd.expected(), fd.actual());
        String by = Double.isNaN(k) ? "is not the function your gradient differentiates"
                : "changes " + Numbers.plain(k) + " times as fast as your gradient says" + known(k);
        return new Cause(CauseId.FUNCTION_VALUE_OFF, "d" + fd.name() + " is right (it matches the exact gradient), but your"
                + " value " + by + ": the value is what is off, not the gradient.",
                "the value: its constant factors (½, 1/m), the logarithm's base, any extra term", true, k);
    }

    private static String known(double k) {
        if (Patterns.near(k, 1 / Math.log(2))) {
            return " (1/ln 2: a logarithm in base 2 where the natural log belongs)";
        }
        if (Patterns.near(k, 1 / Math.log(10))) {
            return " (1/ln 10: log10 where the natural log belongs)";
        }
        if (Patterns.near(k, 2)) {
            return " (2: the ½ dropped)";
        }
        if (Patterns.near(k, 0.5)) {
            return " (½: a ½ too many)";
        }
        return "";
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
        if (tc.expectedLabel().equals("finite difference")) {
            return new Cause(CauseId.FUNCTION_FACTOR, d + " is exactly " + Numbers.plain(f) + " times the finite differences of"
                    + " the function's value: a constant factor is off, in the gradient or in the value (a 1/m missing or"
                    + " applied twice? the ½ of a square? a logarithm's base?).", d + " and the value's constants", true, f);
        }
        return new Cause(CauseId.FUNCTION_FACTOR, d + " is exactly " + Numbers.plain(f) + " times the true gradient: a constant"
                + " factor is off (a 1/m missing or applied twice? the ½ of a square?).", d, true, f);
    }
}
