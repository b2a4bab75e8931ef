package backprop.harness.report;

import backprop.harness.api.Loss;
import backprop.harness.core.Numbers;

import java.util.ArrayList;
import java.util.List;

import backprop.harness.cases.NetworkCase;
import backprop.harness.api.Shapes;
import backprop.harness.check.CaseResult;
import backprop.harness.core.Elements;
import backprop.harness.check.Problem;
import backprop.harness.check.TensorComparison;
import backprop.harness.check.Tolerance;
import backprop.harness.diagnose.Cause;
import backprop.harness.diagnose.Diagnosis;

/**
 * The text a learner reads when a check fails, most useful first: what is wrong and the likely
 * cause; the smallest failing case with its numbers; the shape of every quantity; the learner's
 * values beside the finite differences and the reference's; how to rerun exactly that case.
 * Sized to fit one screen: long tables are cut, with a count of what was left out.
 */
public final class FailureReport {
    /** Rows of the value table per wrong quantity; the largest errors come first. */
    static final int MAX_ROWS = 6;

    /** Words the README quotes when it explains how a report states a cause (a test keeps them in step). */
    public static final String GUESS_ONE = "(a guess: not every failing case examined shows it)";
    public static final String READ_FROM_NUMBERS = "(read from where the numbers differ; check it)";

    /** Where the case came from and how to get it back. */
    /**
     * @param original the random case the shown one was shrunk from, or null when nothing was
     *                 shrunk (it is printed after the shown case, so the learner sees both)
     */
    public record Context(String exercise, String provenance, String rerun, NetworkCase original) {
        public Context(String exercise, String provenance, String rerun) {
            this(exercise, provenance, rerun, null);
        }
    }

    private FailureReport() {
    }

    /**
     * @param r         the case to show (the smallest failing one)
     * @param diagnosis the causes, read from every failing case examined ({@code r} first)
     */
    public static String render(CaseResult r, Diagnosis diagnosis, Context ctx) {
        List<String> out = new ArrayList<>();
        NetworkCase c = r.networkCase();
        Problem first = r.problems().get(0);
        String early = notStarted(first, ctx);
        if (early != null) {
            return early;
        }
        out.add(ctx.exercise() + ": " + headline(r, first));
        out.add("");
        out.addAll(causeLines(diagnosis));
        out.add("");
        out.add("Smallest failing case (" + ctx.provenance() + "):");
        out.add("  network  " + c.describe());
        out.add("  m = " + c.m());
        int names = nameWidth(c);
        out.add(valueLine("X", c.x(), names));
        out.add(valueLine("Y", c.y(), names));
        for (String n : c.params().names()) {
            out.add(valueLine(n, c.params().get(n), names));
        }
        NetworkCase original = ctx.original();
        if (original != null && original != c) {
            out.add("");
            out.add("The random case it was shrunk from, which fails the same way:");
            out.add("  network  " + original.describe());
            out.add("  m = " + original.m());
            out.add(valueLine("X", original.x(), names));
            out.add(valueLine("Y", original.y(), names));
            for (String n : original.params().names()) {
                out.add(valueLine(n, original.params().get(n), names));
            }
        }
        out.add("");
        out.add("Shapes in this case:");
        for (String line : ShapeTable.lines(c)) {
            out.add("  " + line);
        }
        out.add("");
        if (!Double.isNaN(r.learnerLoss())) {
            boolean ok = Tolerance.LOSS.accepts(r.learnerLoss(), r.referenceLoss());
            out.add("Loss J:  yours " + Numbers.plain(r.learnerLoss()) + "   reference " + Numbers.plain(r.referenceLoss())
                    + "   " + (ok ? "✓" : "✗ differs"));
        }
        if (!r.vsReference().isEmpty()) {
            out.addAll(valueTables(r));
        }
        if (r.skippedAtKinks() > 0) {
            out.add("Skipped at kinks: " + r.skippedAtKinks() + " finite difference(s) whose step crossed a ReLU kink"
                    + " (z = 0), where a finite difference means nothing.");
        }
        out.addAll(ruleErrorLines(diagnosis));
        out.add("");
        out.add("Rerun exactly this case:");
        out.add("  " + ctx.rerun());
        return String.join("\n", out);
    }

