package kata.gradientchecker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

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
import kata.gradientchecker.GradientChecker.Result;
import kata.gradientchecker.GradientChecker.ScalarFunction;
import kata.support.ShapeText;

@Exercise("12-gradient-checker")
@DisplayName("12 gradient checker")
class GradientCheckerTest {

    /**
     * A central difference of a quadratic has no truncation error; what is left is rounding,
     * about 1e-16·|f| / h ≈ 1e-10 for |f| ≈ 10. For sin the truncation h²/6 ≈ 2e-11 adds little.
     */
    private static final double FD_ROUNDING = 1e-9;

    /** relativeError is one division: exact to a few ulps. */
    private static final double EXACT = 1e-15;

    private static INDArray squareX() {
        return Nd4j.createFromArray(new double[][] {{0.3, -1.2, 2.0}, {0.7, 1.1, -0.4}, {-2.2, 0.05, 1.4}});
    }

    private static INDArray columnX() {
        return Nd4j.createFromArray(new double[][] {{1}, {-2}, {0.5}});
    }

    @Test
    void relativeErrorIsMeasuredAgainstTheLargerValue() {
        assertThat(GradientChecker.relativeError(1.0, 1.1)).as("|1 − 1.1| / max(1, 1.1)").isCloseTo(0.1 / 1.1, within(EXACT));
        assertThat(GradientChecker.relativeError(-2.0, 2.0)).as("|−2 − 2| / 2: a flipped sign is an error of 2").isCloseTo(2.0, within(EXACT));
    }

    @Test
    void relativeErrorOfTinyValuesIsMeasuredAgainstTheFloor() {
        assertThat(GradientChecker.relativeError(0.0, 1e-11)).as("|0 − 1e-11| / FLOOR (1e-3), not / 1e-11 (which is 1)")
                .isCloseTo(1e-8, within(EXACT));
        assertThat(GradientChecker.relativeError(0.0, 0.0)).as("0 against 0: no error, and no 0/0").isEqualTo(0.0);
    }

    @Test
    void numericalGradientOfTheSumOfSquaresIsTwiceX() {
        INDArray x = Nd4j.createFromArray(new double[][] {{0.5, -1.5, 2.0}, {3.0, 0.0, -0.25}});

        INDArray numerical = GradientChecker.numericalGradient(Functions.SUM_OF_SQUARES, x);

        assertThat(numerical.shape()).as("shape of the numerical gradient of a 2×3 x; it is %s", Shapes.of(numerical)).containsExactly(2, 3);
        assertThat(Elements.toArray(numerical)).as("((x + h)² − (x − h)²) / 2h = 2x, element by element, row-major")
                .containsExactly(Elements.toArray(Functions.sumOfSquaresGradient(x)), within(FD_ROUNDING));
    }

    @Test
    void numericalGradientOfAQuadraticMatchesItsExactGradient() {
        INDArray x = columnX();

        INDArray numerical = GradientChecker.numericalGradient(Functions.QUADRATIC, x);

        assertThat(Elements.toArray(numerical)).as("numerical gradient of ½ xᵀMx + cᵀx against ½(M + Mᵀ)x + c")
                .containsExactly(Elements.toArray(Functions.quadraticGradient(x)), within(FD_ROUNDING));
    }

    @Test
    void numericalGradientMatchesTheHarnessAtRandomPoints(Checks checks) {
        // Your numerical gradient is handed to the harness as if it were an analytic one; the harness
        // compares it with its own central differences of the same function.
        ScalarFunction f = Functions.SINES_AND_SQUARED_SUM;
        checks.forAllPoints("GradientChecker.numericalGradient of Σ sin(X) + ½(Σ X)²", GradientCheckerTest::randomX, new Differentiable() {
            @Override
            public double value(Tensors at) {
                return f.at(at.get("X"));
            }

            @Override
            public Tensors gradient(Tensors at) {
                return Tensors.of("X", GradientChecker.numericalGradient(f, at.get("X")));
            }
        });
    }

    @Test
    void checkAcceptsTheRightGradientOfAQuadratic() {
        INDArray x = columnX();

        Result r = GradientChecker.check(Functions.QUADRATIC, x, Functions.quadraticGradient(x));

        assertAccepted("½ xᵀMx + cᵀx with its gradient ½(M + Mᵀ)x + c", r);
    }

