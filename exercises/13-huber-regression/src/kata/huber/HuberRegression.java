package kata.huber;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms; // Transforms.tanh(z, true), Transforms.abs(x, true) give new arrays

/**
 * A regression network with the Huber loss: X → tanh hidden layer → identity output, and
 * J = 1/m Σ h(A2 − Y) with h(r) = ½r² for |r| ≤ δ and δ(|r| − ½δ) beyond. Shapes for a batch of
 * m samples, n0 inputs, n1 hidden units, n2 outputs. No method may change its arguments.
 */
public final class HuberRegression {

    /** W1 (n0×n1), b1 (1×n1), W2 (n1×n2), b2 (1×n2). */
    public record Params(INDArray W1, INDArray b1, INDArray W2, INDArray b2) { }

    /** ∂J/∂W1 (n0×n1), ∂J/∂b1 (1×n1), ∂J/∂W2 (n1×n2), ∂J/∂b2 (1×n2). */
    public record Gradients(INDArray dW1, INDArray db1, INDArray dW2, INDArray db2) { }

    private HuberRegression() {
    }

    /** J = 1/m Σ h(A − Y) over every element of the m × n2 batch; δ > 0. */
    public static double huber(INDArray A, INDArray Y, double delta) {
        throw new UnsupportedOperationException("not implemented yet: HuberRegression.huber — 1/m Σ h(A − Y), quadratic"
                + " within δ, linear beyond (see exercises/13-huber-regression/README.md)");
    }

    /** ∂J/∂A (m×n2): the residual A − Y clipped to [−δ, δ], over m. */
    public static INDArray huberGradient(INDArray A, INDArray Y, double delta) {
        throw new UnsupportedOperationException("not implemented yet: HuberRegression.huberGradient — the residual A − Y"
                + " clipped to [−δ, δ], divided by m");
    }

    /** A2 (m×n2) = tanh(X·W1 + b1) · W2 + b2. */
    public static INDArray predict(INDArray X, Params p) {
        throw new UnsupportedOperationException("not implemented yet: HuberRegression.predict — A2 = tanh(X·W1 + b1)·W2 + b2");
    }

    /** J for the batch X (m×n0) with targets Y (m×n2). */
    public static double loss(INDArray X, INDArray Y, Params p, double delta) {
        throw new UnsupportedOperationException("not implemented yet: HuberRegression.loss — predict, then huber");
    }

    /** dZ2 = ∂J/∂A2 (identity output) → dW2, db2 → dZ1 = (dZ2·W2ᵀ) ⊙ (1 − A1²) → dW1, db1. */
    public static Gradients gradients(INDArray X, INDArray Y, Params p, double delta) {
        throw new UnsupportedOperationException("not implemented yet: HuberRegression.gradients — dZ2 from huberGradient,"
                + " then down through the tanh layer");
    }
}
