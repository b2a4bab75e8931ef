package kata.twolayer;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

import backprop.harness.api.Loss;

/**
 * The question's network with separate biases: X → sigmoid hidden layer → sigmoid output.
 * Shapes for a batch of m samples, n0 inputs, n1 hidden units, n2 outputs (the question:
 * m = 4, n0 = 2, n1 = 5, n2 = 1). No method changes its arguments.
 */
public final class TwoLayerNetwork {

    /** W1 (n0×n1), b1 (1×n1), W2 (n1×n2), b2 (1×n2). */
    public record Params(INDArray W1, INDArray b1, INDArray W2, INDArray b2) { }

    /** What forward keeps for backward: X (m×n0), Z1 and A1 (m×n1), Z2 and A2 (m×n2). */
    public record Cache(INDArray X, INDArray Z1, INDArray A1, INDArray Z2, INDArray A2) { }

    /** ∂J/∂W1 (n0×n1), ∂J/∂b1 (1×n1), ∂J/∂W2 (n1×n2), ∂J/∂b2 (1×n2). */
    public record Gradients(INDArray dW1, INDArray db1, INDArray dW2, INDArray db2) { }

    private TwoLayerNetwork() {
    }

    /** Z1 (m×n1) = X (m×n0) · W1 (n0×n1) + b1;  A1 = σ(Z1);  Z2 (m×n2) = A1 · W2 (n1×n2) + b2;  A2 = σ(Z2). */
    public static Cache forward(INDArray X, Params p) {
        INDArray Z1 = X.mmul(p.W1()).addRowVector(p.b1());
        INDArray A1 = Transforms.sigmoid(Z1, true);
        INDArray Z2 = A1.mmul(p.W2()).addRowVector(p.b2());
        INDArray A2 = Transforms.sigmoid(Z2, true);
        return new Cache(X, Z1, A1, Z2, A2);
    }

    /** J (scalar) from A2 (m×n2) and Y (m×n2), averaged over the m samples. */
    public static double loss(Cache c, INDArray Y, Loss loss) {
        int m = Y.rows();
        if (loss == Loss.MSE) {
            INDArray d = c.A2().sub(Y);
            return 0.5 * d.mul(d).sumNumber().doubleValue() / m;
        }
        // −[y log σ(z) + (1−y) log(1−σ(z))] = y·softplus(−z) + (1−y)·softplus(z), exact for any z.
        INDArray z = c.Z2();
        INDArray perSample = Y.mul(softplus(z.neg())).add(Y.rsub(1.0).mul(softplus(z)));
        return perSample.sumNumber().doubleValue() / m;
    }

    /** dZ2 (m×n2) → dW2 = A1ᵀ·dZ2 (n1×n2), db2 (1×n2) → dZ1 = (dZ2·W2ᵀ) ⊙ σ'(Z1) (m×n1) → dW1 = Xᵀ·dZ1 (n0×n1), db1 (1×n1). */
    public static Gradients backward(Cache c, INDArray Y, Params p, Loss loss) {
        int m = Y.rows();
        INDArray error = c.A2().sub(Y);
        INDArray dZ2 = (loss == Loss.MSE ? error.mul(sigmoidPrimeFromA(c.A2())) : error).div(m);
        INDArray dW2 = c.A1().transpose().mmul(dZ2);
        INDArray db2 = dZ2.sum(true, 0);
        INDArray dA1 = dZ2.mmul(p.W2().transpose());
        INDArray dZ1 = dA1.mul(sigmoidPrimeFromA(c.A1()));
        INDArray dW1 = c.X().transpose().mmul(dZ1);
        INDArray db1 = dZ1.sum(true, 0);
        return new Gradients(dW1, db1, dW2, db2);
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
