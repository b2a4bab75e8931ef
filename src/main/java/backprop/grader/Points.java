package backprop.grader;

import java.util.List;

/** How an exercise's points are shared among its tests, and who sees each test when. */
final class Points {
    private Points() {
    }

    /**
     * Tests the assignment gives points to get them; the exercise's points left over are split
     * evenly over the rest (rounded to 1/10000, the last test taking the rounding remainder so
     * the exercise adds up exactly).
     */
    static double[] split(Assignment a, String exercise, List<TestCatalog.GradedTest> tests) {
        double[] out = new double[tests.size()];
        double fixed = 0;
        int free = 0;
        for (int i = 0; i < tests.size(); i++) {
            Assignment.TestSpec s = spec(a, exercise, tests.get(i));
            if (s != null && s.points != null) {
                out[i] = s.points;
                fixed += s.points;
            } else {
                out[i] = Double.NaN;
                free++;
            }
        }
        double left = Math.max(0, a.points(exercise) - fixed);
        double each = free == 0 ? 0 : ResultsWriter.round(left / free);
        int last = -1;
        for (int i = 0; i < out.length; i++) {
            if (Double.isNaN(out[i])) {
                out[i] = each;
                last = i;
            }
        }
        if (last >= 0) {
            out[last] = ResultsWriter.round(left - each * (free - 1));
        }
        return out;
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
