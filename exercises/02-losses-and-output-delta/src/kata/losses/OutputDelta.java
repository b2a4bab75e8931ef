package kata.losses;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The output delta dZ = ∂J/∂Z of a sigmoid output layer, A = σ(Z), for each loss: the chain
 * rule dZ = dA ⊙ σ'(Z) with σ'(Z) = A ⊙ (1 − A). No method may change its arguments.
 */
public final class OutputDelta {

    private OutputDelta() {
    }

    /** dZ (m×k) = (A − Y) ⊙ A ⊙ (1 − A) / m, for squared error; A = σ(Z) (m×k), Y (m×k). */
    public static INDArray sigmoidSquaredError(INDArray A, INDArray Y) {
        throw new UnsupportedOperationException("not implemented yet: OutputDelta.sigmoidSquaredError — dZ for a sigmoid"
                + " output with squared error, from A = σ(Z) and Y");
    }

    /** dZ (m×k) = (A − Y) / m, for cross-entropy; A = σ(Z) (m×k), Y (m×k). */
    public static INDArray sigmoidCrossEntropy(INDArray A, INDArray Y) {
        throw new UnsupportedOperationException("not implemented yet: OutputDelta.sigmoidCrossEntropy — dZ for a sigmoid"
                + " output with cross-entropy, from A = σ(Z) and Y");
    }
}
