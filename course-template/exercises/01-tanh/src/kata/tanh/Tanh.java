package kata.tanh;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms; // Transforms.tanh(Z, true): a new array

/** tanh and its slope, element by element over Z (m×n). No method may change its argument. */
public final class Tanh {

    private Tanh() {
    }

    /** A (m×n) = tanh(Z) (m×n). */
    public static INDArray of(INDArray Z) {
        throw new UnsupportedOperationException("not implemented yet: Tanh.of(INDArray) — tanh of every element of Z,"
                + " as a new array of Z's shape (see exercises/01-tanh/README.md)");
    }

    /** tanh'(Z) (m×n) = 1 − tanh(Z)², element by element. */
    public static INDArray prime(INDArray Z) {
        throw new UnsupportedOperationException("not implemented yet: Tanh.prime(INDArray) — the slope 1 − tanh(z)²"
                + " of every element of Z, as a new array of Z's shape");
    }
}