    @Test
    void checkAcceptsTheRightGradientOfSines() {
        INDArray x = squareX();

        Result r = GradientChecker.check(Functions.SINES, x, Functions.sinesGradient(x));

        assertAccepted("Σ S ⊙ sin(X) with its gradient S ⊙ cos(X)", r);
    }

    @Test
    void checkAcceptsTheRightGradientOfASmallSigmoidNetworkLoss() {
        INDArray w1 = XorNetwork.w1();

        Result r = GradientChecker.check(XorNetwork.LOSS, w1, XorNetwork.gradient(w1));

        assertAccepted("the XOR network's squared error as a function of W1, with dW1 by backpropagation", r);
    }

    @Test
    void checkAcceptsAnExactZeroWhereTheFiniteDifferenceIsOnlyTruncationError() {
        // At x = 0 the gradient e^x − 1 is exactly 0; the central difference is sinh(h)/h − 1 ≈ h²/6 ≈ 2e-11.
        // Relative to the larger of the two that is an error of 1; relative to the floor it is 2e-8.
        INDArray x = Nd4j.createFromArray(new double[][] {{0.0, 0.5, -1.0}});

        Result r = GradientChecker.check(Functions.EXP_MINUS_X, x, Functions.expMinusXGradient(x));

        assertAccepted("Σ (e^x − x) at a point where one element of the gradient is exactly 0", r);
    }

    @Test
    void checkRejectsAGradientWithItsSignFlipped() {
        INDArray w1 = XorNetwork.w1();

        Result r = GradientChecker.check(XorNetwork.LOSS, w1, XorNetwork.gradient(w1).neg());

        assertRejected("−dW1 (gradient ascent: (Y − A) where (A − Y) belongs)", r);
    }

    @Test
    void checkRejectsAGradientTwiceTooLarge() {
        INDArray w1 = XorNetwork.w1();

        Result r = GradientChecker.check(XorNetwork.LOSS, w1, XorNetwork.gradient(w1).mul(2));

        assertRejected("2·dW1 (the ½ of the squared error forgotten)", r);
    }

    @Test
    void checkRejectsAGradientWithOneElementWrongAndPointsAtIt() {
        INDArray x = columnX();
        INDArray wrong = Functions.quadraticGradient(x);
        wrong.putScalar(1, 0, wrong.getDouble(1, 0) + 1e-3);

        Result r = GradientChecker.check(Functions.QUADRATIC, x, wrong);

        assertRejected("the quadratic's gradient with element [1,0] off by 1e-3", r);
        assertThat(r.worstIndex()).as("the worst element's flat index: the one that was made wrong").isEqualTo(1);
        assertThat(r.analytic()).as("the analytic value reported at the worst element").isEqualTo(wrong.getDouble(1, 0));
        assertThat(r.numerical()).as("the numerical value reported at the worst element")
                .isCloseTo(Functions.quadraticGradient(x).getDouble(1, 0), within(FD_ROUNDING));
    }

    @Test
    void checkRejectsATransposedGradient() {
        // Square, so the shapes agree and only the values can tell; S is not symmetric, so they do.
        INDArray x = squareX();

        Result r = GradientChecker.check(Functions.SINES, x, Functions.sinesGradient(x).transpose().dup('c'));

        assertRejected("(S ⊙ cos X)ᵀ, the gradient of a 3×3 X transposed", r);
    }

    @Test
    void checkRejectsAGradientContainingNaN() {
        // NaN > worst is false, so a loop that keeps the largest error with > never sees it.
        INDArray x = squareX();
        INDArray g = Functions.sinesGradient(x);
        g.putScalar(2, 1, Double.NaN);

        Result r = GradientChecker.check(Functions.SINES, x, g);

        assertRejected("S ⊙ cos X with NaN at [2,1]", r);
        assertThat(r.worstIndex()).as("the worst element's flat index: the NaN at [2,1]").isEqualTo(7);
    }

