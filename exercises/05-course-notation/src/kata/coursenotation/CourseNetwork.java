package kata.coursenotation;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;               // Nd4j.hstack(a, b) puts b to the right of a; Nd4j.ones(DataType.DOUBLE, m, 1)
import org.nd4j.linalg.indexing.NDArrayIndex;      // a.get(NDArrayIndex.all(), NDArrayIndex.interval(1, n)) is a[:, 1:n]
import org.nd4j.linalg.ops.transforms.Transforms;  // Transforms.sigmoid(z, true) gives σ(z) as a new array

import backprop.harness.api.Loss;

/**
 * The question's network in the course's notation: a column of ones in front of each layer's
 * input, a bias row on top of each weight matrix. Layers are numbered as in the course: a1 is the
 * input, a2 the hidden layer, a3 the output. Shapes for a batch of m samples, n0 inputs, n1
 * hidden units, n2 outputs (the question: weights1 3×5, weights2 6×1). No method may change its
 * arguments.
 */
public final class CourseNetwork {

    /** weights1 ((n0+1)×n1): row 0 is the bias b1, rows 1… are W1;  weights2 ((n1+1)×n2): row 0 is b2, rows 1… are W2. */
    public record Weights(INDArray weights1, INDArray weights2) { }

    /** What forward keeps for backward: a1 (m×(n0+1)) = [1, X], z2 (m×n1), a2 (m×(n1+1)) = [1, σ(z2)], z3 and a3 (m×n2). */
    public record Cache(INDArray a1, INDArray z2, INDArray a2, INDArray z3, INDArray a3) { }

    /** The course's δ, one row per sample and no 1/m: delta3 (m×n2) = ∂J_i/∂z3, delta2 (m×n1) = ∂J_i/∂z2. */
    public record Deltas(INDArray delta3, INDArray delta2) { }

    /** ∂J/∂weights1 ((n0+1)×n1) and ∂J/∂weights2 ((n1+1)×n2): the question's w_grad1 and w_grad2; row 0 of each is the bias gradient. */
    public record Gradients(INDArray wGrad1, INDArray wGrad2) { }

    private CourseNetwork() {
    }

    /** [1, A] (m×(n+1)) from A (m×n): the question's np.insert(A, 0, 1, axis=1). */
    public static INDArray addBiasColumn(INDArray A) {
        throw new UnsupportedOperationException("not implemented yet: CourseNetwork.addBiasColumn — return A with a column"
                + " of ones in front, m×n → m×(n+1), as np.insert(A, 0, 1, axis=1) does");
    }

    /** a1 = [1, X];  z2 (m×n1) = a1 (m×(n0+1)) · weights1 ((n0+1)×n1);  a2 = [1, σ(z2)];  z3 (m×n2) = a2 (m×(n1+1)) · weights2;  a3 = σ(z3). */
    public static Cache forward(INDArray X, Weights w) {
        throw new UnsupportedOperationException("not implemented yet: CourseNetwork.forward — compute a1 = [1, X], z2,"
                + " a2 = [1, σ(z2)], z3, a3 (see exercises/05-course-notation/README.md)");
    }

    /** J (scalar) from a3 (m×n2) and Y (m×n2), averaged over the m samples. */
    public static double loss(Cache c, INDArray Y, Loss loss) {
        throw new UnsupportedOperationException("not implemented yet: CourseNetwork.loss — the mean squared error"
                + " 1/(2m) Σ (a3 − Y)² and the binary cross-entropy, both averaged over m");
    }

    /** delta3 (m×n2) = (a3 − Y) ⊙ σ'(z3), or a3 − Y for cross-entropy;  delta2 (m×n1) = (delta3 · weights2ᵀ ⊙ σ'(a2))[:, 1:]. */
    public static Deltas deltas(Cache c, INDArray Y, Weights w, Loss loss) {
        throw new UnsupportedOperationException("not implemented yet: CourseNetwork.deltas — delta3 at the output, then"
                + " delta2 through weights2, without the bias unit's column (the question's delta2[:, 1:])");
    }

    /** wGrad1 ((n0+1)×n1) = a1ᵀ ((n0+1)×m) · delta2 (m×n1) / m;  wGrad2 ((n1+1)×n2) = a2ᵀ ((n1+1)×m) · delta3 (m×n2) / m. */
    public static Gradients backward(Cache c, INDArray Y, Weights w, Loss loss) {
        throw new UnsupportedOperationException("not implemented yet: CourseNetwork.backward — wGrad1 = a1ᵀ·delta2 / m and"
                + " wGrad2 = a2ᵀ·delta3 / m, with a2's column of ones left in place");
    }
}
