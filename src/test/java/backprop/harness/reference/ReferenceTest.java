package backprop.harness.reference;

import backprop.harness.core.Nd4jSetup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

import backprop.harness.api.Activation;
import backprop.harness.api.Loss;
import backprop.harness.api.NetSpec;
import backprop.harness.cases.NetworkCase;
import backprop.harness.api.Tensors;

/** The reference against numbers worked out by hand, including the m = 1 path and the L2 term. */
class ReferenceTest {
    /** Exact to rounding. */
    private static final double HAND = 1e-12;

    @BeforeAll
    static void nd4j() {
        Nd4jSetup.ensure();
    }

    /** x = 1, W1 = 0.5, b1 = 0, W2 = 2, b2 = 0, y = 1, identity output: a1 = σ(0.5), z2 = 2·a1. */
    private static NetworkCase oneSample(double lambda, Loss loss, Activation out) {
        NetSpec spec = NetSpec.of(1, 1, 1).withHead(out, loss).withLambda(lambda);
        Tensors p = Tensors.of("W1", Nd4j.createFromArray(new double[][] {{0.5}}), "b1", Nd4j.createFromArray(new double[][] {{0.0}}),
                "W2", Nd4j.createFromArray(new double[][] {{2.0}}), "b2", Nd4j.createFromArray(new double[][] {{0.0}}));
        return new NetworkCase(spec, p, Nd4j.createFromArray(new double[][] {{1.0}}), Nd4j.createFromArray(new double[][] {{1.0}}), "by hand");
    }

    @Test
    void squaredErrorOnOneSampleMatchesTheHandDerivation() {
        double a1 = 1 / (1 + Math.exp(-0.5));
        double z2 = 2 * a1;
        double dz2 = z2 - 1;                      // identity output, m = 1
        double dz1 = dz2 * 2 * a1 * (1 - a1);     // through W2 = 2 and σ'(0.5)

        Reference.Result r = Reference.evaluate(oneSample(0, Loss.MSE, Activation.IDENTITY));

        assertThat(r.loss()).as("J = ½(z2 − 1)²").isCloseTo(0.5 * dz2 * dz2, within(HAND));
        assertThat(r.gradients().get("W2").getDouble(0)).as("dW2 = a1·dZ2").isCloseTo(a1 * dz2, within(HAND));
        assertThat(r.gradients().get("b2").getDouble(0)).as("db2 = dZ2").isCloseTo(dz2, within(HAND));
        assertThat(r.gradients().get("W1").getDouble(0)).as("dW1 = x·dZ1").isCloseTo(dz1, within(HAND));
        assertThat(r.gradients().get("b1").getDouble(0)).as("db1 = dZ1").isCloseTo(dz1, within(HAND));
    }

    @Test
    void theL2TermRegularisesWeightsOnly() {
        double lambda = 0.3;
        Reference.Result plain = Reference.evaluate(oneSample(0, Loss.MSE, Activation.IDENTITY));
        Reference.Result reg = Reference.evaluate(oneSample(lambda, Loss.MSE, Activation.IDENTITY));

        assertThat(reg.loss() - plain.loss()).as("(λ/2m)(W1² + W2²) with m = 1").isCloseTo(lambda / 2 * (0.25 + 4), within(HAND));
        assertThat(reg.gradients().get("W2").getDouble(0) - plain.gradients().get("W2").getDouble(0)).as("(λ/m)·W2")
                .isCloseTo(lambda * 2, within(HAND));
        assertThat(reg.gradients().get("b2").getDouble(0)).as("db2 has no L2 term").isCloseTo(plain.gradients().get("b2").getDouble(0), within(HAND));
    }

    @Test
    void crossEntropyAfterASigmoidHasTheDeltaAMinusY() {
        double a1 = 1 / (1 + Math.exp(-0.5));
        double a2 = 1 / (1 + Math.exp(-2 * a1));

        Reference.Result r = Reference.evaluate(oneSample(0, Loss.BCE, Activation.SIGMOID));

        assertThat(r.loss()).as("J = −log a2 for y = 1").isCloseTo(-Math.log(a2), within(HAND));
        assertThat(r.gradients().get("b2").getDouble(0)).as("db2 = a2 − y").isCloseTo(a2 - 1, within(HAND));
    }
}
