package kata.batches;

import java.util.ArrayList;
import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;

import backprop.harness.api.Loss;
import kata.twolayer.TwoLayerNetwork;
import kata.twolayer.TwoLayerNetwork.Gradients;
import kata.twolayer.TwoLayerNetwork.Params;

/**
 * Exercise 04's network seen one sample at a time: J is the mean of the per-sample losses J_i,
 * so its gradient is the mean of their gradients, and a "batch" of one sample is exactly what
 * stochastic gradient descent steps along. Shapes: X (m×n0), Y (m×n2), one sample per row;
 * parameters and gradients as in exercise 04. No method changes its arguments.
 */
public final class Batches {

    private Batches() {
    }

    /** J (scalar) = (1/m) Σ_i J_i over the m rows of X (m×n0) and Y (m×n2): the mean of the per-sample losses. */
    public static double loss(INDArray X, INDArray Y, Params p, Loss loss) {
        int m = X.rows();
        double sum = 0;
        for (int i = 0; i < m; i++) {
            sum += TwoLayerNetwork.loss(TwoLayerNetwork.forward(X.getRow(i, true), p), Y.getRow(i, true), loss);
        }
        return sum / m;
    }

    /** ∂J_i/∂θ for one sample x (1×n0), y (1×n2): exercise 04's gradients with m = 1, the step of SGD, no 1/m to add or remove. */
    public static Gradients ofSample(INDArray x, INDArray y, Params p, Loss loss) {
        return TwoLayerNetwork.backward(TwoLayerNetwork.forward(x, p), y, p, loss);
    }

    /** (1/k) Σ g over k ≥ 1 gradients of equal shapes, element by element, into new arrays. */
    public static Gradients mean(List<Gradients> gradients) {
        if (gradients.isEmpty()) {
            throw new IllegalArgumentException("Batches.mean: the mean of no gradients is undefined; give at least one");
        }
        Gradients first = gradients.get(0);
        // Fresh sums on every call: the question's w_grad1 = 0 set once, outside every loop, is the bug this avoids.
        INDArray dW1 = first.dW1().dup();
        INDArray db1 = first.db1().dup();
        INDArray dW2 = first.dW2().dup();
        INDArray db2 = first.db2().dup();
        for (Gradients g : gradients.subList(1, gradients.size())) {
            dW1.addi(g.dW1());
            db1.addi(g.db1());
            dW2.addi(g.dW2());
            db2.addi(g.db2());
        }
        int k = gradients.size();
        return new Gradients(dW1.divi(k), db1.divi(k), dW2.divi(k), db2.divi(k));
    }

    /** ∂J/∂θ for the batch X (m×n0), Y (m×n2): the mean of ofSample over its m rows, the question's inner loop done right. */
    public static Gradients ofBatch(INDArray X, INDArray Y, Params p, Loss loss) {
        List<Gradients> perSample = new ArrayList<>();
        for (int i = 0; i < X.rows(); i++) {
            perSample.add(ofSample(X.getRow(i, true), Y.getRow(i, true), p, loss));
        }
        return mean(perSample);
    }
}
