package kata.softmax;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms; // exp and log; pass dup = true for a new array

/**
 * Softmax over the k classes of each row, and the cross-entropy loss on top of it. Z holds the
 * logits, one sample per row (m×k); Y the targets, each row a distribution over the k classes
 * (one-hot, or any non-negative row summing to 1). No method may change its arguments.
 */
public final class Softmax {

    private Softmax() {
    }

    /** lse (m×1): row i is log Σj exp(Z[i,j]) for Z (m×k), as max + log Σ exp(Z − max) so that no exp overflows. */
    public static INDArray logSumExp(INDArray Z) {
        throw new UnsupportedOperationException("not implemented yet: Softmax.logSumExp — log Σ exp over each row,"
                + " after subtracting the row's maximum (see exercises/10-softmax-cross-entropy/README.md)");
    }

    /** P (m×k) = exp(Z − lse(Z)) for Z (m×k): each row positive and summing to 1. */
    public static INDArray softmax(INDArray Z) {
        throw new UnsupportedOperationException("not implemented yet: Softmax.softmax — exp(Z − logSumExp(Z)),"
                + " with logSumExp subtracted from every column of its row");
    }

    /** J (scalar) = −1/m Σ Y ⊙ log softmax(Z), with log softmax(Z) = Z − lse(Z) (m×k) and Y (m×k). */
    public static double loss(INDArray Z, INDArray Y) {
        throw new UnsupportedOperationException("not implemented yet: Softmax.loss — the cross-entropy averaged over m,"
                + " from Z − logSumExp(Z), never from log(softmax(Z))");
    }

    /** dZ (m×k) = (softmax(Z) − Y) / m for Z (m×k) and Y (m×k). */
    public static INDArray delta(INDArray Z, INDArray Y) {
        throw new UnsupportedOperationException("not implemented yet: Softmax.delta — ∂J/∂Z = (P − Y) / m");
    }
}
