package kata.tanh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import backprop.harness.api.Tensors;
import backprop.harness.check.Differentiable;
import backprop.harness.junit.Checks;
import backprop.harness.junit.Exercise;

@Exercise("01-tanh")
@DisplayName("01 tanh")
class TanhTest {

    @Test
    void tanhOfZeroAndOneAreKnown() {
        INDArray a = Tanh.of(Nd4j.createFromArray(new double[][] {{0, 1}}));

        assertThat(a.getDouble(0, 0)).as("tanh(0)").isCloseTo(0, within(1e-15));
        assertThat(a.getDouble(0, 1)).as("tanh(1)").isCloseTo(0.7615941559557649, within(1e-15));
    }

    /** J(Z) = Σ G ⊙ tanh(Z) with G held fixed, so ∂J/∂Z = G ⊙ tanh'(Z): checked at random Z and G. */
    @Test
    void primeIsTheSlopeOfTanh(Checks checks) {
        Differentiable j = Differentiable.of(
                at -> Tanh.of(at.get("Z")).mul(at.get("G")).sumNumber().doubleValue(),
                at -> Tensors.of("Z", Tanh.prime(at.get("Z")).mul(at.get("G"))))
                .holding("G");
        checks.forAllPoints("Tanh.prime as ∂J/∂Z", TanhTest::point, j);
    }

    /** Z and G, m × n with m = 1 half the time; Z in (−4, 4), where tanh bends. */
    static Tensors point(SplittableRandom rng) {
        int m = rng.nextBoolean() ? 1 : 2 + rng.nextInt(4);
        int n = 1 + rng.nextInt(4);
        double[][] z = new double[m][n];
        double[][] g = new double[m][n];
        for (int i = 0; i < m; i++) {
            for (int k = 0; k < n; k++) {
                z[i][k] = 8 * rng.nextDouble() - 4;
                g[i][k] = 2 * rng.nextDouble() - 1;
            }
        }
        return Tensors.of("Z", Nd4j.createFromArray(z), "G", Nd4j.createFromArray(g));
    }
}
