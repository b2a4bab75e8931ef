package backprop.harness.reference;

import org.nd4j.linalg.api.ndarray.INDArray;

import backprop.harness.cases.LayerStep;
import backprop.harness.cases.NetworkCase;
import backprop.harness.cases.PreActivations;
import backprop.harness.core.Matrix;
import backprop.harness.core.Numbers;

/**
 * A layer step is declared twice, in plain Java (kinks, saturation, the custom activation's Z0)
 * and as a SameDiff graph (the reference's gradients). If the two disagree, every verdict on a
 * learner is against a network nobody meant; so the first case of each graph compares the two
 * outputs A{L}, and a disagreement stops the property with a message for the instructor.
 */
final class StepAgreement {
    /** Both sides compute the same double arithmetic in different orders: agreement to far below any gradient tolerance. */
    private static final double RELATIVE = 1e-9;
    private static final double ABSOLUTE = 1e-12;

    private StepAgreement() {
    }

    /** @param fromGraph SameDiff's A{L} for the case (2 rows for a case of m = 1, evaluated twice) */
    static void check(LayerStep step, NetworkCase c, INDArray fromGraph) {
        Matrix plain = PreActivations.forward(c, c.params()).a()[c.spec().layers()];
        for (int i = 0; i < plain.rows; i++) {
            for (int j = 0; j < plain.cols; j++) {
                double p = plain.get(i, j);
                double g = fromGraph.getDouble(i, j);
                if (!(Math.abs(p - g) <= ABSOLUTE + RELATIVE * Math.max(Math.abs(p), Math.abs(g)))) {
                    int l = c.spec().layers();
                    throw new IllegalArgumentException("LayerStep " + step.label() + ": its value in plain Java and its SameDiff"
                            + " graph give different networks: A" + l + "[" + i + "," + j + "] is " + Numbers.plain(p)
                            + " from the value and " + Numbers.plain(g) + " from the graph, on " + c + ". The reference"
                            + " differentiates the graph, so give both the same definition (" + step.formula() + ").");
                }
            }
        }
    }
}