    /** A rule that threw is a harness bug: said once, plainly, so it is reported rather than lost. */
    static List<String> ruleErrorLines(Diagnosis d) {
        List<String> out = new ArrayList<>();
        for (Diagnosis.RuleError e : d.ruleErrors()) {
            out.add("Note: the harness's own rule " + e.rule() + " failed on this case (" + e.error()
                    + "); the causes above come from the other rules. Please report it.");
        }
        return out;
    }

    /**
     * The causes, introduced by what the evidence supports: a cause is stated as a fact only when
     * every failing case examined shows it and its reading is unambiguous; anything less says so.
     */
    static List<String> causeLines(Diagnosis d) {
        List<String> out = new ArrayList<>();
        List<Cause> causes = d.causes();
        boolean one = causes.size() == 1;
        if (d.examined() <= 1) {
            out.add(one ? "Most likely cause:" : "Possible causes, most likely first:");
        } else if (d.support() == Diagnosis.Support.ALL_CASES) {
            out.add((one ? "Most likely cause (seen in all " : "Causes found, most likely first (each seen in all ")
                    + d.examined() + " failing cases examined):");
        } else {
            out.add(one ? "Most likely cause " + GUESS_ONE + ":"
                    : "Possible causes, most likely first (guesses: no one cause is seen in every failing case examined):");
        }
        for (Cause cause : causes) {
            boolean guess = !cause.certain() && d.support() == Diagnosis.Support.ALL_CASES;
            out.add(wrapBullet(cause.text() + (guess ? " " + READ_FROM_NUMBERS : "")));
            out.add("    Look at: " + cause.lookAt());
        }
        return out;
    }

    /** The short report for code that is not written or does not compile: no case dump helps there. */
    static String notStarted(Problem first, Context ctx) {
        if (first.kind() == Problem.Kind.NOT_IMPLEMENTED) {
            return ctx.exercise() + ": " + first.cause().getMessage()
                    + "\n  (a stub still throws: write that method, then run the tests again)";
        }
        if (first.kind() == Problem.Kind.NOT_COMPILED) {
            String where = backprop.harness.core.LearnerFrames.first(first.cause());
            return ctx.exercise() + ": your code does not compile yet" + (where == null ? "" : ", in " + where) + ":\n  "
                    + first.cause().getMessage().replace("\n", "\n  ").stripTrailing()
                    + "\n  (the compiler's message is also near the top of the build output; the other exercises are still checked)";
        }
        return null;
    }

    private static String headline(CaseResult r, Problem first) {
        switch (first.kind()) {
            case EXCEPTION: return "your code threw an exception in " + first.quantity();
            case WRONG_LOSS: return "the loss J is wrong (a forward-pass bug)";
            case WRONG_GRADIENT:
            case INCONSISTENT: {
                List<String> names = new ArrayList<>();
                for (Problem p : r.problems()) {
                    if ((p.kind() == Problem.Kind.WRONG_GRADIENT || p.kind() == Problem.Kind.INCONSISTENT) && !names.contains(p.quantity())) {
                        names.add(p.quantity());
                    }
                }
                return String.join(", ", names) + (names.size() == 1 ? " is wrong" : " are wrong");
            }
            default: return first.detail();
        }
    }

