package kata.sigmoid;

import java.util.function.DoubleUnaryOperator;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The sigmoid σ(z) = 1 / (1 + e^−z) and its slope σ'(z), for one number or element by element
 * over an array (Z and A are m×n: one row per sample, one column per unit). Finite for any z,
 * including z = ±1000. No method changes its argument.
 */
public final class Sigmoid {

    private Sigmoid() {
    }

    /** a = σ(z), a number in [0, 1]. */
    public static double of(double z) {
        if (z >= 0) {
            return 1 / (1 + Math.exp(-z));
        }
        // For z < 0, e^−z overflows at z ≤ −710; e^z cannot, and e^z / (1 + e^z) is the same number.
        double e = Math.exp(z);
        return e / (1 + e);
    }

    /** σ'(z) = σ(z)·(1 − σ(z)), written from z (the answers' sigmoid_prime(z)). */
    public static double prime(double z) {
        // 1 − σ(z) = σ(−z): the product keeps full precision in both tails.
        return of(z) * of(-z);
    }

    /** σ'(z) written from a = σ(z): a·(1 − a) (the question's sigmoid(a, derv=True)). */
    public static double primeFromA(double a) {
        return a * (1 - a);
    }

    /** A (m×n) = σ(Z) (m×n), element by element. */
    public static INDArray of(INDArray Z) {
        return map(Z, Sigmoid::of);
    }

    /** σ'(Z) (m×n) from Z (m×n), element by element. */
    public static INDArray prime(INDArray Z) {
        return map(Z, Sigmoid::prime);
    }

    /** σ'(Z) (m×n) = A ⊙ (1 − A) from A = σ(Z) (m×n), element by element. */
    public static INDArray primeFromA(INDArray A) {
        return A.mul(A.rsub(1.0));
    }

    /** A new array of the same shape with f applied to each element. */
    private static INDArray map(INDArray in, DoubleUnaryOperator f) {
        double[] v = in.dup('c').data().asDouble();
        for (int i = 0; i < v.length; i++) {
            v[i] = f.applyAsDouble(v[i]);
        }
        return Nd4j.create(v, in.shape(), 'c');
    }
}
