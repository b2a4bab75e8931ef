package kata.losses;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms; // Transforms.log(A, true) gives log A as a new array

import backprop.harness.api.Shapes; // Shapes.of(A) writes A's shape as "4×1"

/**
 * The two losses of a sigmoid output, as functions of the prediction A (m×k) and the targets
 * Y (m×k), each averaged over the m samples, with their gradients dA = ∂J/∂A. No method may
 * change its arguments; each must reject A and Y of different shapes.
 */
public final class Losses {

    private Losses() {
    }

    /** J (scalar) = 1/(2m) Σ (A − Y)², from A (m×k) and Y (m×k). */
    public static double squaredError(INDArray A, INDArray Y) {
        throw new UnsupportedOperationException("not implemented yet: Losses.squaredError — J = 1/(2m) Σ (A − Y)²,"
                + " averaged over the m rows (see exercises/02-losses-and-output-delta/README.md)");
    }

    /** dA (m×k) = (A − Y) / m: the ½ in J cancels the 2 of the square. */
    public static INDArray squaredErrorGradient(INDArray A, INDArray Y) {
        throw new UnsupportedOperationException("not implemented yet: Losses.squaredErrorGradient — dA = ∂J/∂A of the"
                + " squared error, an m×k array");
    }

    /** J (scalar) = −1/m Σ [Y ⊙ log A + (1 − Y) ⊙ log(1 − A)], from A (m×k) in (0, 1) and Y (m×k). */
    public static double crossEntropy(INDArray A, INDArray Y) {
        throw new UnsupportedOperationException("not implemented yet: Losses.crossEntropy — J = −1/m Σ [Y log A"
                + " + (1 − Y) log(1 − A)]");
    }

    /** dA (m×k) = (−Y / A + (1 − Y) / (1 − A)) / m = (A − Y) / (A ⊙ (1 − A)) / m. */
    public static INDArray crossEntropyGradient(INDArray A, INDArray Y) {
        throw new UnsupportedOperationException("not implemented yet: Losses.crossEntropyGradient — dA = ∂J/∂A of the"
                + " cross-entropy, an m×k array");
    }
}
