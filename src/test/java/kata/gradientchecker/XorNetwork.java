package kata.gradientchecker;

import kata.support.Xor;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

import kata.gradientchecker.GradientChecker.ScalarFunction;

/**
 * The question's network on its XOR batch, 2-3-1, sigmoid everywhere, squared error averaged
 * over m = 4: the loss J as a function of W1 alone, and its gradient by backpropagation.
 */
final class XorNetwork {
    private XorNetwork() {
    }

    static final INDArray X = Xor.x();
    static final INDArray Y = Xor.y();
    static final INDArray B1 = Nd4j.createFromArray(new double[][] {{0.1, -0.2, 0.3}});
    static final INDArray W2 = Nd4j.createFromArray(new double[][] {{1.5}, {-2.0}, {1.2}});
    static final INDArray B2 = Nd4j.createFromArray(new double[][] {{-0.3}});

    static INDArray w1() {
        return Nd4j.createFromArray(new double[][] {{0.8, -1.1, 0.6}, {-0.9, 1.3, 0.7}});
    }

    /** J(W1) = 1/(2m) Σ (A2 − Y)². */
    static final ScalarFunction LOSS = w1 -> {
        INDArray a2 = Transforms.sigmoid(Transforms.sigmoid(X.mmul(w1).addRowVector(B1), true).mmul(W2).addRowVector(B2), true);
        INDArray d = a2.sub(Y);
        return d.mul(d).sumNumber().doubleValue() / (2.0 * X.rows());
    };

    /** dW1 (2×3) = Xᵀ · [(dZ2 · W2ᵀ) ⊙ A1 ⊙ (1 − A1)], dZ2 = (A2 − Y) ⊙ A2 ⊙ (1 − A2) / m. */
    static INDArray gradient(INDArray w1) {
        INDArray a1 = Transforms.sigmoid(X.mmul(w1).addRowVector(B1), true);
        INDArray a2 = Transforms.sigmoid(a1.mmul(W2).addRowVector(B2), true);
        INDArray dZ2 = a2.sub(Y).mul(a2.mul(a2.rsub(1.0))).div(X.rows());
        INDArray dZ1 = dZ2.mmul(W2.transpose()).mul(a1.mul(a1.rsub(1.0)));
        return X.transpose().mmul(dZ1);
    }
}
