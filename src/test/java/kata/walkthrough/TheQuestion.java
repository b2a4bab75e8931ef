package kata.walkthrough;

import kata.support.Xor;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import backprop.harness.api.NetSpec;
import backprop.harness.cases.NetworkCase;
import backprop.harness.api.Tensors;
import backprop.harness.core.Nd4jSetup;

/**
 * The question's XOR batch, 2 inputs, 5 hidden units, 1 output, with round starting weights
 * (the same as exercise 04's tests) so that a reader can redo the arithmetic. Every call
 * returns new arrays, so a test may hand them to code that might change them.
 */
public final class TheQuestion {
    private TheQuestion() {
    }

    /** X (4×2): the question's rows (1, x1, x2) without their leading 1. */
    public static INDArray x() {
        return matrix(Xor.rows());
    }

    /** Y (4×1): XOR of each row, the y_train the question lost. */
    public static INDArray y() {
        return matrix(Xor.targets());
    }

    /** W1 (2×5). */
    public static INDArray w1() {
        return matrix(new double[][] {{0.5, -0.3, 0.8, -0.6, 0.2}, {-0.4, 0.7, 0.1, 0.9, -0.5}});
    }

    /** b1 (1×5). */
    public static INDArray b1() {
        return matrix(new double[][] {{0.1, -0.2, 0.05, 0.3, -0.1}});
    }

    /** W2 (5×1). */
    public static INDArray w2() {
        return matrix(new double[][] {{0.6}, {-0.7}, {0.4}, {0.9}, {-0.3}});
    }

    /** b2 (1×1). */
    public static INDArray b2() {
        return matrix(new double[][] {{0.2}});
    }

    /** The whole batch as a harness case: 2-5-1, sigmoid throughout, squared error. */
    public static NetworkCase xorCase() {
        Tensors p = Tensors.of("W1", w1(), "b1", b1(), "W2", w2(), "b2", b2());
        return new NetworkCase(NetSpec.of(2, 5, 1), p, x(), y(), "the question's XOR batch, 2-5-1");
    }

    private static INDArray matrix(double[][] rows) {
        Nd4jSetup.ensure();
        return Nd4j.createFromArray(rows);
    }
}
