package kata.deep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import backprop.harness.api.Activation;
import backprop.harness.api.Tensors;
import backprop.harness.check.Differentiable;
import backprop.harness.core.Elements;
import backprop.harness.check.FiniteDifferences;
import backprop.harness.junit.Checks;
import backprop.harness.junit.Exercise;

@Exercise("09-deep-network")
@DisplayName("09 deep network: activations")
class ActivationsTest {

    /** Exact to rounding: the values below are worked out by hand. */
    private static final double HAND = 1e-12;

    /** Largest |z| drawn: far enough out that sigmoid and tanh saturate, still exact in double. */
    private static final double Z_SCALE = 6;

    @Test
    void activationsGiveTheValuesWorkedOutByHand() {
        // z = −2, 0, 3.  σ(0) = ½ and tanh(0) = 0; ReLU keeps only the positive part; leaky ReLU
        // keeps 0.01 of the negative part: −2 → −0.02.
        INDArray z = Nd4j.createFromArray(new double[][] {{-2, 0, 3}});

        assertThat(row(Activations.apply(Activation.IDENTITY, z))).as("identity(z) = z")
                .containsExactly(new double[] {-2, 0, 3}, within(HAND));
        assertThat(row(Activations.apply(Activation.SIGMOID, z))).as("σ(z) = 1 / (1 + e^−z)")
                .containsExactly(new double[] {1 / (1 + Math.exp(2)), 0.5, 1 / (1 + Math.exp(-3))}, within(HAND));
        assertThat(row(Activations.apply(Activation.TANH, z))).as("tanh(z)")
                .containsExactly(new double[] {Math.tanh(-2), 0, Math.tanh(3)}, within(HAND));
        assertThat(row(Activations.apply(Activation.RELU, z))).as("ReLU(z) = max(z, 0)")
                .containsExactly(new double[] {0, 0, 3}, within(HAND));
        assertThat(row(Activations.apply(Activation.LEAKY_RELU, z))).as("leaky ReLU(z) = z for z > 0, 0.01·z below")
                .containsExactly(new double[] {-0.02, 0, 3}, within(HAND));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Activation.class, names = {"IDENTITY", "SIGMOID", "TANH", "RELU", "LEAKY_RELU"})
    void derivativeOfEachActivationMatchesFiniteDifferences(Activation f, Checks checks) {
        // value = Σ G ⊙ f(Z) for a random G; its gradient is dZ = G ⊙ f'(Z) and dG = f(Z).
        Differentiable weighted = new Differentiable() {
            @Override
            public double value(Tensors at) {
                return Activations.apply(f, at.get("Z")).mul(at.get("G")).sumNumber().doubleValue();
            }

            @Override
            public Tensors gradient(Tensors at) {
                INDArray Z = at.get("Z");
                INDArray A = Activations.apply(f, Z);
                return Tensors.of("Z", at.get("G").mul(Activations.derivative(f, Z, A)), "G", A);
            }
        };

        checks.forAllPoints(f.label() + "'(Z)", ActivationsTest::randomPoint, weighted, ActivationsTest::crossesZero);
    }

    /** Z and G, m×n with m and n in 1..4; Z spread over ±Z_SCALE so some units saturate. */
    static Tensors randomPoint(SplittableRandom rng) {
        int m = 1 + rng.nextInt(4);
        int n = 1 + rng.nextInt(4);
        return Tensors.of("Z", random(rng, m, n, Z_SCALE), "G", random(rng, m, n, 1));
    }

    /** A finite difference across z = 0 measures neither slope of ReLU, so such steps are skipped. */
    static boolean crossesZero(Tensors from, Tensors to) {
        double[] a = Elements.toArray(from.get("Z"));
        double[] b = Elements.toArray(to.get("Z"));
        for (int i = 0; i < a.length; i++) {
            if (a[i] == 0 || b[i] == 0 || (a[i] > 0) != (b[i] > 0)) {
                return true;
            }
        }
        return false;
    }

    static INDArray random(SplittableRandom rng, int rows, int cols, double scale) {
        INDArray a = Nd4j.create(DataType.DOUBLE, rows, cols);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                a.putScalar(i, j, scale * (2 * rng.nextDouble() - 1));
            }
        }
        return a;
    }

    private static double[] row(INDArray a) {
        return Elements.toArray(a);
    }
}
