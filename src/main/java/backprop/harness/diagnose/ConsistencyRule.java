package backprop.harness.diagnose;

import java.util.List;

import backprop.harness.check.Problem;

/** Gradients that match the reference but not the learner's own loss: the loss is what is off. */
public final class ConsistencyRule implements Rule {
    @Override
    public List<Cause> causes(Evidence e) {
        if (!e.has(Problem.Kind.INCONSISTENT) || !e.wrong().isEmpty()) {
            return List.of();
        }
        return List.of(new Cause(CauseId.LOSS_NOT_WHAT_GRADIENTS_DIFFERENTIATE, "Your gradients match the reference but not"
                + " finite differences of your own loss(): loss() computes something other than what the gradients"
                + " differentiate.", "loss(): the regularisation term and the 1/m", false));
    }
}
