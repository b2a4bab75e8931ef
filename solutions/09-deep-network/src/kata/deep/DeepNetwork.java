package kata.deep;

import java.util.ArrayList;
import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

import backprop.harness.api.Activation;
import backprop.harness.api.Loss;
import backprop.harness.api.NetSpec;
import backprop.harness.api.Tensors;

/**
 * A fully connected network of any depth L, described by a {@link NetSpec}: layer l = 1..L has
 * weights Wl (n(l−1)×nl), a bias bl (1×nl) if the spec turns it on, and the spec's activation.
 * Parameters and gradients are named "W1", "b1", "W2", ... No method changes its arguments.
 */
public final class DeepNetwork {

    /** What forward keeps for backward: A(0) = X, A(1) … A(L) and Z(1) … Z(L), each m×nl. */
    public record Cache(List<INDArray> activations, List<INDArray> preActivations) {
        /** A(l) (m×nl) for l = 0..L; A(0) is X. */
        public INDArray A(int l) {
            return activations.get(l);
        }

        /** Z(l) (m×nl) for l = 1..L. */
        public INDArray Z(int l) {
            return preActivations.get(l - 1);
        }

        /** The number of layers with weights. */
        public int L() {
            return preActivations.size();
        }
    }

    private final NetSpec spec;

    /** A network of the spec's shape; it holds no parameters, they come with each call. */
    public DeepNetwork(NetSpec spec) {
        if (spec.lambda() != 0) {
            throw new IllegalArgumentException("DeepNetwork has no L2 term (exercise 07 is where it lives), got lambda = "
                    + spec.lambda());
        }
        if (spec.output() == Activation.SOFTMAX) {
            throw new IllegalArgumentException("DeepNetwork has no softmax output; exercise 10 puts one on top of it");
        }
        this.spec = spec;
    }

    public NetSpec spec() {
        return spec;
    }

    /** For l = 1..L: Z(l) (m×nl) = A(l−1) (m×n(l−1)) · Wl (n(l−1)×nl) + bl (1×nl, if on);  A(l) = fl(Z(l)). */
    public Cache forward(INDArray X, Tensors params) {
        List<INDArray> A = new ArrayList<>(List.of(X));
        List<INDArray> Z = new ArrayList<>();
        for (int l = 1; l <= spec.layers(); l++) {
            INDArray z = A.get(l - 1).mmul(params.get("W" + l));
            if (spec.hasBias(l)) {
                z = z.addRowVector(params.get("b" + l));
            }
            Z.add(z);
            A.add(Activations.apply(spec.activation(l), z));
        }
        return new Cache(A, Z);
    }

    /** J (scalar) from A(L) (m×nL) and Y (m×nL), averaged over m: squared error, or cross-entropy after a sigmoid. */
    public double loss(Cache c, INDArray Y) {
        double m = Y.rows();
        if (spec.loss() == Loss.MSE) {
            INDArray d = c.A(c.L()).sub(Y);
            return 0.5 * d.mul(d).sumNumber().doubleValue() / m;
        }
        // −[y log σ(z) + (1−y) log(1−σ(z))] = y·softplus(−z) + (1−y)·softplus(z), exact for any z.
        INDArray z = c.Z(c.L());
        return Y.mul(softplus(z.neg())).add(Y.rsub(1.0).mul(softplus(z))).sumNumber().doubleValue() / m;
    }

    /** dZ(L) (m×nL) = (A(L) − Y)/m ⊙ fL'(Z(L)) for squared error;  (A(L) − Y)/m for sigmoid with cross-entropy. */
    public INDArray outputDelta(Cache c, INDArray Y) {
        int L = c.L();
        INDArray dA = c.A(L).sub(Y).div(Y.rows());
        if (spec.loss() == Loss.BCE) {
            return dA;
        }
        return dA.mul(Activations.derivative(spec.output(), c.Z(L), c.A(L)));
    }

    /** For l = L..1: dWl = A(l−1)ᵀ·dZ(l) (n(l−1)×nl), dbl (1×nl), dZ(l−1) = (dZ(l)·Wlᵀ) ⊙ f(l−1)'(Z(l−1)) (m×n(l−1)). */
    public Tensors backward(Cache c, INDArray dZL, Tensors params) {
        int L = c.L();
        INDArray[] dW = new INDArray[L + 1];
        INDArray[] db = new INDArray[L + 1];
        INDArray dZ = dZL;
        for (int l = L; l >= 1; l--) {
            dW[l] = c.A(l - 1).transpose().mmul(dZ);
            db[l] = dZ.sum(true, 0);
            if (l > 1) {
                INDArray dA = dZ.mmul(params.get("W" + l).transpose());
                dZ = dA.mul(Activations.derivative(spec.activation(l - 1), c.Z(l - 1), c.A(l - 1)));
            }
        }
        Tensors g = Tensors.empty();
        for (int l = 1; l <= L; l++) {
            g.put("W" + l, dW[l]);
            if (spec.hasBias(l)) {
                g.put("b" + l, db[l]);
            }
        }
        return g;
    }

    /** log(1 + e^x) without overflow: max(x, 0) + log(1 + e^−|x|). */
    private static INDArray softplus(INDArray x) {
        INDArray pos = Transforms.max(x, 0.0, true);
        INDArray tail = Transforms.log(Transforms.exp(Transforms.abs(x, true).neg(), false).add(1.0), false);
        return pos.add(tail);
    }
}
