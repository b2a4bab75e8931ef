package kata.losses;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The output delta dZ = ∂J/∂Z of a sigmoid output layer, A = σ(Z), for each loss: the chain
 * rule dZ = dA ⊙ σ'(Z) with σ'(Z) = A ⊙ (1 − A). No method changes its arguments.
 */
public final class OutputDelta {

    private OutputDelta() {
    }

    /** dZ (m×k) = (A − Y) ⊙ A ⊙ (1 − A) / m, for squared error; A = σ(Z) (m×k), Y (m×k). */
    public static INDArray sigmoidSquaredError(INDArray A, INDArray Y) {
        return Losses.squaredErrorGradient(A, Y).mul(A.mul(A.rsub(1.0)));
    }

    /** dZ (m×k) = (A − Y) / m, for cross-entropy; A = σ(Z) (m×k), Y (m×k). */
    public static INDArray sigmoidCrossEntropy(INDArray A, INDArray Y) {
        Losses.requireSameShape(A, Y);
        // dA = (A − Y) / (A ⊙ (1 − A)) / m and σ'(Z) = A ⊙ (1 − A): the slope cancels.
        return A.sub(Y).div(A.rows());
    }
}
