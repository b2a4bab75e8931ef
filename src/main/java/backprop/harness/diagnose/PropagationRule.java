package backprop.harness.diagnose;

import java.util.List;

import backprop.harness.api.NetSpec;

/**
 * The delta stops at a layer: every gradient of that layer and of all layers below it is 0,
 * while the layers above are right. Told apart from one gradient never computed (whose
 * partner in the same layer would be right, see {@link ElementRule}).
 */
public final class PropagationRule implements Rule {
    @Override
    public List<Cause> causes(Evidence e) {
        List<String> wrong = e.wrong();
        NetSpec s = e.networkCase().spec();
        if (wrong.isEmpty() || !FactorRule.allZero(e)) {
            return List.of();
        }
        int top = wrong.stream().mapToInt(HypothesisRule::layer).max().orElseThrow();
        if (top >= s.layers()) {
            return List.of();
        }
        for (String n : e.networkCase().parameterNames()) {
            if ((HypothesisRule.layer(n) <= top) != wrong.contains(n)) {
                return List.of();
            }
        }
        String below = top == 1 ? "layer 1" : "layers 1 to " + top;
        return List.of(new Cause(CauseId.DELTA_NOT_PASSED, String.join(", ", FactorRule.d(wrong)) + " are 0"
                + (s.lambda() > 0 ? " apart from their L2 terms" : "") + " while layer "
                + (top + 1) + " is right: the delta never reached " + below + ". dA" + top + " = dZ" + (top + 1) + " · W"
                + (top + 1) + "ᵀ is 0 or never computed" + " (an array made with zeros and never filled, or overwritten), so dZ"
                + top + " = dA" + top + " ⊙ f'(Z" + top + ") is 0 too. A gradient that was simply never computed would"
                + " leave its layer's other gradient right.",
                "dA" + top + " = dZ" + (top + 1) + " · W" + (top + 1) + "ᵀ, and that dZ" + top + " is built from it", true));
    }
}
