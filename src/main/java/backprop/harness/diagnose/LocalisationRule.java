package backprop.harness.diagnose;

import java.util.List;

import backprop.harness.api.NetSpec;

/** No arithmetic pattern: which quantities are right says where in the backward pass the error starts. */
public final class LocalisationRule implements Rule {
    @Override
    public List<Cause> causes(Evidence e) {
        List<String> wrong = e.wrong();
        if (wrong.isEmpty()) {
            return List.of();
        }
        List<String> right = e.right();
        NetSpec s = e.networkCase().spec();
        int top = wrong.stream().mapToInt(HypothesisRule::layer).max().orElseThrow();
        boolean wWrong = wrong.contains("W" + top);
        boolean bWrong = wrong.contains("b" + top);
        String list = String.join(", ", FactorRule.d(wrong));
        String okList = right.isEmpty() ? "none" : String.join(", ", FactorRule.d(right));
        if (e.networkCase().layerStep() != null && top < s.layers()) {
            Cause c = StepLocalisation.cause(e, top, wrong, list, okList);
            if (c != null) {
                return List.of(c);
            }
        }
        if (top == s.layers() && wWrong && (bWrong || !s.hasBias(top))) {
            return List.of(new Cause(CauseId.WHERE_OUTPUT, "Wrong: " + list + "; right: " + okList + ". The output layer is"
                    + " already wrong, so the error is most likely in the output delta dZ" + top + " (for " + (e.networkCase().customLoss() == null ? s.loss().label() : e.networkCase().customLoss().label())
                    + " after " + s.output().label() + "), or in how dW" + top + " is formed from it.",
                    "dZ" + top + " = ∂J/∂Z" + top + ", then dW" + top + " = A" + (top - 1) + "ᵀ · dZ" + top, false));
        }
        if (wWrong && !bWrong && s.hasBias(top)) {
            return List.of(new Cause(CauseId.WHERE_W_ONLY, "dW" + top + " is wrong but db" + top + " is right, so dZ" + top
                    + " is right and the error is in the product with the layer's input: dW" + top + " = A" + (top - 1)
                    + "ᵀ · dZ" + top + ".", "which activation is used as A" + (top - 1)
                    + " (the cached one, before the activation function?)", false));
        }
        if (!wWrong && bWrong) {
            return List.of(new Cause(CauseId.WHERE_B_ONLY, "db" + top + " is wrong but dW" + top + " is right, so dZ" + top
                    + " is right and the bias gradient is formed wrongly: db" + top + " is the sum of dZ" + top
                    + " over the batch (its rows).", "db" + top + " = column sums of dZ" + top
                    + " (one row, not the first row, not averaged twice)", false));
        }
        return List.of(new Cause(CauseId.WHERE_PROPAGATE, "Wrong: " + list + "; right: " + okList + ". Layer " + (top + 1)
                + " is right and layer " + top + " is not, so the error is in passing the delta down: dA" + top + " = dZ"
                + (top + 1) + " · W" + (top + 1) + "ᵀ, then dZ" + top + " = dA" + top + " ⊙ f'(Z" + top + ") with f = "
                + s.activation(top).label() + ".", "f'(Z" + top + ") — from Z or from A = f(Z)? applied once? — and the"
                + " transpose of W" + (top + 1), false));
    }
}
