package kata.twolayer;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms; // Transforms.sigmoid(z, true) gives σ(z) as a new array

import backprop.harness.api.Loss;

/**
 * The question's network with separate biases: X → sigmoid hidden layer → sigmoid output.
 * Shapes for a batch of m samples, n0 inputs, n1 hidden units, n2 outputs (the question:
 * m = 4, n0 = 2, n1 = 5, n2 = 1). No method may change its arguments.
 */
public final class TwoLayerNetwork {

    /** W1 (n0×n1), b1 (1×n1), W2 (n1×n2), b2 (1×n2). */
    public record Params(INDArray W1, INDArray b1, INDArray W2, INDArray b2) { }

    /** What forward keeps for backward: X (m×n0), Z1 and A1 (m×n1), Z2 and A2 (m×n2). */
    public record Cache(INDArray X, INDArray Z1, INDArray A1, INDArray Z2, INDArray A2) { }

    /** ∂J/∂W1 (n0×n1), ∂J/∂b1 (1×n1), ∂J/∂W2 (n1×n2), ∂J/∂b2 (1×n2). */
    public record Gradients(INDArray dW1, INDArray db1, INDArray dW2, INDArray db2) { }

    private TwoLayerNetwork() {
    }

    /** Z1 (m×n1) = X (m×n0) · W1 (n0×n1) + b1;  A1 = σ(Z1);  Z2 (m×n2) = A1 · W2 (n1×n2) + b2;  A2 = σ(Z2). */
    public static Cache forward(INDArray X, Params p) {
        throw new UnsupportedOperationException("not implemented yet: TwoLayerNetwork.forward — compute Z1, A1, Z2, A2"
                + " (see exercises/04-two-layer-network/README.md)");
    }

    /** J (scalar) from A2 (m×n2) and Y (m×n2), averaged over the m samples. */
    public static double loss(Cache c, INDArray Y, Loss loss) {
        throw new UnsupportedOperationException("not implemented yet: TwoLayerNetwork.loss — the mean squared error"
                + " 1/(2m) Σ (A2 − Y)² and the binary cross-entropy, both averaged over m");
    }

    /** dZ2 (m×n2) → dW2 = A1ᵀ·dZ2 (n1×n2), db2 (1×n2) → dZ1 = (dZ2·W2ᵀ) ⊙ σ'(Z1) (m×n1) → dW1 = Xᵀ·dZ1 (n0×n1), db1 (1×n1). */
    public static Gradients backward(Cache c, INDArray Y, Params p, Loss loss) {
        throw new UnsupportedOperationException("not implemented yet: TwoLayerNetwork.backward — start from the output"
                + " delta dZ2 and work down to dW1 and db1");
    }
}
