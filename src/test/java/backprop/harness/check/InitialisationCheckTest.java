package backprop.harness.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import backprop.harness.api.Tensors;
import backprop.harness.core.Nd4jSetup;

/** Right initialisations pass on every seed tried; the catalogue shows the wrong ones rejected. */
class InitialisationCheckTest {
    @BeforeAll
    static void nd4j() {
        Nd4jSetup.ensure();
    }

    private static Tensors draw(long seed, int fanIn, java.util.function.ToDoubleFunction<SplittableRandom> f) {
        SplittableRandom r = new SplittableRandom(seed);
        INDArray w = Nd4j.create(DataType.DOUBLE, fanIn * 20, 3);
        for (int i = 0; i < fanIn * 20; i++) {
            for (int j = 0; j < 3; j++) {
                w.putScalar(i, j, f.applyAsDouble(r));
            }
        }
        return Tensors.of("W1", w);
    }

    private static double gaussian(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    @Test
    void lecunHeAndScaledUniformInitialisationsPassOnTwoHundredSeeds() {
        for (int fanIn : new int[] {2, 5, 50}) {
            double s = Math.sqrt(1.0 / fanIn);
            for (long seed = 0; seed < 200; seed++) {
                assertThat(InitialisationCheck.problems(draw(seed, fanIn, r -> gaussian(r) * s), Map.of("W1", fanIn)))
                        .as("N(0, 1/fan-in), fan-in %d, seed %d", fanIn, seed).isEmpty();
                assertThat(InitialisationCheck.problems(draw(seed, fanIn, r -> gaussian(r) * s * Math.sqrt(2)), Map.of("W1", fanIn)))
                        .as("He N(0, 2/fan-in), fan-in %d, seed %d", fanIn, seed).isEmpty();
                assertThat(InitialisationCheck.problems(draw(seed, fanIn, r -> (2 * r.nextDouble() - 1) * Math.sqrt(3) * s), Map.of("W1", fanIn)))
                        .as("uniform ±sqrt(3/fan-in), fan-in %d, seed %d", fanIn, seed).isEmpty();
            }
        }
    }

    @Test
    void aShiftedMeanIsNamed() {
        assertThat(InitialisationCheck.problems(draw(1, 4, r -> gaussian(r) * 0.5 + 0.3), Map.of("W1", 4)))
                .singleElement().asString().contains("have mean 0.3");
    }
}
