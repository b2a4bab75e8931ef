package kata.softmax;

import java.util.ArrayList;
import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;

import backprop.harness.api.Activation;
import backprop.harness.api.Loss;
import backprop.harness.api.NetSpec;
import backprop.harness.api.Tensors;
import kata.deep.DeepNetwork;

/**
 * A classifier for k = nL classes: exercise 09's deep network with an identity output, whose
 * A(L) is then the logits Z(L) (m×k), and a softmax with cross-entropy on top. Parameters and
 * gradients are named "W1", "b1", ... as in exercise 09. No method may change its arguments.
 */
public final class SoftmaxNetwork {

    /** What forward keeps for backward: the body's cache (its A(L) is the logits Z(L), m×k) and P = softmax(Z(L)) (m×k). */
    public record Cache(DeepNetwork.Cache body, INDArray P) {
        /** Z(L) (m×k), the logits. */
        public INDArray logits() {
            return body.A(body.L());
        }
    }

    private final DeepNetwork body;

    /** A classifier of the spec's shape; the spec's output must be softmax with softmax cross-entropy. */
    public SoftmaxNetwork(NetSpec spec) {
        if (spec.loss() != Loss.SOFTMAX_CE) {
            throw new IllegalArgumentException("SoftmaxNetwork needs a softmax output with softmax cross-entropy, got "
                    + spec.describe());
        }
        List<Activation> acts = new ArrayList<>(spec.activations());
        acts.set(acts.size() - 1, Activation.IDENTITY);
        // The body's loss is never used: the loss and the output delta are this class's.
        this.body = new DeepNetwork(new NetSpec(spec.sizes(), acts, spec.bias(), Loss.MSE, spec.lambda()));
    }

    /** Z(L) (m×k) = the body's forward pass of X (m×n0) with an identity output;  P (m×k) = softmax(Z(L)). */
    public Cache forward(INDArray X, Tensors params) {
        throw new UnsupportedOperationException("not implemented yet: SoftmaxNetwork.forward — body.forward(X, params),"
                + " then P = Softmax.softmax of its last A, which is Z(L)");
    }

    /** J (scalar) = −1/m Σ Y ⊙ log softmax(Z(L)), from the logits Z(L) (m×k) and Y (m×k). */
    public double loss(Cache c, INDArray Y) {
        throw new UnsupportedOperationException("not implemented yet: SoftmaxNetwork.loss — Softmax.loss of the logits");
    }

    /** dZ(L) (m×k) = (P − Y)/m, then the body's loop down to dW1: gradients named "W1", "b1", ... */
    public Tensors backward(Cache c, INDArray Y, Tensors params) {
        throw new UnsupportedOperationException("not implemented yet: SoftmaxNetwork.backward — the output delta"
                + " (P − Y)/m, handed to body.backward");
    }

    /** The class of each of the m samples of X (m×n0): the column of the largest logit in its row of Z(L) (m×k). */
    public int[] predict(INDArray X, Tensors params) {
        throw new UnsupportedOperationException("not implemented yet: SoftmaxNetwork.predict — for each row of the"
                + " logits, the index of its largest entry");
    }

    /** Full-batch gradient descent on X (m×n0), Y (m×k): epochs times θ ← θ − rate · dθ; returns new parameters. */
    public Tensors train(INDArray X, INDArray Y, Tensors initial, double rate, int epochs) {
        throw new UnsupportedOperationException("not implemented yet: SoftmaxNetwork.train — repeat forward, backward"
                + " and θ − rate · dθ for every parameter, epochs times, without changing initial");
    }
}
