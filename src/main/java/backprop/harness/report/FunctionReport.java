package backprop.harness.report;

import backprop.harness.core.Numbers;

import java.util.ArrayList;
import java.util.List;

import backprop.harness.diagnose.Cause;
import backprop.harness.diagnose.Diagnosis;

import backprop.harness.api.Shapes;
import backprop.harness.core.Elements;
import backprop.harness.check.FunctionResult;
import backprop.harness.check.Problem;
import backprop.harness.check.TensorComparison;
import backprop.harness.core.LearnerFrames;

/** The failure text for a function check: what is wrong, the point, the values side by side. */
public final class FunctionReport {
    private FunctionReport() {
    }

    public static String render(String what, FunctionResult r, Diagnosis diagnosis, FailureReport.Context ctx) {
        List<String> out = new ArrayList<>();
        Problem first = r.problems().get(0);
        String early = FailureReport.notStarted(first, ctx);
        if (early != null) {
            return early;
        }
        out.add(ctx.exercise() + ": " + what + ": " + first.detail());
        if (first.cause() != null) {
            String where = LearnerFrames.chain(first.cause());
            if (where != null) {
                out.add("  thrown at " + where);
            }
        }
        for (Problem p : r.problems().subList(1, r.problems().size())) {
            out.add("  also: " + p.detail());
        }
        for (Cause cause : diagnosis.causes()) {
            out.add("  Most likely cause: " + cause.text());
        }
        out.add("");
        out.add("At (" + ctx.provenance() + "):");
        for (String n : r.point().names()) {
            out.add(String.format("  %-3s %-7s %s", n, "(" + Shapes.of(r.point().get(n)) + ")", Numbers.matrix(r.point().get(n), 12)));
        }
        if (!Double.isNaN(r.value())) {
            out.add("  value " + Numbers.plain(r.value()));
        }
        for (TensorComparison tc : r.comparisons()) {
            if (tc.passed()) {
                continue;
            }
            out.add("");
            out.add("d" + tc.name() + " (" + Shapes.of(tc.actual()) + "), " + tc.failing() + " of " + tc.compared()
                    + " elements differ from the " + tc.expectedLabel() + ":");
            List<String[]> rows = new ArrayList<>();
            int shown = 0;
            // Largest errors first, as in a network report.
            for (int i : FailureReport.worstFirst(tc, null)) {
                if (!tc.fails(i) || shown >= FailureReport.MAX_ROWS) {
                    break;
                }
                shown++;
                rows.add(new String[] {"  " + Elements.label(tc.actual(), i), Numbers.plain(Elements.get(tc.actual(), i)),
                        Numbers.plain(Elements.get(tc.expected(), i)), Numbers.error(tc.error(i))});
            }
            out.addAll(Table.render(new String[] {"  element", "yours", tc.expectedLabel(), "rel. error"}, rows));
            if (tc.failing() > shown) {
                out.add("  … " + (tc.failing() - shown) + " more");
            }
            out.add("  tolerance: " + tc.tolerance().describe(tc.expectedLabel()));
        }
        if (r.skipped() > 0) {
            out.add("Skipped at kinks: " + r.skipped() + " element(s) whose finite-difference step crossed a kink.");
        }
        out.add("");
        out.add("Rerun exactly this case:");
        out.add("  " + ctx.rerun());
        return String.join("\n", out);
    }
}
