package backprop.harness.diagnose;

import java.util.List;

import backprop.harness.api.NetSpec;
import backprop.harness.cases.LayerStep;
import backprop.harness.core.ParameterNames;

/**
 * Where the error starts in a hidden layer with a layer step (Z̃ = step(Z), A = f(Z̃)): the
 * step's own gradients and the layer's W and b are all formed from the delta at the step's
 * output, dZ̃, so which of them are right says whether the error is in one parameter's
 * gradient, in passing the delta back through the step, or above the step. Null when the
 * layer's W and b alone are wrong in a way the plain rules already read (W only, b only).
 */
final class StepLocalisation {
    private StepLocalisation() {
    }

    static Cause cause(Evidence e, int top, List<String> wrong, String list, String okList) {
        NetSpec s = e.networkCase().spec();
        LayerStep step = e.networkCase().layerStep();
        List<String> stepWrong = wrong.stream().filter(n -> ParameterNames.layer(n) == top && ParameterNames.isStepParameter(n)).toList();
        boolean wWrong = wrong.contains("W" + top);
        boolean bWrong = wrong.contains("b" + top);
        String zt = "Z̃" + top;
        String stepIs = "the " + step.label() + " (" + step.formula() + ")";
        if (!stepWrong.isEmpty() && !wWrong && !bWrong) {
            String own = String.join(", ", FactorRule.d(stepWrong));
            return new Cause(CauseId.WHERE_STEP_PARAMETER, "Wrong: " + list + "; right: " + okList + ". In layer " + top
                    + " only the step's own gradient" + (stepWrong.size() == 1 ? " is" : "s are") + " wrong (" + own + "), while dW"
                    + top + ", which is formed from the same delta d" + zt + " at the step's output, is right: so d" + zt
                    + " is most likely right, and the error is in how " + own + " is formed from it.",
                    own + " in the backward pass of " + stepIs + ": each sum over the batch (rows), each factor such as 1/m,"
                    + " and which forward quantity it is multiplied by", false);
        }
        if (stepWrong.isEmpty() && wWrong && (bWrong || !s.hasBias(top))) {
            String own = String.join(", ", FactorRule.d(step.names(top)));
            return new Cause(CauseId.WHERE_THROUGH_STEP, "Wrong: " + list + "; right: " + okList + ". In layer " + top + " the"
                    + " step's own gradients (" + own + ") are right, and they are formed from the delta d" + zt + " at the step's"
                    + " output: so d" + zt + " is most likely right, and the error is in passing it back through the step to dZ"
                    + top + ", or in dW" + top + " = A" + (top - 1) + "ᵀ · dZ" + top + ".",
                    "dZ" + top + " from d" + zt + " through " + stepIs + ": every path by which Z" + top + " enters it", false);
        }
        if (!stepWrong.isEmpty()) {
            return new Cause(CauseId.WHERE_PROPAGATE, "Wrong: " + list + "; right: " + okList + ". Layer " + (top + 1)
                    + " is right and layer " + top + " is not, its step's own gradients included, so the error is in passing the"
                    + " delta down to the step's output: dA" + top + " = dZ" + (top + 1) + " · W" + (top + 1) + "ᵀ, then d" + zt
                    + " = dA" + top + " ⊙ f'(" + zt + ") with f = " + e.networkCase().activationLabel(top) + " and " + zt
                    + " the step's output.", "f'(" + zt + ") — of the step's output, not of Z" + top + " — and the transpose of W"
                    + (top + 1), false);
        }
        return null;
    }
}
