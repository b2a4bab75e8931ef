package backprop.harness.diagnose;

import org.nd4j.linalg.api.ndarray.INDArray;

import backprop.harness.api.Activation;
import backprop.harness.check.TensorComparison;
import backprop.harness.core.Elements;
import backprop.harness.core.Forward;

/**
 * The a-form fed z, for a function check: a derivative written from the activation (σ' =
 * a(1 − a), tanh' = 1 − a²) given the pre-activation z. Whatever multiplies the slope (an
 * upstream gradient, a loss's delta), the learner's gradient is then the true one times
 * aForm(z) / f'(z), element by element; that ratio, at the point's own z, is what is tested,
 * for every activation that has an a-form ({@link Forward#aForm}).
 */
final class AFormFedZ {
    private AFormFedZ() {
    }

    /** @param z the point's input the gradient is taken with respect to (same shape), or null */
    static Cause of(TensorComparison tc, INDArray z) {
        if (z == null || tc.passed() || tc.skipped() > 0 || z.length() != tc.length()) {
            return null;
        }
        for (Activation f : Activation.values()) {
            java.util.function.DoubleUnaryOperator aForm = f == Activation.SOFTMAX ? null : Forward.aForm(f);
            if (aForm != null && matches(tc, z, f, aForm)) {
                String d = "d" + tc.name();
                String written = f == Activation.SIGMOID ? "a·(1 − a)" : "1 − a²";
                return new Cause(CauseId.FUNCTION_AFORM_OF_Z, d + " is what " + f.label() + "'s derivative written from a, "
                        + written + ", gives when fed " + tc.name() + " itself: compute a = " + f.label() + "(" + tc.name()
                        + ") first and give that to the derivative.", d, true);
            }
        }
        return null;
    }

    /** Every element the true gradient does not make 0 equals it times aForm(z) / f'(z), to 1e-6, and some differ. */
    private static boolean matches(TensorComparison tc, INDArray z, Activation f, java.util.function.DoubleUnaryOperator aForm) {
        int used = 0;
        boolean anyDiffers = false;
        for (int i = 0; i < tc.length(); i++) {
            double want = Elements.get(tc.expected(), i);
            double got = Elements.get(tc.actual(), i);
            double zi = Elements.get(z, i);
            double slope = Forward.slope(f, zi);
            if (Math.abs(want) < 1e-12 || slope < 1e-12) {
                continue;
            }
            double predicted = want * aForm.applyAsDouble(zi) / slope;
            if (Math.abs(got - predicted) > 1e-6 * Math.max(Math.abs(predicted), Math.abs(want))) {
                return false;
            }
            anyDiffers |= Math.abs(predicted - want) > 1e-6 * Math.abs(want);
            used++;
        }
        return used > 0 && anyDiffers;
    }
}
