package kata.l2;

import org.nd4j.linalg.api.ndarray.INDArray;  // a.mul(a).sumNumber().doubleValue() is Σ a²

import backprop.harness.api.Loss;
import kata.twolayer.TwoLayerNetwork;         // your exercise 04: forward, loss, backward
import kata.twolayer.TwoLayerNetwork.Gradients;
import kata.twolayer.TwoLayerNetwork.Params;

/**
 * Exercise 04's network with L2 regularisation of strength λ (the question's reg_param), in
 * the course's convention: J gains (λ/2m) Σ W² over both weight matrices, the biases are left
 * out, and m is the batch size of the data loss's 1/m. No method may change its arguments.
 */
public final class L2Regularisation {

    private L2Regularisation() {
    }

    /** (λ/2m) · (Σ W1² + Σ W2²) (scalar), every element of W1 (n0×n1) and W2 (n1×n2); b1 and b2 are left out. */
    public static double penalty(Params p, double lambda, int m) {
        throw new UnsupportedOperationException("not implemented yet: L2Regularisation.penalty — λ/(2m) times the sum"
                + " of the squares of every element of W1 and W2, biases left out (see exercises/07-l2-regularisation/README.md)");
    }

    /** dW1 + (λ/m)·W1 (n0×n1), db1 (1×n1) as given, dW2 + (λ/m)·W2 (n1×n2), db2 (1×n2) as given: the penalty's gradient added to the data's. */
    public static Gradients addPenaltyGradient(Gradients data, Params p, double lambda, int m) {
        throw new UnsupportedOperationException("not implemented yet: L2Regularisation.addPenaltyGradient — add (λ/m)·W1"
                + " to dW1 and (λ/m)·W2 to dW2 in new arrays; db1 and db2 stay as they are");
    }

    /** J (scalar) = exercise 04's loss of X (m×n0) and Y (m×n2), averaged over m, + penalty(p, λ, m). */
    public static double loss(INDArray X, INDArray Y, Params p, Loss loss, double lambda) {
        throw new UnsupportedOperationException("not implemented yet: L2Regularisation.loss — exercise 04's loss plus"
                + " penalty(p, λ, m), with m the number of rows of X");
    }

    /** ∂J/∂W1 (n0×n1), ∂J/∂b1 (1×n1), ∂J/∂W2 (n1×n2), ∂J/∂b2 (1×n2): exercise 04's backward, then addPenaltyGradient. */
    public static Gradients gradients(INDArray X, INDArray Y, Params p, Loss loss, double lambda) {
        throw new UnsupportedOperationException("not implemented yet: L2Regularisation.gradients — exercise 04's"
                + " backward, then addPenaltyGradient");
    }
}
