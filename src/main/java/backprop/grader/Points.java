package backprop.grader;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * How an exercise's points are shared among its tests, and who sees each test when. Points are
 * decimals, never doubles: the kata's 127 maxima (10 points per exercise, split to 1/10000)
 * added in binary floating point give 139.99999999999986, and a grading must say 140.
 */
final class Points {
    /** A share is rounded to 1/10000 of a point; the last share takes the rounding remainder. */
    private static final int SCALE = 4;

    private Points() {
    }

    /**
     * Tests the assignment gives points to get them; the exercise's points left over are split
     * evenly over the rest (rounded to 1/10000, the last test taking the rounding remainder so
     * the exercise adds up exactly).
     */
    static BigDecimal[] split(Assignment a, String exercise, List<TestCatalog.GradedTest> tests) {
        BigDecimal[] out = new BigDecimal[tests.size()];
        BigDecimal fixed = BigDecimal.ZERO;
        int free = 0;
        for (int i = 0; i < tests.size(); i++) {
            Assignment.TestSpec s = spec(a, exercise, tests.get(i));
            if (s != null && s.points != null) {
                out[i] = decimal(s.points);
                fixed = fixed.add(out[i]);
            } else {
                free++;
            }
        }
        BigDecimal left = decimal(a.points(exercise)).subtract(fixed).max(BigDecimal.ZERO);
        BigDecimal each = free == 0 ? BigDecimal.ZERO : left.divide(BigDecimal.valueOf(free), SCALE, RoundingMode.HALF_EVEN);
        int last = -1;
        for (int i = 0; i < out.length; i++) {
            if (out[i] == null) {
                out[i] = each;
                last = i;
            }
        }
        if (last >= 0) {
            out[last] = left.subtract(each.multiply(BigDecimal.valueOf(free - 1)));
        }
        for (int i = 0; i < out.length; i++) {
            out[i] = plain(out[i]);
        }
        return out;
    }

    /** The decimal a person wrote in the assignment (12.5, not 12.4999…). */
    static BigDecimal decimal(double points) {
        return BigDecimal.valueOf(points);
    }

    /** Without trailing zeros and never in exponent form: 140, 12.5, 1.4286. */
    static BigDecimal plain(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    static BigDecimal sum(List<Outcome> outcomes, java.util.function.Function<Outcome, BigDecimal> what) {
        return plain(outcomes.stream().map(what).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    /** As a person writes it: 140, 12.5. */
    static String text(BigDecimal v) {
        return plain(v).toPlainString();
    }

    static Assignment.Visibility visibility(Assignment a, String exercise, TestCatalog.GradedTest t) {
        Assignment.TestSpec s = spec(a, exercise, t);
        if (s != null && s.visibility != null) {
            return s.visibility;
        }
        return t.hidden() ? a.hiddenTestsVisibility : a.visibility(exercise);
    }

    private static Assignment.TestSpec spec(Assignment a, String exercise, TestCatalog.GradedTest t) {
        var tests = a.spec(exercise).tests;
        Assignment.TestSpec s = tests.get(t.method());
        return s != null ? s : tests.get(t.name());
    }
}
