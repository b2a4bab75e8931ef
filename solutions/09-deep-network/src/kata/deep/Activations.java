package kata.deep;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

import backprop.harness.api.Activation;

/**
 * The element-wise activations of a layer and their derivatives: identity, sigmoid, tanh, ReLU
 * and leaky ReLU (slope {@link Activation#LEAKY_SLOPE} below 0). Both methods return new arrays
 * and leave their arguments alone.
 */
public final class Activations {

    private Activations() {
    }

    /** A (m×n) = f(Z) (m×n), element by element. */
    public static INDArray apply(Activation f, INDArray Z) {
        switch (f) {
            case IDENTITY: return Z.dup();
            case SIGMOID: return Transforms.sigmoid(Z, true);
            case TANH: return Transforms.tanh(Z, true);
            case RELU: return Transforms.relu(Z, true);
            case LEAKY_RELU: return Transforms.leakyRelu(Z, Activation.LEAKY_SLOPE, true);
            default: throw notElementWise(f);
        }
    }

    /** f'(Z) (m×n), element by element, from Z (m×n) or from A = f(Z) (m×n), whichever is simpler. */
    public static INDArray derivative(Activation f, INDArray Z, INDArray A) {
        switch (f) {
            case IDENTITY: return Nd4j.onesLike(Z);
            case SIGMOID: return A.mul(A.rsub(1.0));
            case TANH: return A.mul(A).rsub(1.0);
            case RELU: return positive(Z);
            case LEAKY_RELU: return positive(Z).mul(1 - Activation.LEAKY_SLOPE).add(Activation.LEAKY_SLOPE);
            default: throw notElementWise(f);
        }
    }

    /** 1 where z > 0, else 0 (the kink at z = 0 takes the left-hand slope). */
    private static INDArray positive(INDArray Z) {
        return Z.gt(0.0).castTo(Z.dataType());
    }

    private static IllegalArgumentException notElementWise(Activation f) {
        return new IllegalArgumentException(f.label() + " is not element-wise: each output depends on the whole row"
                + " (exercise 10 handles it)");
    }
}
