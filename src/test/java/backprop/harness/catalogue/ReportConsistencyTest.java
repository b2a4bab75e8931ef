package backprop.harness.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The consistency check itself flags each kind of contradiction, and passes a report that has none. */
class ReportConsistencyTest {
    private static final String CASE = "\nSmallest failing case (seed 1):\n  network  2-1\n  m = 2\n"
            + "  X   (2 × 2)  [[1, 2], [3, 4]]\n  W1  (2 × 1)  [[1], [2]]\n  b1  (1 × 1)  [[0]]\n"
            + "\ndW1 (2 × 1), 2 of 2 elements wrong:\n";

    @Test
    void aConsistentReportPasses() {
        String r = "catalogue 04: dW1 is wrong\n\nMost likely cause (seen in all 5 failing cases examined):\n"
                + "  dW1 is 0 where the true gradient is not.\n" + CASE;
        assertThat(ReportConsistency.contradictions(r)).isEmpty();
    }

    @Test
    void aGuessThatHoldsInAllIsFlagged() {
        String r = "catalogue 04: dW1 is wrong\n\nMost likely cause (seen in all 5 failing cases examined):\n"
                + "  dW1 is 2.43 times: a constant factor is off (a guess)\n" + CASE;
        assertThat(ReportConsistency.contradictions(r)).anyMatch(s -> s.contains("guess"));
    }

    @Test
    void aHeadlineThatNamesOtherQuantitiesThanTheTablesIsFlagged() {
        String r = "catalogue 04: db1 is wrong\n\nMost likely cause:\n  something\n" + CASE;
        assertThat(ReportConsistency.contradictions(r)).anyMatch(s -> s.contains("value tables"));
    }

    @Test
    void aLayerStepParameterInTheHeadlineWithoutItsTableIsFlagged() {
        String r = "catalogue 14: dgamma1 is wrong\n\nMost likely cause:\n  something\n" + CASE;
        assertThat(ReportConsistency.contradictions(r)).anyMatch(s -> s.contains("value tables"));
    }

    @Test
    void aCauseNamingALayerTheCaseDoesNotHaveIsFlagged() {
        String r = "catalogue 09: dW1 is wrong\n\nMost likely cause:\n  dW3 is wrong: look at dZ3\n" + CASE;
        assertThat(ReportConsistency.contradictions(r)).anyMatch(s -> s.contains("does not have"));
    }

    @Test
    void aCauseCallingAWrongLayerRightIsFlagged() {
        String r = "catalogue 04: dW1 is wrong\n\nMost likely cause:\n  Layer 1 is right and layer 0 is not\n" + CASE;
        assertThat(ReportConsistency.contradictions(r)).anyMatch(s -> s.contains("layer 1 is right"));
    }

    @Test
    void anExceptionExplainedInAnotherStepIsFlagged() {
        String r = "catalogue 06: your code threw an exception in gradients (the backward pass)\n\nMost likely cause:\n"
                + "  Your code threw IllegalStateException in loss (the forward pass): boom\n" + CASE;
        assertThat(ReportConsistency.contradictions(r)).anyMatch(s -> s.contains("threw in"));
    }

    private static final String POINT = "\nAt (seed 1, random point 1 of 20):\n  Z   (2×2)   [[1, 2], [3, 4]]\n"
            + "  G   (2×2)   [[1, 0], [0, 1]]\n  value 3\n\ndZ (2×2), 4 of 4 elements differ from the finite difference:\n";

    @Test
    void aConsistentFunctionReportPasses() {
        String r = "catalogue 01: σ'(Z): 4 of 4 elements of dZ differ from finite differences of your own loss\n"
                + "  Most likely cause: dZ is 0 everywhere, and the true gradient is not\n" + POINT;
        assertThat(ReportConsistency.functionContradictions(r)).isEmpty();
    }

    @Test
    void aFunctionReportWhoseHeadlineHasNoTableIsFlagged() {
        String r = "catalogue 03: layer: 2 of 6 elements of dX differ from finite differences\n" + POINT;
        assertThat(ReportConsistency.functionContradictions(r)).anyMatch(s -> s.contains("no value table"));
    }

    @Test
    void aFunctionCauseNamingAnInputThePointDoesNotHaveIsFlagged() {
        String r = "catalogue 03: layer: 4 of 4 elements of dZ differ from finite differences\n"
                + "  Most likely cause: dW is the true gradient transposed\n" + POINT;
        assertThat(ReportConsistency.functionContradictions(r)).anyMatch(s -> s.contains("has no W"));
    }
}
