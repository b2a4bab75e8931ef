package backprop.harness.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.opentest4j.AssertionFailedError;

import backprop.harness.core.Nd4jSetup;
import backprop.harness.junit.Checks;
import backprop.harness.testnets.BatchNormNetwork;

/**
 * Batch normalisation with γ and β in the hidden layers of whole networks, declared on the
 * public API as a {@link LayerStep}: a correct network passes on random cases of every head, and
 * two mistakes in γ's and β's gradients are caught with the parameter named.
 */
class LayerStepTest {
    @BeforeAll
    static void nd4j() {
        Nd4jSetup.ensure();
    }

    static final CaseSpace BATCH_NORM = BatchNormNetwork.SPACE;

    private static Checks checks() {
        return Checks.standalone("layer step");
    }

    @Test
    void aCorrectBatchNormNetworkPassesOnRandomCases() {
        checks().forAll(BATCH_NORM, new BatchNormNetwork());
    }

    @Test
    void dGammaWithoutTheSumOverTheBatchIsCaughtAndNamed() {
        AssertionFailedError e = catchThrowableOfType(AssertionFailedError.class, () -> checks().forAll(BATCH_NORM,
                new BatchNormNetwork() {
                    @Override
                    protected INDArray dGamma(INDArray dzt, INDArray xHat) {
                        return dzt.mul(xHat);
                    }
                }));
        assertThat(e).as("a dγ with one row per sample must fail").isNotNull();
        String words = e.getMessage().replaceAll("\\s+", " ");
        assertThat(words).contains("dgamma1 is").contains("has one row per sample").contains("gamma1 is shared by every sample");
    }

    @Test
    void dBetaDividedByMTwiceIsCaughtAndNamed() {
        AssertionFailedError e = catchThrowableOfType(AssertionFailedError.class, () -> checks().forAll(BATCH_NORM,
                new BatchNormNetwork() {
                    @Override
                    protected INDArray dBeta(INDArray dzt, int m) {
                        return dzt.sum(true, 0).div(m);
                    }
                }));
        assertThat(e).as("a dβ divided by m once more must fail").isNotNull();
        String words = e.getMessage().replaceAll("\\s+", " ");
        assertThat(words).contains("dbeta1").contains("exactly 1/m");
        // The report shows the step's parameters as it shows W and b: values, shapes in numbers and in letters.
        assertThat(e.getMessage()).containsPattern("\\n  beta1 +\\(1×\\d\\) ").containsPattern("beta1, dbeta1 +1×\\d +1 × n1");
        assertThat(words).as("no diagnosis rule may throw on a step's names").doesNotContain("the harness's own rule");
    }

    @Test
    void dGammaFromZInsteadOfXHatIsPlacedInTheStepsOwnGradient() {
        AssertionFailedError e = catchThrowableOfType(AssertionFailedError.class, () -> checks().forAll(BATCH_NORM,
                new BatchNormNetwork() {
                    @Override
                    protected INDArray dGamma(INDArray dzt, INDArray xHat) {
                        return dzt.mul(xHat.mul(2).add(1)).sum(true, 0);
                    }
                }));
        assertThat(e).isNotNull();
        String words = e.getMessage().replaceAll("\\s+", " ");
        assertThat(words).contains("dgamma1").contains("only the step's own gradient is wrong (dgamma1)")
                .doesNotContain("the harness's own rule");
    }

    @Test
    void theMeanAndVarianceLeftOutOfDZAreFoundBehindTheStep() {
        AssertionFailedError e = catchThrowableOfType(AssertionFailedError.class, () -> checks().forAll(BATCH_NORM,
                new BatchNormNetwork() {
                    @Override
                    protected INDArray throughStep(INDArray dzt, INDArray xHat, INDArray gamma, INDArray std) {
                        return dzt.mulRowVector(gamma.div(std));
                    }
                }));
        assertThat(e).isNotNull();
        String words = e.getMessage().replaceAll("\\s+", " ");
        assertThat(words).contains("dW1").contains("the error is in passing it back through the step to dZ1")
                .doesNotContain("the harness's own rule");
    }
}
