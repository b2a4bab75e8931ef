package kata.deep;

import java.util.ArrayList; // forward builds its lists of A and Z layer by layer
import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms; // log, exp, abs, max for a cross-entropy that cannot overflow

import backprop.harness.api.Activation;
import backprop.harness.api.Loss;
import backprop.harness.api.NetSpec;
import backprop.harness.api.Tensors;

/**
 * A fully connected network of any depth L, described by a {@link NetSpec}: layer l = 1..L has
 * weights Wl (n(l−1)×nl), a bias bl (1×nl) if the spec turns it on, and the spec's activation.
 * Parameters and gradients are named "W1", "b1", "W2", ... No method may change its arguments.
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
        throw new UnsupportedOperationException("not implemented yet: DeepNetwork.forward — loop over l = 1..L computing"
                + " Z(l) and A(l) with spec.activation(l), adding bl only where spec.hasBias(l)");
    }

    /** J (scalar) from A(L) (m×nL) and Y (m×nL), averaged over m: squared error, or cross-entropy after a sigmoid. */
    public double loss(Cache c, INDArray Y) {
        throw new UnsupportedOperationException("not implemented yet: DeepNetwork.loss — 1/(2m) Σ (A(L) − Y)² for"
                + " spec.loss() == MSE, the binary cross-entropy for BCE");
    }

    /** dZ(L) (m×nL) = (A(L) − Y)/m ⊙ fL'(Z(L)) for squared error;  (A(L) − Y)/m for sigmoid with cross-entropy. */
    public INDArray outputDelta(Cache c, INDArray Y) {
        throw new UnsupportedOperationException("not implemented yet: DeepNetwork.outputDelta — dZ(L), the one place"
                + " where the loss and the output activation matter");
    }

    /** For l = L..1: dWl = A(l−1)ᵀ·dZ(l) (n(l−1)×nl), dbl (1×nl), dZ(l−1) = (dZ(l)·Wlᵀ) ⊙ f(l−1)'(Z(l−1)) (m×n(l−1)). */
    public Tensors backward(Cache c, INDArray dZL, Tensors params) {
        throw new UnsupportedOperationException("not implemented yet: DeepNetwork.backward — one loop from l = L down to 1"
                + " that turns dZ(l) into dWl, dbl and dZ(l−1); return them named \"W1\", \"b1\", ...");
    }
}
