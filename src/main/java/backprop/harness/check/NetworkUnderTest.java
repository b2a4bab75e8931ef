package backprop.harness.check;

import backprop.harness.cases.NetworkCase;
import backprop.harness.api.Tensors;

/**
 * What the harness needs from a learner's network: the loss of a case, and the gradient of
 * that loss with respect to every parameter, named as the parameters are (W1, b1, W2, ...).
 * An exercise's test adapts the learner's classes to this in a few lines.
 */
public interface NetworkUnderTest {
    /** The loss J for the case's parameters, X and Y (forward pass only). */
    double loss(NetworkCase c);

    /** ∂J/∂W1, ∂J/∂b1, ...: one array per parameter, each of the parameter's shape. */
    Tensors gradients(NetworkCase c);

    /**
     * A network from two functions, e.g.
     * {@code NetworkUnderTest.of(c -> Net.loss(c.x(), c.y(), c.params()), c -> Net.gradients(c.x(), c.y(), c.params()))}.
     */
    static NetworkUnderTest of(java.util.function.ToDoubleFunction<NetworkCase> loss,
                               java.util.function.Function<NetworkCase, Tensors> gradients) {
        return new NetworkUnderTest() {
            @Override
            public double loss(NetworkCase c) {
                return loss.applyAsDouble(c);
            }

            @Override
            public Tensors gradients(NetworkCase c) {
                return gradients.apply(c);
            }
        };
    }
}
