package kata.coursenotation;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import backprop.harness.api.Tensors;

/**
 * Converts between the two notations, independently of the learner's code: a course weight
 * matrix is its layer's bias row on top of its W, [b; W].
 */
public final class BiasRows {
    private BiasRows() {
    }

    /** [b; W] ((n+1)×k) from W (n×k) and b (1×k). */
    public static INDArray fold(INDArray W, INDArray b) {
        return Nd4j.vstack(b, W);
    }

    /** Row 0 of [b; W]: the bias part (1×k). */
    public static INDArray biasRow(INDArray folded) {
        return folded.get(NDArrayIndex.interval(0, 1), NDArrayIndex.all()).dup();
    }

    /** Rows 1… of [b; W]: the weight part (n×k). */
    public static INDArray weightRows(INDArray folded) {
        return folded.get(NDArrayIndex.interval(1, folded.rows()), NDArrayIndex.all()).dup();
    }

    /** weights1 = [b1; W1], weights2 = [b2; W2] from a case's parameters. */
    public static CourseNetwork.Weights weights(Tensors params) {
        return new CourseNetwork.Weights(fold(params.get("W1"), params.get("b1")), fold(params.get("W2"), params.get("b2")));
    }

    /** W1, b1, W2, b2 gradients from wGrad1 = [db1; dW1] and wGrad2 = [db2; dW2]. */
    public static Tensors unfold(CourseNetwork.Gradients g) {
        return Tensors.of("W1", weightRows(g.wGrad1()), "b1", biasRow(g.wGrad1()),
                "W2", weightRows(g.wGrad2()), "b2", biasRow(g.wGrad2()));
    }
}
