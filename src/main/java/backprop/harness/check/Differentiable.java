package backprop.harness.check;

import backprop.harness.api.Tensors;

/**
 * A scalar function of named arrays with its gradient: the general form of everything the
 * kata checks below a whole network (an activation, a loss, one dense layer). To check a
 * function with array output F(x) and a backward pass, wrap it as value = Σ G ⊙ F(x) for a
 * fixed random G, whose gradient is backward(G).
 */
public interface Differentiable {
    double value(Tensors at);

    /** One array per name in {@code at}, each of that array's shape. */
    Tensors gradient(Tensors at);
}
