package backprop.harness.diagnose;

import java.util.ArrayList;
import java.util.List;

import backprop.harness.check.TensorComparison;
import backprop.harness.core.ParameterNames;

/** The gradient for a parameter is right, but the learner's loss does not move with it: the forward pass never uses it. */
public final class UnusedParameterRule implements Rule {
    @Override
    public List<Cause> causes(Evidence e) {
        List<Cause> out = new ArrayList<>();
        for (TensorComparison fd : e.vsFiniteDifferences()) {
            TensorComparison ref = e.referenceComparison(fd.name());
            if (fd.passed() || ref == null || fd.compared() == 0) {
                continue;
            }
            if (fd.expected().amaxNumber().doubleValue() < 1e-10 && Patterns.nonZero(fd.actual()) && Patterns.nonZero(ref.expected())) {
                String n = fd.name();
                String l = String.valueOf(ParameterNames.layer(n));
                out.add(new Cause(CauseId.UNUSED_PARAMETER, "Your loss() does not change when " + n + " changes (its finite"
                        + " differences are 0), although the true d" + n + " is not 0: your forward pass never uses " + n + ".",
                        ParameterNames.isBias(n) ? "the forward pass: Z" + l + " = A" + (Integer.parseInt(l) - 1) + " · W" + l + " + " + n
                                : "the forward pass: where " + n + " should enter", true));
            }
        }
        return out;
    }
}
