package backprop.harness.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import backprop.harness.api.Activation;
import backprop.harness.api.Loss;
import backprop.harness.cases.CaseGenerator;
import backprop.harness.cases.CaseSpace;
import backprop.harness.cases.CustomLoss;
import backprop.harness.cases.NetworkCase;
import backprop.harness.check.Tolerance;
import backprop.harness.core.Elements;
import backprop.harness.core.Nd4jSetup;

/**
 * A custom loss's reference, by both routes, against the built-in reference: squared error given
 * as a custom loss must give the built-in squared error's loss and gradients on every case.
 */
class CustomLossReferenceTest {
    @BeforeAll
    static void nd4j() {
        Nd4jSetup.ensure();
    }

    private static final String FORMULA = "J = 1/(2m) Σ (A − Y)²";

    private static final CustomLoss EXACT = CustomLoss.exact("squared error, by hand", FORMULA,
            (a, y) -> a.sub(y).mul(a.sub(y)).sumNumber().doubleValue() / (2.0 * a.rows()), (a, y) -> a.sub(y).div(a.rows()))
            .following(Activation.IDENTITY, Activation.SIGMOID, Activation.TANH);

    private static final CustomLoss GRAPH = CustomLoss.sameDiff("squared error, as a graph", FORMULA,
            (sd, a, y, m) -> a.sub(y).mul(a.sub(y)).sum().div(m.mul(2.0)))
            .following(Activation.IDENTITY, Activation.SIGMOID, Activation.TANH);

    /** Hidden layers of every element-wise kind, both heads a custom loss can follow here, L2 on, m = 1 included. */
    private static final CaseSpace SPACE = CaseSpace.networks().withHiddenLayers(1, 2).withLambda(true)
            .withHiddenActivations(Activation.SIGMOID, Activation.TANH, Activation.RELU, Activation.LEAKY_RELU)
            .withHeads(CaseSpace.Head.of(Activation.IDENTITY, Loss.MSE), CaseSpace.Head.of(Activation.SIGMOID, Loss.MSE));

    @Test
    void squaredErrorAsACustomLossGivesTheBuiltInReferenceByBothRoutes() {
        int singles = 0;
        for (long seed = 1; seed <= 40; seed++) {
            NetworkCase builtIn = CaseGenerator.generate(SPACE, seed);
            singles += builtIn.m() == 1 ? 1 : 0;
            Reference.Result want = Reference.evaluate(builtIn);
            for (CustomLoss loss : new CustomLoss[] {EXACT, GRAPH}) {
                Reference.Result got = CustomLossReference.evaluate(builtIn.withLoss(loss, null));
                assertThat(Tolerance.LOSS.accepts(got.loss(), want.loss()))
                        .as("%s, seed %s: loss %s against the built-in %s", loss, seed, got.loss(), want.loss()).isTrue();
                for (String name : builtIn.spec().parameterNames()) {
                    double[] g = Elements.toArray(got.gradients().get(name));
                    double[] w = Elements.toArray(want.gradients().get(name));
                    for (int i = 0; i < w.length; i++) {
                        assertThat(Tolerance.REFERENCE.accepts(g[i], w[i], 1, 0))
                                .as("%s, seed %s (%s): d%s[%s] %s against the built-in %s", loss, seed, builtIn, name, i, g[i], w[i]).isTrue();
                    }
                }
            }
        }
        assertThat(singles).as("cases with m = 1 among the 40, the path that evaluates two copies").isPositive();
    }

    @Test
    void aCustomLossThatDiffersIsSeenAsDifferent() {
        // The same case under squared error without its ½: twice the data loss, twice its gradients.
        CustomLoss doubled = CustomLoss.exact("no ½", "J = 1/m Σ (A − Y)²",
                (a, y) -> a.sub(y).mul(a.sub(y)).sumNumber().doubleValue() / a.rows(), (a, y) -> a.sub(y).mul(2).div(a.rows()));
        NetworkCase c = CaseGenerator.generate(CaseSpace.networks().withHeads(CaseSpace.Head.of(Activation.IDENTITY, Loss.MSE)), 5);
        Reference.Result plain = Reference.evaluate(c);
        Reference.Result got = CustomLossReference.evaluate(c.withLoss(doubled, null));
        assertThat(got.loss()).isCloseTo(2 * plain.loss(), org.assertj.core.api.Assertions.within(1e-9 * plain.loss()));
        assertThat(Tolerance.REFERENCE.accepts(got.gradients().get("W2").getDouble(0), plain.gradients().get("W2").getDouble(0))).isFalse();
    }

    @Test
    void aGradientOfTheWrongShapeIsTheInstructorsMistakeAndSaysSo() {
        CustomLoss transposed = CustomLoss.exact("transposed", FORMULA, (a, y) -> 0.0, (a, y) -> a.sub(y).transpose());
        NetworkCase c = CaseGenerator.generate(CaseSpace.networks().withBatch(3, 3).withHeads(CaseSpace.Head.of(Activation.IDENTITY, Loss.MSE)), 1);
        Throwable t = catchThrowable(() -> CustomLossReference.evaluate(c.withLoss(transposed, null)));
        assertThat(t).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("∂J/∂A must be m × nL = 3×");
    }

    @Test
    void aLossIsRefusedAfterAnOutputItDoesNotFollow() {
        NetworkCase c = CaseGenerator.generate(CaseSpace.networks(), 1);
        Throwable t = catchThrowable(() -> c.withLoss(CustomLoss.exact("Huber", "h", (a, y) -> 0.0, (a, y) -> a), null));
        assertThat(t).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("follows [IDENTITY] outputs, not a sigmoid output");
    }

    @Test
    void targetsComeFromTheLossAndTheNetworkFromTheSeed() {
        INDArray y = Nd4j.createFromArray(new double[][] {{7.0}});
        NetworkCase c = CaseGenerator.generate(CaseSpace.networks().withBatch(1, 1).withOutputs(1, 1)
                .withHeads(CaseSpace.Head.of(Activation.IDENTITY, Loss.MSE)), 3);
        NetworkCase custom = c.withLoss(EXACT, y);
        assertThat(custom.y().getDouble(0)).isEqualTo(7.0);
        assertThat(Elements.same(custom.params().get("W1"), c.params().get("W1"))).isTrue();
        assertThat(custom.describe()).contains("squared error, by hand").doesNotContain("mean squared error");
    }
}
