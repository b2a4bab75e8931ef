package backprop.harness.report;

import kata.support.Xor;

import backprop.harness.api.Shapes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.opentest4j.AssertionFailedError;

import backprop.harness.api.NetSpec;
import backprop.harness.cases.NetworkCase;
import backprop.harness.api.Tensors;
import backprop.harness.junit.Checks;
import backprop.harness.core.Nd4jSetup;
import backprop.harness.testnets.PlainNetwork;

/** The words a learner reads for a few known bugs, pinned: a change to them is a deliberate one. */
class ReportTextTest {
    @BeforeAll
    static void nd4j() {
        Nd4jSetup.ensure();
    }

    /** The question's XOR batch on a 2-2-1 sigmoid network with round weights. */
    private static NetworkCase xor() {
        return new NetworkCase(NetSpec.of(2, 2, 1),
                Tensors.of("W1", Nd4j.createFromArray(new double[][] {{0.5, -0.5}, {0.25, 1.0}}),
                        "b1", Nd4j.createFromArray(new double[][] {{0.1, -0.1}}),
                        "W2", Nd4j.createFromArray(new double[][] {{1.0}, {-1.0}}),
                        "b2", Nd4j.createFromArray(new double[][] {{0.2}})),
                Xor.x(),
                Xor.y(), "the XOR batch");
    }

    private static String report(PlainNetwork net) {
        return catchThrowableOfType(AssertionFailedError.class, () -> Checks.standalone("04-two-layer-network").network(xor(), net))
                .getMessage();
    }

    @Test
    void aZeroOutputBiasGradientIsReportedAsTheQuestionsOverwrittenBiasActivation() {
        String text = report(new PlainNetwork() {
            @Override
            protected INDArray biasGradient(INDArray dz, INDArray b, double lambda, int m) {
                return dz.columns() == 1 ? b.mul(0) : super.biasGradient(dz, b, lambda, m);
            }
        });

        assertThat(text).startsWith("04-two-layer-network: db2 is wrong\n\nMost likely cause:\n"
                + "  db2 is 0 where the true gradient is not, while dW2 is right: the bias receives no gradient. Did\n"
                + "    something overwrite the bias activation (the column of ones) before the gradient was computed,\n"
                + "    as a2[:, 0] = 0 does in the question?\n"
                + "    Look at: db2 = column sums of dZ2\n");
        assertThat(text).contains("db2 (1×1), 1 of 1 elements wrong:\n"
                + "  element  yours  finite diff.  reference  rel. error\n"
                + "  [0,0]    0      ");
        assertThat(text).contains("Right: dW1, db1, dW2 (every element within tolerance)");
    }

    @Test
    void aMissingOneOverMIsReportedWithTheBatchSize() {
        String text = report(new PlainNetwork() {
            @Override
            protected INDArray outputDelta(NetSpec s, INDArray a, INDArray z, INDArray y, int m) {
                return super.outputDelta(s, a, z, y, m).mul(m);
            }
        });

        assertThat(text).startsWith("04-two-layer-network: dW1, db1, dW2, db2 are wrong\n\nMost likely cause:\n"
                + "  Every gradient (dW1, db1, dW2, db2) is exactly m = 4 times the true gradient: the 1/m of the batch\n"
                + "    mean is missing.\n"
                + "    Look at: the output delta, or each dW and db: divide by m once\n");
    }

    @Test
    void everyReportShowsTheShapeOfEveryQuantityAndHowToRerun() {
        String text = report(new PlainNetwork() {
            @Override
            protected INDArray outputDelta(NetSpec s, INDArray a, INDArray z, INDArray y, int m) {
                return super.outputDelta(s, a, z, y, m).neg();
            }
        });

        assertThat(text).contains("Shapes in this case:\n"
                + "  quantity     shape   in letters\n"
                + "  X = A0       4×2     m × n0      input batch, one sample per row\n"
                + "  W1, dW1      2×2     n0 × n1\n"
                + "  b1, db1      1×2     1 × n1      added to every row\n"
                + "  Z1, A1, dZ1  4×2     m × n1      A1 = sigmoid(Z1)\n");
        assertThat(text).contains("Rerun exactly this case:\n  mvn test");
        assertThat(text).contains("sign flipped");
    }

    @org.junit.jupiter.api.Test
    void theReadmeQuotesTheWordsAReportUsesToStateACause() throws java.io.IOException {
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("README.md")).replaceAll("\\s+", " ");

        backprop.harness.diagnose.Cause cause = new backprop.harness.diagnose.Cause(
                backprop.harness.diagnose.CauseId.FACTOR_M, "text", "where", true);
        String heading = FailureReport.causeLines(new backprop.harness.diagnose.Diagnosis(java.util.List.of(cause),
                backprop.harness.diagnose.Diagnosis.Support.ALL_CASES, 5, java.util.List.of())).get(0);

        assertThat(readme).contains(heading.substring(0, heading.length() - 1))
                .contains(FailureReport.GUESS_ONE).contains(FailureReport.READ_FROM_NUMBERS);
    }
}
