package kata.coursenotation;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

import backprop.harness.api.Loss;

/**
 * The question's network in the course's notation: a column of ones in front of each layer's
 * input, a bias row on top of each weight matrix. Layers are numbered as in the course: a1 is the
 * input, a2 the hidden layer, a3 the output. Shapes for a batch of m samples, n0 inputs, n1
 * hidden units, n2 outputs (the question: weights1 3×5, weights2 6×1). No method changes its
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
        return Nd4j.hstack(Nd4j.ones(A.dataType(), A.rows(), 1), A);
    }

    /** a1 = [1, X];  z2 (m×n1) = a1 (m×(n0+1)) · weights1 ((n0+1)×n1);  a2 = [1, σ(z2)];  z3 (m×n2) = a2 (m×(n1+1)) · weights2;  a3 = σ(z3). */
    public static Cache forward(INDArray X, Weights w) {
        INDArray a1 = addBiasColumn(X);
        INDArray z2 = a1.mmul(w.weights1());
        INDArray a2 = addBiasColumn(Transforms.sigmoid(z2, true));
        INDArray z3 = a2.mmul(w.weights2());
        INDArray a3 = Transforms.sigmoid(z3, true);
        return new Cache(a1, z2, a2, z3, a3);
    }

    /** J (scalar) from a3 (m×n2) and Y (m×n2), averaged over the m samples. */
    public static double loss(Cache c, INDArray Y, Loss loss) {
        int m = Y.rows();
        if (loss == Loss.MSE) {
            INDArray d = c.a3().sub(Y);
            return 0.5 * d.mul(d).sumNumber().doubleValue() / m;
        }
        // −[y log σ(z) + (1−y) log(1−σ(z))] = y·softplus(−z) + (1−y)·softplus(z), exact for any z.
        INDArray z = c.z3();
        INDArray perSample = Y.mul(softplus(z.neg())).add(Y.rsub(1.0).mul(softplus(z)));
        return perSample.sumNumber().doubleValue() / m;
    }

    /** delta3 (m×n2) = (a3 − Y) ⊙ σ'(z3), or a3 − Y for cross-entropy;  delta2 (m×n1) = (delta3 · weights2ᵀ ⊙ σ'(a2))[:, 1:]. */
    public static Deltas deltas(Cache c, INDArray Y, Weights w, Loss loss) {
        INDArray error = c.a3().sub(Y);
        INDArray delta3 = loss == Loss.MSE ? error.mul(sigmoidPrimeFromA(c.a3())) : error;
        // m×(n1+1): one column per unit of a2, the bias unit first. Nothing feeds the bias unit, so its column goes.
        INDArray withBiasUnit = delta3.mmul(w.weights2().transpose()).mul(sigmoidPrimeFromA(c.a2()));
        INDArray delta2 = withBiasUnit.get(NDArrayIndex.all(), NDArrayIndex.interval(1, withBiasUnit.columns())).dup();
        return new Deltas(delta3, delta2);
    }

    /** wGrad1 ((n0+1)×n1) = a1ᵀ ((n0+1)×m) · delta2 (m×n1) / m;  wGrad2 ((n1+1)×n2) = a2ᵀ ((n1+1)×m) · delta3 (m×n2) / m. */
    public static Gradients backward(Cache c, INDArray Y, Weights w, Loss loss) {
        int m = Y.rows();
        Deltas d = deltas(c, Y, w, loss);
        // a2 keeps its column of ones: it is what multiplies the bias row, so row 0 of wGrad2 is the bias gradient.
        INDArray wGrad1 = c.a1().transpose().mmul(d.delta2()).div(m);
        INDArray wGrad2 = c.a2().transpose().mmul(d.delta3()).div(m);
        return new Gradients(wGrad1, wGrad2);
    }

    /** σ'(z) written from a = σ(z): a ⊙ (1 − a), the question's sigmoid(a, derv=True). */
    private static INDArray sigmoidPrimeFromA(INDArray a) {
        return a.mul(a.rsub(1.0));
    }

    /** log(1 + e^x) without overflow: max(x, 0) + log(1 + e^−|x|). */
    private static INDArray softplus(INDArray x) {
        INDArray pos = Transforms.max(x, 0.0, true);
        INDArray tail = Transforms.log(Transforms.exp(Transforms.abs(x, true).neg(), false).add(1.0), false);
        return pos.add(tail);
    }
}
