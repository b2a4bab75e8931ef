package kata.dense;

import org.nd4j.linalg.api.ndarray.INDArray;

import backprop.harness.api.Shapes;

/**
 * One dense layer without its activation, for a batch of m samples (one per row): nIn inputs,
 * nOut outputs. Each method first checks the shapes and throws IllegalArgumentException naming
 * them. No method changes its arguments.
 */
public final class Dense {

    /** dX (m×nIn), dW (nIn×nOut), db (1×nOut). */
    public record Gradients(INDArray dX, INDArray dW, INDArray db) { }

    private Dense() {
    }

    /** Z (m×nOut) = X (m×nIn) · W (nIn×nOut) + b (1×nOut), b added to every row. */
    public static INDArray forward(INDArray X, INDArray W, INDArray b) {
        requireProduct(X, W);
        if (b.rank() != 2 || b.rows() != 1 || b.columns() != W.columns()) {
            throw new IllegalArgumentException("b is " + Shapes.of(b) + " but must be 1×" + W.columns()
                    + ": one row, one entry per column of W (" + Shapes.of(W) + ")");
        }
        return X.mmul(W).addRowVector(b);
    }

    /** dX (m×nIn) = dZ (m×nOut) · Wᵀ (nOut×nIn);  dW (nIn×nOut) = Xᵀ (nIn×m) · dZ;  db (1×nOut) = column sums of dZ. */
    public static Gradients backward(INDArray X, INDArray W, INDArray dZ) {
        requireProduct(X, W);
        if (dZ.rank() != 2 || dZ.rows() != X.rows() || dZ.columns() != W.columns()) {
            throw new IllegalArgumentException("dZ is " + Shapes.of(dZ) + " but must be " + X.rows() + "×" + W.columns()
                    + ", the shape of Z = X·W + b (X is " + Shapes.of(X) + ", W is " + Shapes.of(W) + ")");
        }
        INDArray dX = dZ.mmul(W.transpose());
        INDArray dW = X.transpose().mmul(dZ);
        INDArray db = dZ.sum(true, 0);
        return new Gradients(dX, dW, db);
    }

    /** X·W is defined: both matrices, X with as many columns as W has rows. */
    private static void requireProduct(INDArray X, INDArray W) {
        if (X.rank() != 2 || W.rank() != 2 || X.columns() != W.rows()) {
            throw new IllegalArgumentException("X is " + Shapes.of(X) + " but W is " + Shapes.of(W)
                    + ": X·W needs as many columns in X as rows in W");
        }
    }
}
