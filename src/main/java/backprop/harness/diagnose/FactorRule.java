package backprop.harness.diagnose;

import java.util.ArrayList;
import java.util.List;

import backprop.harness.core.Numbers;
import backprop.harness.core.ParameterNames;

/**
 * One constant factor between the learner's and the true gradient of every wrong quantity: the
 * strongest evidence there is. Every reading that fits is returned (with m = 2, "×2" and "×m"
 * both fit); several failing cases decide between them.
 */
public final class FactorRule implements Rule {
    @Override
    public List<Cause> causes(Evidence e) {
        List<String> wrong = e.wrong();
        if (wrong.isEmpty()) {
            return List.of();
        }
        // A gradient whose true value is 0 is "right" under any factor: it does not break "every gradient".
        boolean all = wrong.size() == e.networkCase().parameterNames().size() || restTriviallyRight(e);
        if (all && allZero(e)) {
            return List.of(new Cause(CauseId.ALL_ZERO, "Every gradient (" + String.join(", ", d(wrong)) + ") is 0, all of them"
                    + " together, while the true ones are not: one factor 0 multiplies them all. In Java, 1 / m with an int m is"
                    + " 0 for every m > 1 (integer division), and so is anything times it.",
                    "the 1/m (and any other constant): write 1.0 / m, or divide by (double) m", true));
        }
        double common = commonFactor(e);
        if (Double.isNaN(common)) {
            return List.of();
        }
        return readings(String.join(", ", d(wrong)), common, e.networkCase().m(), all);
    }

    /** Whether every wrong gradient is 0 (apart from its L2 term) while its true value is not. */
    static boolean allZero(Evidence e) {
        for (String n : e.wrong()) {
            if (!zeroApartFromL2(e, n)) {
                return false;
            }
        }
        return !e.wrong().isEmpty();
    }

    /** The learner's gradient minus its L2 term is 0, and the true one minus the same term is not. */
    static boolean zeroApartFromL2(Evidence e, String n) {
        org.nd4j.linalg.api.ndarray.INDArray mine = e.learnerGradients().get(n);
        org.nd4j.linalg.api.ndarray.INDArray truth = e.referenceGradients().get(n);
        double lambda = e.networkCase().spec().lambda();
        if (Patterns.allZero(mine) && Patterns.nonZero(truth)) {
            return true;
        }
        if (lambda > 0 && ParameterNames.isWeight(n)) {
            org.nd4j.linalg.api.ndarray.INDArray l2 = e.networkCase().params().get(n).mul(lambda / e.networkCase().m());
            double scale = Math.max(mine.amaxNumber().doubleValue(), truth.amaxNumber().doubleValue());
            mine = mine.sub(l2);
            truth = truth.sub(l2);
            return mine.amaxNumber().doubleValue() <= 1e-9 * scale && Patterns.nonZero(truth);
        }
        return Patterns.allZero(mine) && Patterns.nonZero(truth);
    }

    /**
     * Whether the gradients not listed as wrong are consistent with "every gradient times f":
     * right only because their true value is 0.
     */
    static boolean restTriviallyRight(Evidence e) {
        for (String n : e.right()) {
            if (Patterns.nonZero(e.referenceGradients().get(n))) {
                return false;
            }
        }
        return true;
    }

    /** The factor f with (yours = f · true) for every wrong quantity, or NaN if there is none. */
    static double commonFactor(Evidence e) {
        double common = Double.NaN;
        for (String n : e.wrong()) {
            double f = Patterns.factor(e.learnerGradients().get(n), e.referenceGradients().get(n));
            if (Double.isNaN(f) || (!Double.isNaN(common) && !Patterns.near(f, common))) {
                return Double.NaN;
            }
            common = f;
        }
        return common;
    }

    /** Every reading of "the learner's gradient is f times the true one". */
    static List<Cause> readings(String list, double f, int m, boolean all) {
        List<Cause> out = new ArrayList<>();
        String who = all ? "Every gradient (" + list + ")" : list + (list.contains(",") ? " are" : " is");
        String verb = all ? " is" : "";
        // A factor within 0.1 % of 1 is rounding, not a pattern; 0 is the zero rules' business.
        if (Patterns.near(f, 0) || Math.abs(f - 1) < 1e-3) {
            return out;
        }
        if (Patterns.near(f, -1)) {
            out.add(new Cause(CauseId.FACTOR_SIGN, who + verb + " the true gradient with its sign flipped: that is gradient ascent.",
                    all ? "the output delta: (A − Y), not (Y − A)" : "the sign where " + list + " is formed", true));
        }
        if (m > 1 && Patterns.near(f, m)) {
            out.add(new Cause(CauseId.FACTOR_M, who + verb + " exactly m = " + m + " times the true gradient: the 1/m of the"
                    + " batch mean is missing.", all ? "the output delta, or each dW and db: divide by m once"
                    : "where " + list + " is formed: divide by m", true));
        }
        if (m > 1 && Patterns.near(f, 1.0 / m)) {
            out.add(new Cause(CauseId.FACTOR_ONE_OVER_M, who + verb + " exactly 1/m (m = " + m + ") of the true gradient:"
                    + " divided by m twice.", "every place that divides by m; keep one", true));
        }
        if (Patterns.near(f, 2) || Patterns.near(f, 0.5)) {
            out.add(new Cause(f > 1 ? CauseId.FACTOR_TWO : CauseId.FACTOR_HALF, who + verb + " exactly " + Numbers.plain(f)
                    + " times the true gradient: a factor 2, often the ½ of the squared error dropped or applied twice.",
                    "the output delta", true));
        }
        // Divided by a fixed m0 instead of this batch's m: f = m / m0, one m0 in every case.
        double m0 = m / f;
        if (all && m0 >= 2 && m0 <= 4096 && Patterns.near(m0, Math.rint(m0)) && Math.rint(m0) != m) {
            long k = Math.round(m0);
            out.add(new Cause(CauseId.STALE_BATCH_SIZE, who + verb + " m/" + k + " times the true gradient (m = " + m + " here):"
                    + " they are divided by " + k + ", not by this batch's m: an m written into the code, or kept from an"
                    + " earlier call (a field or static set once, on a call with " + k + " samples), which is stale state.",
                    "where m comes from: take it from X's rows on every call, never keep it in a field", true, k));
        }
        boolean named = out.stream().anyMatch(c -> c.id() != CauseId.STALE_BATCH_SIZE);
        if (!named) {
            // One factor shared by every gradient is itself a finding; voting keeps it only when every case has it.
            out.add(new Cause(CauseId.FACTOR_OTHER, who + verb + " the true gradient times " + Numbers.plain(f)
                    + (all ? ": one constant multiplies every gradient (a learning rate folded into the gradient? a"
                    + " constant in the output delta?)." : ": a constant factor is off."),
                    all ? "constants applied to the output delta or to every gradient: 1/m, ½, a learning rate"
                            : "constant factors: 1/m, ½, lambda", all, f));
        }
        return out;
    }

    static List<String> d(List<String> names) {
        List<String> out = new ArrayList<>();
        for (String n : names) {
            out.add("d" + n);
        }
        return out;
    }
}
