package kata.support;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The question's data: its four rows (bias, x1, x2) = (1,0,1), (1,1,0), (1,1,1), (1,0,0) without
 * the bias column, and their XOR targets 1, 1, 0, 0. Each call returns new arrays, so no test can
 * spoil another's.
 */
public final class Xor {
    private Xor() {
    }

    /** X, 4×2: one sample per row. */
    public static INDArray x() {
        return Nd4j.createFromArray(new double[][] {{0, 1}, {1, 0}, {1, 1}, {0, 0}});
    }

    /** Y, 4×1: x1 XOR x2. */
    public static INDArray y() {
        return Nd4j.createFromArray(new double[][] {{1}, {1}, {0}, {0}});
    }

    /** X, 4×2, as plain numbers (for the walkthrough's hand-written arithmetic). */
    public static double[][] rows() {
        return new double[][] {{0, 1}, {1, 0}, {1, 1}, {0, 0}};
    }

    /** Y, 4×1, as plain numbers. */
    public static double[][] targets() {
        return new double[][] {{1}, {1}, {0}, {0}};
    }
}
