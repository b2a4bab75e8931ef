package backprop.harness.diagnose;

import java.util.List;

import backprop.harness.check.Problem;
import backprop.harness.core.LearnerFrames;

/** Code that does not compile, is not written, or threw: nothing after the crash is evidence. */
public final class CrashRule implements Rule {
    @Override
    public List<Cause> causes(Evidence e) {
        Problem first = e.first();
        switch (first.kind()) {
            case NOT_COMPILED:
                return List.of(new Cause(CauseId.NOT_COMPILED, "Your code does not compile yet: " + first.cause().getMessage(),
                        "the compiler's message", true));
            case NOT_IMPLEMENTED:
                return List.of(new Cause(CauseId.NOT_IMPLEMENTED, "This exercise is not written yet: " + first.cause().getMessage(),
                        "the stub in exercises/", true));
            case EXCEPTION:
                return List.of(exception(first, e.networkCase()));
            default:
                return List.of();
        }
    }

    @Override
    public boolean stopsDiagnosis() {
        return true;
    }

    static Cause exception(Problem p) {
        return exception(p, null);
    }

    static Cause exception(Problem p, backprop.harness.cases.NetworkCase c) {
        Throwable e = p.cause();
        String msg = String.valueOf(e.getMessage());
        String where = LearnerFrames.chain(e);
        String at = where == null ? "" : " at " + where;
        if (e instanceof NullPointerException) {
            return new Cause(CauseId.NULL_POINTER, "Your code threw a NullPointerException in " + p.quantity() + at + ": "
                    + "something it used was never set (a cache field filled by forward, a gradient not yet computed).",
                    where == null ? p.quantity() : where, true);
        }
        String lower = msg.toLowerCase();
        if (lower.contains("shape") || lower.contains("mmul") || lower.contains("broadcast") || lower.contains("matrix multiplication")) {
            ShapeMessage shapes = ShapeMessage.parse(msg);
            if (shapes != null) {
                return new Cause(CauseId.SHAPE_MISMATCH, (shapes.product ? "A matrix product" : "An element-wise op") + " got"
                        + " shapes that do not fit, in " + p.quantity() + at + ": " + shapes.describe(shapes.left, c)
                        + (shapes.product ? " · " : " and ") + shapes.describe(shapes.right, c) + ". ND4J said: "
                        + firstLine(msg), "the likely fix: " + shapes.fix(), true);
            }
            return new Cause(CauseId.SHAPE_MISMATCH, "A matrix product or an element-wise op got shapes that do not fit, in "
                    + p.quantity() + at + ". ND4J said: " + firstLine(msg),
                    "the shape table below: for A · B the columns of A must equal the rows of B", true);
        }
        return new Cause(CauseId.EXCEPTION, "Your code threw " + e.getClass().getSimpleName() + " in " + p.quantity() + at
                + ": " + firstLine(msg), where == null ? p.quantity() : where, true);
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
