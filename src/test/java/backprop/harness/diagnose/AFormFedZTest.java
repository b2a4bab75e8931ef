package backprop.harness.diagnose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.SplittableRandom;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.opentest4j.AssertionFailedError;

import backprop.harness.api.Tensors;
import backprop.harness.check.Differentiable;
import backprop.harness.core.Nd4jSetup;
import backprop.harness.junit.Checks;

/** The a-form fed z is named for any activation with an a-form, in function checks, whatever multiplies the slope. */
class AFormFedZTest {
    @BeforeAll
    static void nd4j() {
        Nd4jSetup.ensure();
    }

    private static final Checks.Points POINTS = rng -> Tensors.of("z", uniform(rng, 3, 2, -2, 2), "G", uniform(rng, 3, 2, -1, 1));

    /** Σ G ⊙ tanh(z), G held fixed, with the slope computed by {@code slope}. */
    private static Differentiable tanhLayer(java.util.function.UnaryOperator<INDArray> slope) {
        return Differentiable.of(at -> Transforms.tanh(at.get("z"), true).mul(at.get("G")).sumNumber().doubleValue(),
                at -> Tensors.of("z", slope.apply(at.get("z")).mul(at.get("G")))).holding("G");
    }

    private static String failure(Differentiable f) {
        AssertionFailedError e = catchThrowableOfType(AssertionFailedError.class,
                () -> Checks.standalone("09-deep-network").forAllPoints("tanh backward", POINTS, f));
        return e == null ? null : e.getMessage().replaceAll("\\s+", " ");
    }

    @Test
    void tanhsSlopeFedZIsNamedThroughAnUpstreamGradient() {
        assertThat(failure(tanhLayer(z -> z.mul(z).rsub(1.0))))
                .contains("dz is what tanh's derivative written from a, 1 − a², gives when fed z itself");
    }

    @Test
    void sigmoidsSlopeFedZIsNamedToo() {
        Differentiable f = Differentiable.of(at -> Transforms.sigmoid(at.get("z"), true).mul(at.get("G")).sumNumber().doubleValue(),
                at -> Tensors.of("z", at.get("z").mul(at.get("z").rsub(1.0)).mul(at.get("G")))).holding("G");
        assertThat(failure(f)).contains("sigmoid's derivative written from a, a·(1 − a), gives when fed z itself");
    }

    @Test
    void aRightSlopePassesAndAnotherWrongOneIsNotCalledTheAForm() {
        assertThat(failure(tanhLayer(z -> {
            INDArray t = Transforms.tanh(z, true);
            return t.mul(t).rsub(1.0);
        }))).isNull();
        assertThat(failure(tanhLayer(z -> Transforms.tanh(z, true).rsub(1.0)))).isNotNull().doesNotContain("written from a");
    }

    private static INDArray uniform(SplittableRandom rng, int rows, int cols, double lo, double hi) {
        double[][] v = new double[rows][cols];
        for (double[] row : v) {
            for (int j = 0; j < cols; j++) {
                row[j] = rng.nextDouble(lo, hi);
            }
        }
        return Nd4j.createFromArray(v);
    }
}
