package kata.huber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import backprop.harness.api.Activation;
import backprop.harness.api.Loss;
import backprop.harness.api.Tensors;
import backprop.harness.cases.CaseSpace;
import backprop.harness.cases.CaseSpace.Head;
import backprop.harness.cases.NetworkCase;
import backprop.harness.check.Differentiable;
import backprop.harness.check.NetworkUnderTest;
import backprop.harness.core.Elements;
import backprop.harness.junit.Checks;
import backprop.harness.junit.Exercise;

@Exercise("13-huber-regression")
@DisplayName("13 Huber regression")
class HuberRegressionTest {

    /** Exact: halves and small integers, which double arithmetic holds without rounding. */
    private static final double HAND = 1e-12;

    static final NetworkUnderTest NETWORK = NetworkUnderTest.of(
            c -> HuberRegression.loss(c.x(), c.y(), params(c), Huber.DELTA),
            c -> {
                HuberRegression.Gradients g = HuberRegression.gradients(c.x(), c.y(), params(c), Huber.DELTA);
                return Tensors.of("W1", g.dW1(), "b1", g.db1(), "W2", g.dW2(), "b2", g.db2());
            });

    static HuberRegression.Params params(NetworkCase c) {
        Tensors t = c.params();
        return new HuberRegression.Params(t.get("W1"), t.get("b1"), t.get("W2"), t.get("b2"));
    }

    /** One tanh hidden layer, identity output, biases on; the defaults' sizes and batches (m = 1 included). */
    static final CaseSpace REGRESSION = CaseSpace.networks().withHiddenActivations(Activation.TANH)
            .withHeads(Head.of(Activation.IDENTITY, Loss.MSE)).withBiases(CaseSpace.Biases.ALWAYS);

    @Test
    void huberOfASmallBatchIsWorkedOutByHand() {
        // Residuals A − Y = [0.5, −2, 3, 0] with δ = 1: ½·0.25 + (2 − ½) + (3 − ½) + 0 = 4.125, over m = 4.
        INDArray A = Nd4j.createFromArray(new double[][] {{1.5}, {0}, {3}, {-1}});
        INDArray Y = Nd4j.createFromArray(new double[][] {{1}, {2}, {0}, {-1}});

        assertThat(HuberRegression.huber(A, Y, 1.0)).as("J = 1/m Σ h(A − Y) with δ = 1, m = 4: quadratic for 0.5, linear for −2 and 3")
                .isCloseTo(4.125 / 4, within(HAND));
        assertThat(Elements.toArray(HuberRegression.huberGradient(A, Y, 1.0)))
                .as("dA = clip(A − Y, −δ, δ) / m: [0.5, −1, 1, 0] / 4").containsExactly(new double[] {0.125, -0.25, 0.25, 0}, within(HAND));
    }

    @Test
    void huberGradientMatchesFiniteDifferencesAndTheExactGradient(Checks checks) {
        Differentiable j = Differentiable.of(at -> HuberRegression.huber(at.get("A"), at.get("Y"), at.get("delta").getDouble(0)),
                at -> Tensors.of("A", HuberRegression.huberGradient(at.get("A"), at.get("Y"), at.get("delta").getDouble(0))))
                .holding("Y", "delta");
        checks.forAllPoints("HuberRegression.huberGradient as ∂J/∂A", HuberRegressionTest::lossPoint, j,
                backprop.harness.check.FiniteDifferences.KinkGuard.NONE,
                at -> Tensors.of("A", exactGradient(at.get("A"), at.get("Y"), at.get("delta").getDouble(0))));
    }

    @Test
    void gradientsAreRightOnRandomNetworksAgainstTheExactHuberGradient(Checks checks) {
        checks.forAll(REGRESSION, Huber.EXACT, NETWORK);
    }

    @Test
    void gradientsAreRightOnRandomNetworksAgainstSameDiffsHuber(Checks checks) {
        checks.forAll(REGRESSION.withHiddenLayers(1, 1), Huber.AUTODIFF, NETWORK);
    }

    /**
     * A, Y and δ for the loss alone: m × k with m = 1 half the time; δ between 0.2 and 2, and
     * residuals that straddle it. h'' jumps at |r| = δ, where the finite difference of h' is
     * still exact (h itself is smooth there to first order), so no element is skipped.
     */
    static Tensors lossPoint(SplittableRandom rng) {
        int m = rng.nextBoolean() ? 1 : 2 + rng.nextInt(5);
        int k = 1 + rng.nextInt(3);
        double delta = 0.2 + 1.8 * rng.nextDouble();
        double[][] a = new double[m][k];
        double[][] y = new double[m][k];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < k; j++) {
                a[i][j] = 4 * rng.nextDouble() - 2;
                y[i][j] = 4 * rng.nextDouble() - 2;
            }
        }
        return Tensors.of("A", Nd4j.createFromArray(a), "Y", Nd4j.createFromArray(y), "delta", Nd4j.createFromArray(new double[][] {{delta}}));
    }

    private static INDArray exactGradient(INDArray A, INDArray Y, double delta) {
        double[] a = Elements.toArray(A);
        double[] y = Elements.toArray(Y);
        double[] g = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            g[i] = Math.max(-delta, Math.min(delta, a[i] - y[i])) / A.rows();
        }
        return Nd4j.create(g, A.shape(), 'c');
    }
}
