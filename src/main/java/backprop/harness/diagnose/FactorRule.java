package backprop.harness.diagnose;

import java.util.ArrayList;
import java.util.List;

import backprop.harness.core.Numbers;

/**
 * One constant factor between the learner's and the true gradient of every wrong quantity: the
 * strongest evidence there is. Every reading that fits is returned (with m = 2, "×2" and "×m"
 * both fit); several failing cases decide between them.
 */
public final class FactorRule implements Rule {
    @Override
    public List<Cause> causes(Evidence e) {
        List<String> wrong = e.wrong();
        double common = commonFactor(e);
        if (wrong.isEmpty() || Double.isNaN(common)) {
            return List.of();
        }
        boolean all = wrong.size() == e.networkCase().spec().parameterNames().size();
        return readings(String.join(", ", d(wrong)), common, e.networkCase().m(), all);
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
        if (out.isEmpty()) {
            out.add(new Cause(CauseId.FACTOR_OTHER, who + verb + " the true gradient times " + Numbers.plain(f)
                    + ": a constant factor is off.", "constant factors: 1/m, ½, lambda", false, f));
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