    private static List<String> valueTables(CaseResult r) {
        List<String> out = new ArrayList<>();
        List<String> fine = new ArrayList<>();
        for (TensorComparison ref : r.vsReference()) {
            TensorComparison fd = r.finiteDifferenceComparison(ref.name());
            boolean ok = ref.passed() && (fd == null || fd.passed());
            if (ok) {
                fine.add("d" + ref.name());
                continue;
            }
            out.add("");
            int wrongHere = 0;
            for (int i = 0; i < ref.length(); i++) {
                if (ref.fails(i) || (fd != null && fd.fails(i))) {
                    wrongHere++;
                }
            }
            out.add("d" + ref.name() + " (" + Shapes.of(ref.actual()) + "), " + wrongHere + " of " + ref.length()
                    + " elements wrong" + (ref.passed() ? " (against finite differences of your own loss; the reference agrees with you)" : "") + ":");
            List<String[]> rows = new ArrayList<>();
            List<Integer> order = worstFirst(ref, fd);
            for (int k = 0; k < Math.min(MAX_ROWS, order.size()); k++) {
                int i = order.get(k);
                rows.add(new String[] {"  " + Elements.label(ref.actual(), i),
                        Numbers.plain(Elements.get(ref.actual(), i)),
                        fd == null ? "(not computed)" : fd.isSkipped(i) ? "(kink)" : Numbers.plain(Elements.get(fd.expected(), i)),
                        Numbers.plain(Elements.get(ref.expected(), i)),
                        Numbers.error(ref.error(i)),
                        ref.fails(i) || (fd != null && fd.fails(i)) ? "✗" : "✓"});
            }
            out.addAll(Table.render(new String[] {"  element", "yours", "finite diff.", "reference", "rel. error", ""}, rows));
            if (order.size() > MAX_ROWS) {
                out.add("  … " + (order.size() - MAX_ROWS) + " more element(s) not shown");
            }
        }
        if (!fine.isEmpty()) {
            out.add("Right: " + String.join(", ", fine) + " (every element within tolerance)");
        }
        out.add("Tolerance: " + Tolerance.REFERENCE.describe("reference") + "; finite differences: "
                + Tolerance.FINITE_DIFFERENCE.describe("finite diff.") + " + their estimated error");
        return out;
    }

    /** Failing elements first, largest error first among them; the rest in index order. */
    static List<Integer> worstFirst(TensorComparison tc, TensorComparison fd) {
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < tc.length(); i++) {
            idx.add(i);
        }
        idx.sort((a, b) -> {
            boolean fa = tc.fails(a) || (fd != null && fd.fails(a));
            boolean fb = tc.fails(b) || (fd != null && fd.fails(b));
            if (fa != fb) {
                return fa ? -1 : 1;
            }
            if (fa) {
                int byError = Double.compare(worstError(tc, fd, b), worstError(tc, fd, a));
                if (byError != 0) {
                    return byError;
                }
            }
            return a - b;
        });
        return idx;
    }

    private static double worstError(TensorComparison tc, TensorComparison fd, int i) {
        double e = tc.error(i);
        double f = fd == null || fd.isSkipped(i) ? 0 : fd.error(i);
        return Math.max(Double.isNaN(e) ? Double.POSITIVE_INFINITY : e, Double.isNaN(f) ? Double.POSITIVE_INFINITY : f);
    }

    /** Wide enough for W12 and for a layer step's names (gamma1), so the values line up. */
    private static int nameWidth(NetworkCase c) {
        return Math.max(3, c.params().names().stream().mapToInt(String::length).max().orElse(0));
    }

    private static String valueLine(String name, org.nd4j.linalg.api.ndarray.INDArray a, int width) {
        String label = String.format("  %-" + width + "s %-6s", name, "(" + Shapes.of(a) + ")");
        return label + " " + Numbers.matrix(a, 12);
    }

    /** Wraps at 100 columns: two spaces before the first line, four before the rest. */
    public static String wrapBullet(String text) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder("  ");
        for (String word : text.split(" ")) {
            if (line.length() + word.length() > 100 && line.length() > 4) {
                lines.add(line.toString().stripTrailing());
                line = new StringBuilder("    ");
            }
            line.append(word).append(' ');
        }
        lines.add(line.toString().stripTrailing());
        return String.join("\n", lines);
    }
}
