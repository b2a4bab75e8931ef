package backprop.harness.check;

import backprop.harness.core.Elements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import backprop.harness.api.Tensors;
import backprop.harness.core.Nd4jSetup;

class FiniteDifferencesTest {
    /** Central differences of a cubic are exact up to h²·f'''/6 = 1e-10 here, plus rounding. */
    private static final double CUBIC = 1e-8;

    @BeforeAll
    static void nd4j() {
        Nd4jSetup.ensure();
    }

    private static double cube(Tensors t) {
        INDArray x = t.get("x");
        return x.mul(x).mul(x).sumNumber().doubleValue();
    }

    @Test
    void theCentralDifferenceOfACubeIsThreeTimesTheSquare() {
        Tensors at = Tensors.of("x", Nd4j.createFromArray(new double[][] {{0.5, -2.0, 3.0}}));

        FiniteDifferences.Estimate e = FiniteDifferences.element(FiniteDifferencesTest::cube, at, "x", 1, FiniteDifferences.KinkGuard.NONE);

        assertThat(e.skipped()).isFalse();
        assertThat(e.value()).as("d(x³)/dx at x = −2").isCloseTo(12.0, within(CUBIC));
        assertThat(e.noise()).as("the step-2h error estimate of a cubic: 2·|3h²·f'''/6| = 6e-10").isLessThan(1e-8);
    }

    @Test
    void theCallersArraysAreNeverChanged() {
        Tensors at = Tensors.of("x", Nd4j.createFromArray(new double[][] {{0.5, -2.0, 3.0}}));
        INDArray before = at.get("x").dup();

        FiniteDifferences.element(FiniteDifferencesTest::cube, at, "x", 2, FiniteDifferences.KinkGuard.NONE);
        FiniteDifferences.along(FiniteDifferencesTest::cube, at, FiniteDifferences.randomDirection(at, new SplittableRandom(1)),
                FiniteDifferences.KinkGuard.NONE);

        assertThat(Elements.same(at.get("x"), before)).as("x after finite differences").isTrue();
    }

    @Test
    void aStepAcrossAKinkIsSkippedNotCompared() {
        Tensors at = Tensors.of("x", Nd4j.createFromArray(new double[][] {{1e-6}}));
        FiniteDifferences.KinkGuard zero = (from, to) -> Math.signum(from.get("x").getDouble(0)) != Math.signum(to.get("x").getDouble(0));

        FiniteDifferences.Estimate e = FiniteDifferences.element(t -> Math.max(0, t.get("x").getDouble(0)), at, "x", 0, zero);

        assertThat(e.skipped()).as("relu at 1e-6 with step 1e-5").isTrue();
    }

    @Test
    void theDirectionalDerivativeIsTheGradientDottedWithTheDirection() {
        Tensors at = Tensors.of("x", Nd4j.createFromArray(new double[][] {{0.5, -2.0}, {1.0, 0.25}}));
        Tensors v = FiniteDifferences.randomDirection(at, new SplittableRandom(7));
        double expected = 0;
        for (int i = 0; i < 4; i++) {
            double x = Elements.get(at.get("x"), i);
            expected += 3 * x * x * Elements.get(v.get("x"), i);
        }

        FiniteDifferences.Estimate e = FiniteDifferences.along(FiniteDifferencesTest::cube, at, v, FiniteDifferences.KinkGuard.NONE);

        assertThat(e.value()).isCloseTo(expected, within(CUBIC));
    }

    @Test
    void aFunctionThatWritesIntoItsInputSpoilsNoLaterEstimate() {
        Tensors at = Tensors.of("x", Nd4j.createFromArray(new double[][] {{0.5, -2.0, 3.0}}));
        INDArray before = at.get("x").dup();
        // Reads its input, then scribbles over it (x *= 10) and swaps in another array: without the
        // repair after each call, every later evaluation would see the scribbles.
        FiniteDifferences.Function vandal = t -> {
            double v = cube(t);
            t.get("x").muli(10);
            t.put("x", Nd4j.zeros(1, 3));
            return v;
        };

        FiniteDifferences.Estimates e = FiniteDifferences.array(vandal, at, "x", FiniteDifferences.KinkGuard.NONE,
                FiniteDifferences.NeedsNoise.ALWAYS);

        assertThat(e.values()[0]).as("d(x³)/dx at 0.5").isCloseTo(0.75, within(CUBIC));
        assertThat(e.values()[1]).as("d(x³)/dx at −2").isCloseTo(12.0, within(CUBIC));
        assertThat(e.values()[2]).as("d(x³)/dx at 3").isCloseTo(27.0, within(CUBIC));
        assertThat(Elements.same(at.get("x"), before)).as("the caller's x").isTrue();
    }

    @Test
    void theSecondStepIsTakenOnlyWhereTheNoiseIsNeeded() {
        Tensors at = Tensors.of("x", Nd4j.createFromArray(new double[][] {{0.5, -2.0, 3.0, 1.0}}));
        int[] calls = {0};
        FiniteDifferences.Function counted = t -> {
            calls[0]++;
            return cube(t);
        };
        // The right gradient 3x², except element 2, which is 10% off: only it is near (past) its limit.
        double[] learner = {0.75, 12.0, 27.0 * 1.1, 3.0};

        FiniteDifferences.Estimates e = FiniteDifferences.array(counted, at, "x", FiniteDifferences.KinkGuard.NONE,
                FiniteDifferences.nearLimit(learner, Tolerance.FINITE_DIFFERENCE));

        assertThat(calls[0]).as("2 evaluations per element, 2 more for the one element near its limit").isEqualTo(2 * 4 + 2);
        assertThat(e.noise()[2]).as("the noise of element 2, measured: 2·|3h²·f'''/6| = 6e-10").isGreaterThan(0).isLessThan(1e-8);
        assertThat(e.noise()[0]).as("element 0, well inside its tolerance: noise not measured").isZero();
    }
}
