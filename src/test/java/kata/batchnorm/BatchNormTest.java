package kata.batchnorm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import backprop.harness.api.Shapes;
import backprop.harness.api.Tensors;
import backprop.harness.check.Differentiable;
import backprop.harness.core.Elements;
import backprop.harness.junit.Checks;
import backprop.harness.junit.Exercise;

@Exercise("14-batch-normalisation")
@DisplayName("14 batch normalisation")
class BatchNormTest {

    /** Exact: with ε = 0 this batch normalises to ±1 and every number below is a small integer or half. */
    private static final double HAND = 1e-12;

    /** Agreement of two right ways of computing the same normalisation, for |X̂| ≲ 3. */
    private static final double ROUNDING = 1e-12;

    // m = 4, one column: X = [1, 1, 3, 3] has μ = 2, σ² = 1, so X̂ = [−1, −1, 1, 1] when ε = 0.
    private static INDArray x() {
        return Nd4j.createFromArray(new double[][] {{1}, {1}, {3}, {3}});
    }

    private static INDArray gamma() {
        return Nd4j.createFromArray(new double[][] {{2}});
    }

    @Test
    void forwardOfASmallBatchIsWorkedOutByHand() {
        INDArray Y = BatchNorm.forward(x(), gamma(), Nd4j.createFromArray(new double[][] {{0.5}}), 0);

        assertThat(Y.shape()).as("Y has the shape of X, 4×1; it was %s", Shapes.of(Y)).containsExactly(4, 1);
        assertThat(Elements.toArray(Y)).as("Y = γ·X̂ + β = 2·[−1, −1, 1, 1] + 0.5 (σ² with 1/m: 1/(m − 1) gives other numbers)")
                .containsExactly(new double[] {-1.5, -1.5, 2.5, 2.5}, within(HAND));
    }

    @Test
    void backwardOfASmallBatchIsWorkedOutByHand() {
        // dY = [1, 0, 0, 0]: mean(dY) = ¼, mean(dY ⊙ X̂) = −¼; dX = γ·(dY − ¼ + ¼·X̂) = 2·[½, −½, 0, 0].
        INDArray dY = Nd4j.createFromArray(new double[][] {{1}, {0}, {0}, {0}});

        BatchNorm.Gradients g = BatchNorm.backward(x(), gamma(), dY, 0);

        assertThat(g.dBeta().getDouble(0)).as("dβ = Σ dY").isCloseTo(1, within(HAND));
        assertThat(g.dGamma().getDouble(0)).as("dγ = Σ dY ⊙ X̂ = 1·(−1)").isCloseTo(-1, within(HAND));
        assertThat(Elements.toArray(g.dX())).as("dX = γ/σ ⊙ (dY − mean(dY) − X̂ ⊙ mean(dY ⊙ X̂)): the mean and the variance"
                + " depend on X too, so dX is not γ/σ ⊙ dY = [2, 0, 0, 0]").containsExactly(new double[] {1, -1, 0, 0}, within(HAND));
    }

    @Test
    void forwardAgreesWithTheEquationsOnRandomBatches() {
        // Σ G ⊙ forward(X) must be the tests' own value at every random point: a forward bug shows here, named as such.
        for (long seed = 1; seed <= 20; seed++) {
            Tensors at = Normalisation.RANDOM.at(new java.util.SplittableRandom(seed));
            INDArray Y = BatchNorm.forward(at.get("X"), at.get("gamma"), at.get("beta"), Normalisation.EPS);
            double yours = Y.mul(at.get("G")).sumNumber().doubleValue();
            assertThat(yours).as("Σ G ⊙ Y for the random batch with seed %s, X %s", seed, Shapes.of(at.get("X")))
                    .isCloseTo(Normalisation.weightedOutput(at), within(ROUNDING * (1 + Math.abs(yours))));
        }
    }

    @Test
    void backwardMatchesFiniteDifferencesAndTheEquationsOnRandomBatches(Checks checks) {
        checks.forAllPoints("BatchNorm.backward(X, γ, G, ε) as the gradient of Σ G ⊙ BN(X; γ, β)", Normalisation.RANDOM,
                WEIGHTED_OUTPUT, backprop.harness.check.FiniteDifferences.KinkGuard.NONE, Normalisation::exactGradient);
    }

    /** value = Σ G ⊙ (γ ⊙ X̂ + β), G and ε held fixed: its gradient is (dX, dγ, dβ) = backward(X, γ, G, ε). */
    static final Differentiable WEIGHTED_OUTPUT = Differentiable.of(Normalisation::weightedOutput, at -> {
        BatchNorm.Gradients g = BatchNorm.backward(at.get("X"), at.get("gamma"), at.get("G"), at.get("eps").getDouble(0));
        return Tensors.of("X", g.dX(), "gamma", g.dGamma(), "beta", g.dBeta());
    }).holding("G", "eps");
}
