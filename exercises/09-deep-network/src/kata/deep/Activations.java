package kata.deep;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j; // Nd4j.onesLike(Z): an array of ones of Z's shape
import org.nd4j.linalg.ops.transforms.Transforms; // sigmoid, tanh, relu, leakyRelu; pass dup = true for a new array

import backprop.harness.api.Activation;

/**
 * The element-wise activations of a layer and their derivatives: identity, sigmoid, tanh, ReLU
 * and leaky ReLU (slope {@link Activation#LEAKY_SLOPE} below 0). Both methods must return new
 * arrays and leave their arguments alone.
 */
public final class Activations {

    private Activations() {
    }

    /** A (m×n) = f(Z) (m×n), element by element. */
    public static INDArray apply(Activation f, INDArray Z) {
        throw new UnsupportedOperationException("not implemented yet: Activations.apply — f(Z) element by element for"
                + " identity, sigmoid, tanh, ReLU and leaky ReLU (see exercises/09-deep-network/README.md)");
    }

    /** f'(Z) (m×n), element by element, from Z (m×n) or from A = f(Z) (m×n), whichever is simpler. */
    public static INDArray derivative(Activation f, INDArray Z, INDArray A) {
        throw new UnsupportedOperationException("not implemented yet: Activations.derivative — f'(Z) element by element"
                + " for the same five activations; sigmoid and tanh are easiest written from A");
    }
}
