package kata.sigmoid;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j; // Nd4j.create(values, shape, 'c') builds an array from a double[]
import org.nd4j.linalg.ops.transforms.Transforms; // Transforms.exp(Z, true), Transforms.sigmoid(Z, true): new arrays

/**
 * The sigmoid σ(z) = 1 / (1 + e^−z) and its slope σ'(z), for one number or element by element
 * over an array (Z and A are m×n: one row per sample, one column per unit). Finite for any z,
 * including z = ±1000. No method may change its argument.
 */
public final class Sigmoid {

    private Sigmoid() {
    }

    /** a = σ(z), a number in [0, 1]. */
    public static double of(double z) {
        throw new UnsupportedOperationException("not implemented yet: Sigmoid.of(double) — σ(z) = 1 / (1 + e^−z),"
                + " finite for z = ±1000 (see exercises/01-sigmoid/README.md)");
    }

    /** σ'(z) = σ(z)·(1 − σ(z)), written from z (the answers' sigmoid_prime(z)). */
    public static double prime(double z) {
        throw new UnsupportedOperationException("not implemented yet: Sigmoid.prime(double) — the slope σ'(z) = σ(z)·(1 − σ(z)),"
                + " given z");
    }

    /** σ'(z) written from a = σ(z): a·(1 − a) (the question's sigmoid(a, derv=True)). */
    public static double primeFromA(double a) {
        throw new UnsupportedOperationException("not implemented yet: Sigmoid.primeFromA(double) — the same slope a·(1 − a),"
                + " given the activation a = σ(z), not z");
    }

    /** A (m×n) = σ(Z) (m×n), element by element. */
    public static INDArray of(INDArray Z) {
        throw new UnsupportedOperationException("not implemented yet: Sigmoid.of(INDArray) — σ of every element of Z,"
                + " as a new array of Z's shape");
    }

    /** σ'(Z) (m×n) from Z (m×n), element by element. */
    public static INDArray prime(INDArray Z) {
        throw new UnsupportedOperationException("not implemented yet: Sigmoid.prime(INDArray) — σ'(z) of every element of Z,"
                + " as a new array of Z's shape");
    }

    /** σ'(Z) (m×n) = A ⊙ (1 − A) from A = σ(Z) (m×n), element by element. */
    public static INDArray primeFromA(INDArray A) {
        throw new UnsupportedOperationException("not implemented yet: Sigmoid.primeFromA(INDArray) — A ⊙ (1 − A),"
                + " as a new array of A's shape");
    }
}
