package backprop.harness.diagnose;

import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;

import backprop.harness.api.Shapes;
import backprop.harness.api.Tensors;
import backprop.harness.check.Problem;
import backprop.harness.core.ParameterNames;

/** Gradients of the wrong data type or shape: the values cannot be compared until the form is right. */
public final class OutputFormRule implements Rule {
    @Override
    public List<Cause> causes(Evidence e) {
        Problem p = e.first();
        if (p.kind() == Problem.Kind.NOT_DOUBLE) {
            return List.of(new Cause(CauseId.NOT_DOUBLE, p.detail() + ".", "where " + p.quantity()
                    + " is created: Nd4j.create/zeros/ones with DataType.FLOAT, or castTo(FLOAT)", true));
        }
        if (p.kind() != Problem.Kind.BAD_OUTPUT) {
            return List.of();
        }
        Tensors g = e.learnerGradients();
        String name = p.quantity().startsWith("d") ? p.quantity().substring(1) : p.quantity();
        if (g != null && g.has(name) && e.referenceGradients() != null && e.referenceGradients().has(name)) {
            INDArray mine = g.get(name);
            INDArray truth = e.referenceGradients().get(name);
            if (Patterns.transposedEquals(mine, truth)) {
                return List.of(new Cause(CauseId.TRANSPOSED_SHAPE, p.quantity() + " is the right gradient, transposed: you have "
                        + Shapes.of(mine) + ", it must be " + Shapes.of(truth) + ", the shape of " + name + ".",
                        ParameterNames.isWeight(name) ? "the order in dW = Aᵀ · dZ (A of the layer's input, dZ of its output)" : p.quantity(), true));
            }
            int m = e.networkCase().m();
            boolean perSample = mine.rank() == 2 && mine.rows() == m && truth.rows() == 1 && mine.columns() == truth.columns();
            if (ParameterNames.isBias(name) && perSample) {
                return List.of(new Cause(CauseId.BIAS_PER_SAMPLE, p.quantity() + " has one row per sample (" + Shapes.of(mine)
                        + "): a bias gradient is summed over the batch, giving " + Shapes.of(truth) + ".",
                        "sum dZ over its rows (dim 0), keeping a 1 × n row", true));
            }
            if (ParameterNames.isStepParameter(name) && perSample && m > 1) {
                // A step's row parameter (batch norm's γ, β) is shared by every sample, as a bias is.
                return List.of(new Cause(CauseId.STEP_PARAMETER_PER_SAMPLE, p.quantity() + " has one row per sample ("
                        + Shapes.of(mine) + "): " + name + " is shared by every sample, so its gradient is the sum over the batch"
                        + " (the rows) of each sample's part, giving " + Shapes.of(truth) + ".",
                        "the sum over the batch in " + p.quantity() + ": sum over rows (dim 0), keeping a 1 × n row", true));
            }
            if (ParameterNames.isWeight(name) && mine.rank() == 2 && mine.length() > 0) {
                return List.of(new Cause(CauseId.WRONG_SHAPE, p.quantity() + " is " + Shapes.of(mine) + " but must be "
                        + Shapes.of(truth) + ".", "dW = Aᵀ · dZ: (n_in × m) · (m × n_out)", true));
            }
        }
        return List.of(new Cause(CauseId.BAD_OUTPUT, p.detail() + ".", p.quantity(), true));
    }

    @Override
    public boolean stopsDiagnosis() {
        return true;
    }
}
