package kata.dense;

import org.nd4j.linalg.api.ndarray.INDArray;

import backprop.harness.api.Shapes; // Shapes.of(X) writes X's shape as "4×3"

/**
 * One dense layer without its activation, for a batch of m samples (one per row): nIn inputs,
 * nOut outputs. Each method must first check the shapes and throw IllegalArgumentException
 * naming them. No method may change its arguments.
 */
public final class Dense {

    /** dX (m×nIn), dW (nIn×nOut), db (1×nOut). */
    public record Gradients(INDArray dX, INDArray dW, INDArray db) { }

    private Dense() {
    }

    /** Z (m×nOut) = X (m×nIn) · W (nIn×nOut) + b (1×nOut), b added to every row. */
    public static INDArray forward(INDArray X, INDArray W, INDArray b) {
        throw new UnsupportedOperationException("not implemented yet: Dense.forward — check the shapes of X, W and b,"
                + " then Z = X·W + b (see exercises/03-dense-layer/README.md)");
    }

    /** dX (m×nIn) = dZ (m×nOut) · Wᵀ (nOut×nIn);  dW (nIn×nOut) = Xᵀ (nIn×m) · dZ;  db (1×nOut) = column sums of dZ. */
    public static Gradients backward(INDArray X, INDArray W, INDArray dZ) {
        throw new UnsupportedOperationException("not implemented yet: Dense.backward — check the shape of dZ, then"
                + " dX, dW and db from dZ");
    }
}
