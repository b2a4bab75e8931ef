package kata.losses;

import java.util.Arrays;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

import backprop.harness.api.Shapes;

/**
 * The two losses of a sigmoid output, as functions of the prediction A (m×k) and the targets
 * Y (m×k), each averaged over the m samples, with their gradients dA = ∂J/∂A. No method
 * changes its arguments; each rejects A and Y of different shapes.
 */
public final class Losses {

    private Losses() {
    }

    /** J (scalar) = 1/(2m) Σ (A − Y)², from A (m×k) and Y (m×k). */
    public static double squaredError(INDArray A, INDArray Y) {
        requireSameShape(A, Y);
        INDArray d = A.sub(Y);
        return d.mul(d).sumNumber().doubleValue() / (2.0 * A.rows());
    }

    /** dA (m×k) = (A − Y) / m: the ½ in J cancels the 2 of the square. */
    public static INDArray squaredErrorGradient(INDArray A, INDArray Y) {
        requireSameShape(A, Y);
        return A.sub(Y).div(A.rows());
    }

    /** J (scalar) = −1/m Σ [Y ⊙ log A + (1 − Y) ⊙ log(1 − A)], from A (m×k) in (0, 1) and Y (m×k). */
    public static double crossEntropy(INDArray A, INDArray Y) {
        requireSameShape(A, Y);
        INDArray logA = Transforms.log(A, true);
        INDArray log1mA = Transforms.log(A.rsub(1.0), false);
        INDArray perElement = Y.mul(logA).add(Y.rsub(1.0).mul(log1mA));
        return -perElement.sumNumber().doubleValue() / A.rows();
    }

    /** dA (m×k) = (−Y / A + (1 − Y) / (1 − A)) / m = (A − Y) / (A ⊙ (1 − A)) / m. */
    public static INDArray crossEntropyGradient(INDArray A, INDArray Y) {
        requireSameShape(A, Y);
        return A.sub(Y).div(A.mul(A.rsub(1.0))).div(A.rows());
    }

    /** Both m×k: ND4J would otherwise broadcast a 4×1 A against a 1×4 Y into a silent 4×4. */
    static void requireSameShape(INDArray A, INDArray Y) {
        if (!Arrays.equals(A.shape(), Y.shape())) {
            throw new IllegalArgumentException("A is " + Shapes.of(A) + " but Y is " + Shapes.of(Y)
                    + ": the prediction and the targets must both be m×k, one row per sample");
        }
    }
}