    @Test
    void checkRejectsAGradientOfAnotherShapeNamingBothShapes() {
        INDArray x = Nd4j.createFromArray(new double[][] {{0.1, 0.2, 0.3}, {0.4, 0.5, 0.6}});
        INDArray transposed = Functions.sumOfSquaresGradient(x).transpose().dup('c');

        Throwable thrown = catchThrowable(() -> GradientChecker.check(Functions.SUM_OF_SQUARES, x, transposed));

        if (thrown instanceof UnsupportedOperationException stub) {
            throw stub; // still the stub: its "not implemented yet" says more than a wrong exception type
        }
        assertThat(thrown).as("check with x 2×3 and an analytic gradient 3×2 must throw IllegalArgumentException")
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(ShapeText.namesBoth(thrown.getMessage(), 2, 3, 3, 2))
                .as("the message names both shapes, 2×3 and 3×2; it was: %s", thrown.getMessage()).isTrue();
    }

    @Test
    void numericalGradientLeavesItsInputBitForBitUnchanged() {
        // 0.1 + h − 2h + h is 0.09999999999999999: restoring by arithmetic leaves x changed in its last bits.
        INDArray x = Nd4j.createFromArray(new double[][] {{0.1, 1.0 / 3, 0.7}, {-2.9, 1e-3, 123.456}});
        INDArray before = x.dup();

        GradientChecker.numericalGradient(Functions.SUM_OF_SQUARES, x);

        assertThat(Elements.same(x, before)).as("x after numericalGradient, bit for bit: restore each element to its saved"
                + " value; now %s, was %s", full(x), full(before)).isTrue();
    }

    @Test
    void numericalGradientRestoresItsInputWhenTheFunctionThrows() {
        // The function fails on its third call, in the middle of the second element.
        INDArray x = Nd4j.createFromArray(new double[][] {{0.25, -0.5, 0.75}});
        INDArray before = x.dup();
        RuntimeException boom = new IllegalStateException("the function under test failed on purpose");
        int[] calls = {0};
        ScalarFunction failing = v -> {
            if (++calls[0] == 3) {
                throw boom;
            }
            return Functions.SUM_OF_SQUARES.at(v);
        };

        Throwable thrown = catchThrowable(() -> GradientChecker.numericalGradient(failing, x));

        if (thrown instanceof UnsupportedOperationException stub) {
            throw stub;
        }
        assertThat(thrown).as("the function's own exception, passed on to the caller, not swallowed").isSameAs(boom);
        assertThat(Elements.same(x, before)).as("x after the function threw: the perturbed element is restored in a"
                + " finally; now %s, was %s", full(x), full(before)).isTrue();
    }

    @Test
    void checkLeavesItsArgumentsUnchanged() {
        INDArray x = squareX();
        INDArray analytic = Functions.sinesGradient(x);
        INDArray analyticBefore = analytic.dup();

        GradientChecker.check(Functions.SINES, x, analytic);

        assertThat(Elements.same(x, squareX())).as("x after check").isTrue();
        assertThat(Elements.same(analytic, analyticBefore)).as("the analytic gradient after check").isTrue();
    }

    private static void assertAccepted(String what, Result r) {
        assertThat(r.passed()).as("check(%s) passed; the worst element was %s with relative error %s (analytic %s, numerical %s)",
                what, r.worstIndex(), r.worstError(), r.analytic(), r.numerical()).isTrue();
        assertThat(r.worstError()).as("the worst relative error of an accepted gradient, at most TOLERANCE")
                .isLessThanOrEqualTo(GradientChecker.TOLERANCE);
    }

    private static void assertRejected(String what, Result r) {
        assertThat(r.passed()).as("check(%s) must fail; it passed with worst element %s, relative error %s",
                what, r.worstIndex(), r.worstError()).isFalse();
        assertThat(r.worstIndex()).as("a failed check names an element, a flat index ≥ 0").isGreaterThanOrEqualTo(0);
    }

    /** Every digit, row-major: ND4J's own printing rounds to 4 decimals and would hide the difference. */
    private static String full(INDArray a) {
        return java.util.Arrays.toString(Elements.toArray(a));
    }

    /** X of 1–4 rows (1 half of the time) and 1–4 columns, values in [−2, 2]. */
    static Tensors randomX(SplittableRandom rng) {
        int rows = rng.nextBoolean() ? 1 : 2 + rng.nextInt(3);
        int cols = 1 + rng.nextInt(4);
        double[][] v = new double[rows][cols];
        for (double[] row : v) {
            for (int j = 0; j < cols; j++) {
                row[j] = rng.nextDouble(-2, 2);
            }
        }
        return Tensors.of("X", Nd4j.createFromArray(v));
    }
}
