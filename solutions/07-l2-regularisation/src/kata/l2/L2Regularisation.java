package kata.l2;

import org.nd4j.linalg.api.ndarray.INDArray;

import backprop.harness.api.Loss;
import kata.twolayer.TwoLayerNetwork;
import kata.twolayer.TwoLayerNetwork.Gradients;
import kata.twolayer.TwoLayerNetwork.Params;

/**
 * Exercise 04's network with L2 regularisation of strength λ (the question's reg_param), in
 * the course's convention: J gains (λ/2m) Σ W² over both weight matrices, the biases are left
 * out, and m is the batch size of the data loss's 1/m. No method changes its arguments.
 */
public final class L2Regularisation {

    private L2Regularisation() {
    }

    /** (λ/2m) · (Σ W1² + Σ W2²) (scalar), every element of W1 (n0×n1) and W2 (n1×n2); b1 and b2 are left out. */
    public static double penalty(Params p, double lambda, int m) {
        return lambda / (2.0 * m) * (sumOfSquares(p.W1()) + sumOfSquares(p.W2()));
    }

    /** dW1 + (λ/m)·W1 (n0×n1), db1 (1×n1) as given, dW2 + (λ/m)·W2 (n1×n2), db2 (1×n2) as given: the penalty's gradient added to the data's. */
    public static Gradients addPenaltyGradient(Gradients data, Params p, double lambda, int m) {
        double k = lambda / m;
        return new Gradients(data.dW1().add(p.W1().mul(k)), data.db1(), data.dW2().add(p.W2().mul(k)), data.db2());
    }

    /** J (scalar) = exercise 04's loss of X (m×n0) and Y (m×n2), averaged over m, + penalty(p, λ, m). */
    public static double loss(INDArray X, INDArray Y, Params p, Loss loss, double lambda) {
        return TwoLayerNetwork.loss(TwoLayerNetwork.forward(X, p), Y, loss) + penalty(p, lambda, X.rows());
    }

    /** ∂J/∂W1 (n0×n1), ∂J/∂b1 (1×n1), ∂J/∂W2 (n1×n2), ∂J/∂b2 (1×n2): exercise 04's backward, then addPenaltyGradient. */
    public static Gradients gradients(INDArray X, INDArray Y, Params p, Loss loss, double lambda) {
        Gradients data = TwoLayerNetwork.backward(TwoLayerNetwork.forward(X, p), Y, p, loss);
        return addPenaltyGradient(data, p, lambda, X.rows());
    }

    private static double sumOfSquares(INDArray a) {
        return a.mul(a).sumNumber().doubleValue();
    }
}
