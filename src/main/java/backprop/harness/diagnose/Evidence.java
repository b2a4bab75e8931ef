package backprop.harness.diagnose;

import java.util.ArrayList;
import java.util.List;

import backprop.harness.api.Tensors;
import backprop.harness.cases.NetworkCase;
import backprop.harness.check.BatchProbe;
import backprop.harness.check.CaseResult;
import backprop.harness.check.Problem;
import backprop.harness.check.TensorComparison;

/**
 * What one check of one case observed, for the rules to read: the case, the learner's loss and
 * gradients (and a second call's, when it differed), the reference's, the comparisons with the
 * reference and with finite differences, and the problems found (repeat calls, changed inputs,
 * exceptions).
 */
public record Evidence(NetworkCase networkCase, List<Problem> problems,
                       double learnerLoss, double referenceLoss,
                       Tensors learnerGradients, Tensors referenceGradients, Tensors secondCallGradients,
                       List<TensorComparison> vsReference, List<TensorComparison> vsFiniteDifferences,
                       BatchProbe.Finding batchProbe) {

    public static Evidence of(CaseResult r) {
        return new Evidence(r.networkCase(), r.problems(), r.learnerLoss(), r.referenceLoss(), r.learnerGradients(),
                r.referenceGradients(), r.secondCallGradients(), r.vsReference(), r.vsFiniteDifferences(),
                r.batchProbe());
    }

    public Problem first() {
        return problems.get(0);
    }

    public boolean has(Problem.Kind kind) {
        return problems.stream().anyMatch(p -> p.kind() == kind);
    }

    public TensorComparison referenceComparison(String name) {
        return vsReference.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
    }

    /** Parameter names whose gradient disagrees with the reference, in order. */
    public List<String> wrong() {
        List<String> out = new ArrayList<>();
        for (TensorComparison tc : vsReference) {
            if (!tc.passed()) {
                out.add(tc.name());
            }
        }
        return out;
    }

    /** Parameter names whose gradient agrees with the reference. */
    public List<String> right() {
        List<String> out = new ArrayList<>();
        for (TensorComparison tc : vsReference) {
            if (tc.passed()) {
                out.add(tc.name());
            }
        }
        return out;
    }
}
