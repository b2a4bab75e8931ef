package backprop.harness.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.SplittableRandom;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.opentest4j.AssertionFailedError;

import backprop.harness.api.Tensors;
import backprop.harness.core.Elements;
import backprop.harness.core.Nd4jSetup;
import backprop.harness.junit.Checks;
import backprop.harness.property.PointProperty;

/** Inputs held fixed (targets, upstream gradients) are handed over but not differentiated, and still guarded. */
class FixedInputsTest {
    @BeforeAll
    static void nd4j() {
        Nd4jSetup.ensure();
    }

    private static Tensors point() {
        return Tensors.of("A", Nd4j.createFromArray(new double[][] {{0.3, -1.2}, {2.0, 0.7}}),
                "Y", Nd4j.createFromArray(new double[][] {{1.0, 0.0}, {0.5, 0.25}}));
    }

    /** J = 1/(2m) Σ (A − Y)², dA computed by {@code dA}. */
    private static Differentiable squaredError(java.util.function.BinaryOperator<INDArray> dA) {
        return Differentiable.of(at -> {
            INDArray d = at.get("A").sub(at.get("Y"));
            return d.mul(d).sumNumber().doubleValue() / (2.0 * at.get("A").rows());
        }, at -> Tensors.of("A", dA.apply(at.get("A"), at.get("Y"))));
    }

    private static INDArray rightDA(INDArray a, INDArray y) {
        return a.sub(y).div(a.rows());
    }

    private static String failure(Differentiable f) {
        AssertionFailedError e = catchThrowableOfType(AssertionFailedError.class,
                () -> Checks.standalone("02-losses-and-output-delta").gradient("dA", f, point()));
        return e == null ? null : e.getMessage();
    }

    @Test
    void aRightGradientWithTheTargetsHeldPasses() {
        assertThat(failure(squaredError(FixedInputsTest::rightDA).holding("Y"))).isNull();
    }

    @Test
    void withoutHoldingThemTheTargetsAreDifferentiatedToo() {
        assertThat(failure(squaredError(FixedInputsTest::rightDA))).contains("dY is missing");
    }

    @Test
    void aWrongGradientWithTheTargetsHeldIsStillCaught() {
        String text = failure(squaredError((a, y) -> a.sub(y)).holding("Y"));
        assertThat(text).contains("dA").contains("dA is exactly 2 times");
    }

    @Test
    void aGradientThatWritesIntoAHeldInputIsCaught() {
        String text = failure(squaredError((a, y) -> {
            INDArray g = a.sub(y).div(a.rows());
            y.assign(0);
            return g;
        }).holding("Y"));
        assertThat(text).contains("changed its input Y");
    }

    @Test
    void holdingANameThePointLacksStopsTheTestNamingIt() {
        Throwable t = catchThrowable(() -> Checks.standalone("02-losses-and-output-delta")
                .gradient("dA", squaredError(FixedInputsTest::rightDA).holding("G"), point()));
        assertThat(t).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("holds G fixed")
                .hasMessageContaining("[A, Y]");
    }

    @Test
    void shrinkingRoundsOnlyTheDifferentiatedInputs() {
        Tensors at = Tensors.of("A", Nd4j.createFromArray(new double[][] {{0.1234, 5.678}}),
                "Y", Nd4j.createFromArray(new double[][] {{0.3333, 0.6667}}));
        PointProperty p = new PointProperty(rng -> at, squaredError(FixedInputsTest::rightDA).holding("Y"),
                FiniteDifferences.KinkGuard.NONE, null);
        assertThat(p.shrinks(at)).isNotEmpty().allSatisfy(s -> assertThat(Elements.same(s.get("Y"), at.get("Y")))
                .as("Y after shrinking %s", s.get("Y")).isTrue());
    }

    @Test
    void aWrongGradientAtRandomPointsReportsASeedToRerun() {
        Checks.Points points = rng -> Tensors.of("A", uniform(rng), "Y", uniform(rng));
        AssertionFailedError e = catchThrowableOfType(AssertionFailedError.class, () -> Checks.standalone("02-losses-and-output-delta")
                .forAllPoints("dA", points, squaredError((a, y) -> a.sub(y)).holding("Y")));
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("-Dkata.seed=").contains("dA is exactly 2 times");
    }

    private static INDArray uniform(SplittableRandom rng) {
        return Nd4j.createFromArray(new double[][] {{rng.nextDouble(-2, 2), rng.nextDouble(-2, 2)}, {rng.nextDouble(-2, 2), rng.nextDouble(-2, 2)}});
    }
}
