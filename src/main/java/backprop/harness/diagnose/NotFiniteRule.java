package backprop.harness.diagnose;

import java.util.ArrayList;
import java.util.List;

import backprop.harness.check.Problem;

/** NaN or infinity: almost always exp or log of something too large or zero. */
public final class NotFiniteRule implements Rule {
    @Override
    public List<Cause> causes(Evidence e) {
        List<Cause> out = new ArrayList<>();
        for (Problem p : e.problems()) {
            if (p.kind() == Problem.Kind.NOT_FINITE) {
                out.add(new Cause(CauseId.NOT_FINITE, p.detail() + ".", "exp or log of a large number: write sigmoid and"
                        + " log(sigmoid) so they cannot overflow, and never take log(0)", false));
            }
        }
        return out;
    }
}
