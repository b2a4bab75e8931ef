package backprop.harness.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

import backprop.harness.api.Activation;
import backprop.harness.api.Loss;
import backprop.harness.cases.CaseGenerator;
import backprop.harness.cases.CaseSpace;
import backprop.harness.cases.CaseSpace.Head;
import backprop.harness.cases.CustomActivation;
import backprop.harness.cases.NetworkCase;
import backprop.harness.check.Tolerance;
import backprop.harness.core.Elements;
import backprop.harness.core.Nd4jSetup;
import backprop.harness.junit.Checks;
import backprop.harness.testnets.CustomHiddenNetwork;

/** A hidden activation the harness does not ship: its reference, its kinks, and a wrong slope caught. */
class CustomActivationTest {
    @BeforeAll
    static void nd4j() {
        Nd4jSetup.ensure();
    }

    private static final CustomActivation TANH = CustomActivation.of("tanh, by hand", Math::tanh, z -> 1 - Math.tanh(z) * Math.tanh(z));

    private static final CustomActivation SOFTPLUS = CustomActivation.of("softplus",
            z -> z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z)), z -> 1 / (1 + Math.exp(-z)));

    /** Clipped to [−1, 1]: slope 1 inside, 0 outside, kinks at ±1. */
    private static final CustomActivation HARD_TANH = CustomActivation.of("hard tanh", z -> Math.max(-1, Math.min(1, z)),
            z -> Math.abs(z) < 1 ? 1 : 0, -1, 1);

    private static final CaseSpace HEADS = CaseSpace.networks().withHiddenLayers(1, 2).withLambda(true)
            .withHiddenActivations(Activation.TANH).withOutputs(2, 3)
            .withHeads(Head.of(Activation.IDENTITY, Loss.MSE), Head.of(Activation.SIGMOID, Loss.BCE), Head.of(Activation.SOFTMAX, Loss.SOFTMAX_CE));

    @Test
    void tanhGivenByHandGivesTheBuiltInTanhReference() {
        int singles = 0;
        for (long seed = 1; seed <= 30; seed++) {
            NetworkCase builtIn = CaseGenerator.generate(HEADS, seed);
            singles += builtIn.m() == 1 ? 1 : 0;
            Reference.Result want = Reference.evaluate(builtIn);
            NetworkCase custom = builtIn.withHidden(TANH);
            Reference.Result got = CustomLossReference.evaluate(custom);
            assertThat(Tolerance.LOSS.accepts(got.loss(), want.loss())).as("seed %s: loss %s against %s", seed, got.loss(), want.loss()).isTrue();
            for (String name : builtIn.spec().parameterNames()) {
                double[] g = Elements.toArray(got.gradients().get(name));
                double[] w = Elements.toArray(want.gradients().get(name));
                for (int i = 0; i < w.length; i++) {
                    assertThat(Tolerance.REFERENCE.accepts(g[i], w[i], 1, 0)).as("seed %s (%s): d%s[%s] %s against %s", seed, custom, name, i, g[i], w[i]).isTrue();
                }
            }
            assertThat(custom.describe()).contains("tanh, by hand");
        }
        assertThat(singles).as("cases with m = 1 among the 30").isPositive();
    }

    /** Small networks, so that a failure's shrinking has little to do. */
    private static final CaseSpace REGRESSION = CaseSpace.networks().withHiddenLayers(1, 1).withWidth(1, 3).withBatch(1, 4)
            .withHeads(Head.of(Activation.IDENTITY, Loss.MSE));

    private static Checks checks() {
        return Checks.standalone("custom activation");
    }

    @Test
    void aRightSoftplusNetworkPassesAndAWrongSlopeIsCaughtInTheHiddenLayer() {
        Checks checks = checks();
        checks.forAll(REGRESSION, SOFTPLUS, null, new CustomHiddenNetwork(SOFTPLUS));

        AssertionFailedError e = catchThrowableOfType(AssertionFailedError.class, () -> checks.forAll(REGRESSION, SOFTPLUS, null,
                new CustomHiddenNetwork(SOFTPLUS) {
                    @Override
                    protected double slope(double z) {
                        return SOFTPLUS.value(z); // softplus itself where its slope σ(z) belongs
                    }
                }));
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("softplus →").contains("A1 = softplus(Z1)").contains("dW1");
    }

    @Test
    void aKinkedActivationPassesWithItsKinksSkippedAndAWrongSlopeIsCaught() {
        Checks checks = checks();
        CaseSpace wide = REGRESSION.withWidth(2, 4).withSaturation(0);
        checks.forAll(wide, HARD_TANH, null, new CustomHiddenNetwork(HARD_TANH));

        AssertionFailedError e = catchThrowableOfType(AssertionFailedError.class, () -> checks.forAll(wide, HARD_TANH, null,
                new CustomHiddenNetwork(HARD_TANH) {
                    @Override
                    protected double slope(double z) {
                        return 1; // the clipped units' slope taken as 1
                    }
                }));
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("hard tanh");
    }
}
