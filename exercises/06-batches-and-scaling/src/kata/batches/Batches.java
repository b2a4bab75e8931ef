package kata.batches;

import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;   // X.getRow(i, true) is row i as a 1×n matrix

import backprop.harness.api.Loss;
import kata.twolayer.TwoLayerNetwork;          // your exercise 04: forward, loss, backward
import kata.twolayer.TwoLayerNetwork.Gradients;
import kata.twolayer.TwoLayerNetwork.Params;

/**
 * Exercise 04's network seen one sample at a time: J is the mean of the per-sample losses J_i,
 * so its gradient is the mean of their gradients, and a "batch" of one sample is exactly what
 * stochastic gradient descent steps along. Shapes: X (m×n0), Y (m×n2), one sample per row;
 * parameters and gradients as in exercise 04. No method may change its arguments.
 */
public final class Batches {

    private Batches() {
    }

    /** J (scalar) = (1/m) Σ_i J_i over the m rows of X (m×n0) and Y (m×n2): the mean of the per-sample losses. */
    public static double loss(INDArray X, INDArray Y, Params p, Loss loss) {
        throw new UnsupportedOperationException("not implemented yet: Batches.loss — the mean over the m rows of the"
                + " loss of each sample alone (see exercises/06-batches-and-scaling/README.md)");
    }

    /** ∂J_i/∂θ for one sample x (1×n0), y (1×n2): exercise 04's gradients with m = 1, the step of SGD, no 1/m to add or remove. */
    public static Gradients ofSample(INDArray x, INDArray y, Params p, Loss loss) {
        throw new UnsupportedOperationException("not implemented yet: Batches.ofSample — the gradients of one sample,"
                + " a batch with m = 1");
    }

    /** (1/k) Σ g over k ≥ 1 gradients of equal shapes, element by element, into new arrays. */
    public static Gradients mean(List<Gradients> gradients) {
        throw new UnsupportedOperationException("not implemented yet: Batches.mean — add the k gradients element by"
                + " element into new arrays and divide by k");
    }

    /** ∂J/∂θ for the batch X (m×n0), Y (m×n2): the mean of ofSample over its m rows, the question's inner loop done right. */
    public static Gradients ofBatch(INDArray X, INDArray Y, Params p, Loss loss) {
        throw new UnsupportedOperationException("not implemented yet: Batches.ofBatch — loop over the m rows, take each"
                + " sample's gradients, and return their mean");
    }
}
