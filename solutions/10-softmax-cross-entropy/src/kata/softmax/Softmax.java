package kata.softmax;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Softmax over the k classes of each row, and the cross-entropy loss on top of it. Z holds the
 * logits, one sample per row (m×k); Y the targets, each row a distribution over the k classes
 * (one-hot, or any non-negative row summing to 1). No method changes its arguments.
 */
public final class Softmax {

    private Softmax() {
    }

    /** lse (m×1): row i is log Σj exp(Z[i,j]) for Z (m×k), as max + log Σ exp(Z − max) so that no exp overflows. */
    public static INDArray logSumExp(INDArray Z) {
        INDArray max = Z.max(true, 1);
        INDArray sum = Transforms.exp(Z.subColumnVector(max), false).sum(true, 1);
        return Transforms.log(sum, false).add(max);
    }

    /** P (m×k) = exp(Z − lse(Z)) for Z (m×k): each row positive and summing to 1. */
    public static INDArray softmax(INDArray Z) {
        return Transforms.exp(Z.subColumnVector(logSumExp(Z)), false);
    }

    /** J (scalar) = −1/m Σ Y ⊙ log softmax(Z), with log softmax(Z) = Z − lse(Z) (m×k) and Y (m×k). */
    public static double loss(INDArray Z, INDArray Y) {
        INDArray logP = Z.subColumnVector(logSumExp(Z));
        return -Y.mul(logP).sumNumber().doubleValue() / Y.rows();
    }

    /** dZ (m×k) = (softmax(Z) − Y) / m for Z (m×k) and Y (m×k). */
    public static INDArray delta(INDArray Z, INDArray Y) {
        return softmax(Z).sub(Y).div(Y.rows());
    }
}
