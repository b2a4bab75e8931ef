package backprop.harness.diagnose;

import java.util.ArrayList;
import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;

import backprop.harness.api.Tensors;
import backprop.harness.check.BatchProbe;
import backprop.harness.check.Problem;
import backprop.harness.core.Elements;

/** State that outlives a call: inputs changed in place, sums never reset, caches reused. */
public final class StateRule implements Rule {
    @Override
    public List<Cause> causes(Evidence e) {
        List<Cause> out = new ArrayList<>();
        for (Problem p : e.problems()) {
            if (p.kind() == Problem.Kind.MUTATES_INPUT) {
                out.add(new Cause(CauseId.MUTATES_INPUT, p.detail() + ": an in-place ND4J op (addi, subi, muli, divi, assign,"
                        + " putScalar) on an array you were given, or on an array that shares its memory.",
                        "in-place calls on " + p.quantity() + "; use add/sub/mul/div, or dup() before changing it", true));
                break;
            }
        }
        BatchProbe.Finding probe = e.batchProbe();
        if (probe != null && probe.detail() != null) {
            out.add(acrossBatchSizes(probe));
        } else if (e.has(Problem.Kind.NOT_REPEATABLE)) {
            out.add(notRepeatable(e));
        }
        return out;
    }

    /** The probe's finding: this case right alone, wrong or throwing next to a call with another batch size. */
    private static Cause acrossBatchSizes(BatchProbe.Finding p) {
        Throwable t = p.againThrew() != null ? p.againThrew() : p.doubledThrew();
        String where = t == null ? null : backprop.harness.core.LearnerFrames.chain(t);
        return new Cause(CauseId.STATE_ACROSS_BATCH_SIZES, p.detail().substring(0, 1).toUpperCase() + p.detail().substring(1)
                + (where == null ? "" : " (at " + where + ")") + ". That is stale state: your code keeps something between calls that depends on the batch size: m kept in a field or"
                + " static from an earlier call, an array sized for an earlier batch (gradient sums, a cache), reused on a"
                + " call with another m. It is not a missing 1/m: the same code is right on a batch of the size it kept.",
                "fields and statics that forward or backward set: compute m, the sums and the cache afresh on every call", true);
    }

    private static Cause notRepeatable(Evidence e) {
        Tensors a = e.learnerGradients();
        if (a == null || e.secondCallGradients() == null) {
            return new Cause(CauseId.STALE_STATE, "The same case gave different results when called again after another case:"
                    + " your code depends on state left behind by an earlier call (a cache kept in a field and reused, a sum"
                    + " that keeps growing).", "fields of your class that forward or backward read or write", true);
        }
        Tensors b = e.secondCallGradients();
        for (String n : e.networkCase().parameterNames()) {
            INDArray first = a.get(n);
            INDArray second = b.get(n);
            if (Elements.same(first, second)) {
                continue;
            }
            double f = Patterns.factor(second, first);
            INDArray truth = e.referenceGradients() == null ? null : e.referenceGradients().get(n);
            boolean addsTruth = truth != null && Patterns.close(Elements.toArray(second.sub(first)), Elements.toArray(truth));
            if (Patterns.near(f, 2) || addsTruth) {
                return new Cause(CauseId.ACCUMULATES, "Gradients accumulate across calls: the second identical call returned the"
                        + " first d" + n + " plus the gradient once more. The gradient is added to something kept from the previous"
                        + " call and never reset (in the question's code, w_grad1 and w_grad2 are set to 0 once, before all"
                        + " iterations).", "where the gradient sums start: set them to zero at the start of every backward pass", true);
            }
            return new Cause(CauseId.STALE_STATE, "Two identical calls returned different d" + n + ": the result depends on state"
                    + " left behind by an earlier call (a stale cache, a field that keeps growing, an in-place update).",
                    "fields of your class that backward reads or writes", false);
        }
        return new Cause(CauseId.STALE_STATE, "Two identical calls returned different gradients.", "state kept between calls", false);
    }
}
