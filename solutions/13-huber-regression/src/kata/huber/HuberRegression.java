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
        INDArray abs = Transforms.abs(A.sub(Y), true);
        INDArray quadratic = Transforms.min(abs, delta, true);
        INDArray linear = abs.sub(quadratic);
        double sum = quadratic.mul(quadratic).mul(0.5).add(linear.mul(delta)).sumNumber().doubleValue();
        return sum / A.rows();
    }

    /** ∂J/∂A (m×n2): the residual A − Y clipped to [−δ, δ], over m. */
    public static INDArray huberGradient(INDArray A, INDArray Y, double delta) {
        INDArray r = A.sub(Y);
        return Transforms.min(Transforms.max(r, -delta, true), delta, true).div(A.rows());
    }

    /** A2 (m×n2) = tanh(X·W1 + b1) · W2 + b2. */
    public static INDArray predict(INDArray X, Params p) {
        INDArray A1 = Transforms.tanh(X.mmul(p.W1()).addRowVector(p.b1()), true);
        return A1.mmul(p.W2()).addRowVector(p.b2());
    }

    /** J for the batch X (m×n0) with targets Y (m×n2). */
    public static double loss(INDArray X, INDArray Y, Params p, double delta) {
        return huber(predict(X, p), Y, delta);
    }

    /** dZ2 = ∂J/∂A2 (identity output) → dW2, db2 → dZ1 = (dZ2·W2ᵀ) ⊙ (1 − A1²) → dW1, db1. */
    public static Gradients gradients(INDArray X, INDArray Y, Params p, double delta) {
        INDArray A1 = Transforms.tanh(X.mmul(p.W1()).addRowVector(p.b1()), true);
        INDArray A2 = A1.mmul(p.W2()).addRowVector(p.b2());
        INDArray dZ2 = huberGradient(A2, Y, delta);
        INDArray dZ1 = dZ2.mmul(p.W2().transpose()).mul(A1.mul(A1).rsub(1.0));
        return new Gradients(X.transpose().mmul(dZ1), dZ1.sum(true, 0), A1.transpose().mmul(dZ2), dZ2.sum(true, 0));
    }
}
