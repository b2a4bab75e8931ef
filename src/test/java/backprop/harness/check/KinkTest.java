package backprop.harness.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

import backprop.harness.api.Activation;
import backprop.harness.api.NetSpec;
import backprop.harness.cases.NetworkCase;
import backprop.harness.api.Tensors;
import backprop.harness.core.Nd4jSetup;
import backprop.harness.testnets.PlainNetwork;

/** A ReLU unit within one finite-difference step of 0 neither fails a correct network nor passes silently. */
class KinkTest {
    @BeforeAll
    static void nd4j() {
        Nd4jSetup.ensure();
    }

    /** One input x = 1, one ReLU unit with z1 = w1·1 + b1 = 2e-6: closer to 0 than the step 1e-5. */
    private static NetworkCase nearKink() {
        NetSpec spec = NetSpec.of(1, 1, 1).withActivations(Activation.RELU, Activation.IDENTITY);
        Tensors p = Tensors.of("W1", Nd4j.createFromArray(new double[][] {{0.5}}), "b1", Nd4j.createFromArray(new double[][] {{-0.499998}}),
                "W2", Nd4j.createFromArray(new double[][] {{2.0}}), "b2", Nd4j.createFromArray(new double[][] {{0.1}}));
        return new NetworkCase(spec, p, Nd4j.createFromArray(new double[][] {{1.0}}), Nd4j.createFromArray(new double[][] {{3.0}}), "near a kink");
    }

    @Test
    void elementsWhoseStepCrossesTheKinkAreSkippedAndCounted() {
        CaseResult r = NetworkCheck.run(new PlainNetwork(), nearKink(), NetworkCheck.Mode.FULL);

        assertThat(r.passed()).as("a correct ReLU network next to its kink: " + r.problems()).isTrue();
        assertThat(r.skippedAtKinks()).as("W1 and b1 move z1 across 0 within one step").isEqualTo(2);
        assertThat(r.finiteDifferenceComparison("W2").compared()).as("W2 does not move z1").isEqualTo(1);
    }

    @Test
    void aWrongReluDerivativeIsStillCaughtByTheReferenceNextToTheKink() {
        PlainNetwork wrong = new PlainNetwork() {
            @Override
            protected org.nd4j.linalg.api.ndarray.INDArray derivative(Activation f, org.nd4j.linalg.api.ndarray.INDArray z,
                                                                       org.nd4j.linalg.api.ndarray.INDArray a) {
                return super.derivative(f, z, a).mul(0.5);
            }
        };

        CaseResult r = NetworkCheck.run(wrong, nearKink(), NetworkCheck.Mode.FULL);

        assertThat(r.passed()).isFalse();
        assertThat(r.referenceComparison("W1").passed()).as("dW1 against the reference").isFalse();
    }
}
