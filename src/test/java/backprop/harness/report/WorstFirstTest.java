package backprop.harness.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

import backprop.harness.check.TensorComparison;
import backprop.harness.check.Tolerance;
import backprop.harness.core.Nd4jSetup;

/** The value table's promise: failing elements first, the largest error first among them. */
class WorstFirstTest {
    @Test
    void theLargestErrorComesFirstNotTheFirstIndex() {
        Nd4jSetup.ensure();
        TensorComparison tc = new TensorComparison("W1", "reference",
                Nd4j.createFromArray(new double[][] {{1, 2, 3, 4, 5}}), Nd4j.createFromArray(new double[][] {{1, 2.5, 3, 400, 50}}),
                null, null, Tolerance.REFERENCE);

        // Relative errors: index 1 is 0.2, index 3 is 0.99, index 4 is 0.9; 0 and 2 are right.
        assertThat(FailureReport.worstFirst(tc, null)).containsExactly(3, 4, 1, 0, 2);
    }
}
