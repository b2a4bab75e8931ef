package kata.losses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import java.util.function.BiFunction;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

import backprop.harness.api.Tensors;
import backprop.harness.check.Differentiable;
import backprop.harness.core.Elements;
import backprop.harness.junit.Checks;
import backprop.harness.junit.Exercise;
import kata.support.ShapeText;

@Exercise("02-losses-and-output-delta")
@DisplayName("02 losses and output delta")
class LossesTest {

    /** Exact to rounding: these batches are small enough to work out by hand. */
    private static final double HAND = 1e-12;

    /** Two right ways of computing the same delta (of size ≤ 1) differ by a few ulps. */
    private static final double ROUNDING = 1e-15;

    // Fresh arrays for every call, so that code which writes into its arguments cannot spoil another test.

    /** A small batch: m = 2 samples, k = 2 outputs, so averaging over m and over all m·k elements differ. */
    private static INDArray a2x2() {
        return Nd4j.createFromArray(new double[][] {{0.5, 0.2}, {0.8, 0.6}});
    }

    private static INDArray y2x2() {
        return Nd4j.createFromArray(new double[][] {{1, 0}, {0, 1}});
    }

    /** One output, two samples: the first right at 1/2, the second confidently wrong. */
    private static INDArray a2x1() {
        return Nd4j.createFromArray(new double[][] {{0.5}, {0.8}});
    }

    private static INDArray y2x1() {
        return Nd4j.createFromArray(new double[][] {{1}, {0}});
    }

    @Test
    void squaredErrorOfASmallBatchIsWorkedOutByHand() {
        // A − Y = [[−0.5, 0.2], [0.8, −0.4]]; squares sum to 0.25 + 0.04 + 0.64 + 0.16 = 1.09; J = 1.09 / (2·2).
        assertThat(Losses.squaredError(a2x2(), y2x2()))
                .as("J = 1/(2m) Σ (A − Y)² with m = 2 rows (dividing by all 4 elements would give 0.13625)")
                .isCloseTo(0.2725, within(HAND));
    }

    @Test
    void crossEntropyOfASmallBatchIsWorkedOutByHand() {
        // −1/2 [1·log 0.5 + (1 − 0)·log(1 − 0.8)] = (log 2 + log 5) / 2 = log(10) / 2.
        assertThat(Losses.crossEntropy(a2x1(), y2x1())).as("J = −1/m Σ [Y log A + (1 − Y) log(1 − A)] with m = 2")
                .isCloseTo(Math.log(10) / 2, within(HAND));
    }

    @Test
    void squaredErrorGradientOfASmallBatchIsWorkedOutByHand() {
        // dA = (A − Y) / m = [[−0.5, 0.2], [0.8, −0.4]] / 2.
        assertThat(values(Losses.squaredErrorGradient(a2x2(), y2x2()))).as("dA = (A − Y) / m, row by row, m = 2")
                .containsExactly(new double[] {-0.25, 0.1, 0.4, -0.2}, within(HAND));
    }

    @Test
    void crossEntropyGradientOfASmallBatchIsWorkedOutByHand() {
        // dA = (A − Y) / (A(1 − A)) / m: (0.5 − 1) / 0.25 / 2 = −1 and (0.8 − 0) / 0.16 / 2 = 2.5.
        assertThat(values(Losses.crossEntropyGradient(a2x1(), y2x1()))).as("dA = (A − Y) / (A ⊙ (1 − A)) / m, m = 2")
                .containsExactly(new double[] {-1, 2.5}, within(HAND));
    }

    @Test
    void outputDeltasOfASmallBatchAreWorkedOutByHand() {
        // A = [0.8, 0.5], Y = [0, 1], m = 2.  Cross-entropy: (A − Y)/m = [0.4, −0.25].
        // Squared error: (A − Y) ⊙ A(1 − A)/m = [0.8·0.16, −0.5·0.25]/2 = [0.064, −0.0625].
        INDArray A = Nd4j.createFromArray(new double[][] {{0.8}, {0.5}});
        INDArray Y = Nd4j.createFromArray(new double[][] {{0}, {1}});

        assertThat(values(OutputDelta.sigmoidCrossEntropy(A, Y))).as("dZ = (A − Y) / m for sigmoid + cross-entropy")
                .containsExactly(new double[] {0.4, -0.25}, within(HAND));
        assertThat(values(OutputDelta.sigmoidSquaredError(A, Y))).as("dZ = (A − Y) ⊙ A ⊙ (1 − A) / m for sigmoid + squared error")
                .containsExactly(new double[] {0.064, -0.0625}, within(HAND));
    }

    @Test
    void squaredErrorGradientMatchesFiniteDifferencesAtRandomPoints(Checks checks) {
        checks.forAllPoints("Losses.squaredErrorGradient as ∂J/∂A", LossPoints.ANY_TARGETS,
                lossOfA(Reference::squaredError, Losses::squaredErrorGradient));
    }

    @Test
    void crossEntropyGradientMatchesFiniteDifferencesAtRandomPoints(Checks checks) {
        checks.forAllPoints("Losses.crossEntropyGradient as ∂J/∂A", LossPoints.LABELS,
                lossOfA(Reference::crossEntropy, Losses::crossEntropyGradient));
    }

    @Test
    void yourSquaredErrorIsWhatYourGradientDifferentiatesAtRandomPoints(Checks checks) {
        checks.forAllPoints("Losses.squaredError, differentiated by your squaredErrorGradient", LossPoints.ANY_TARGETS,
                lossOfA(Losses::squaredError, Losses::squaredErrorGradient),
                backprop.harness.check.FiniteDifferences.KinkGuard.NONE,
                at -> Tensors.of("A", Reference.squaredErrorDA(at.get("A"), at.get("Y"))));
    }

    @Test
    void yourCrossEntropyIsWhatYourGradientDifferentiatesAtRandomPoints(Checks checks) {
        checks.forAllPoints("Losses.crossEntropy, differentiated by your crossEntropyGradient", LossPoints.LABELS,
                lossOfA(Losses::crossEntropy, Losses::crossEntropyGradient),
                backprop.harness.check.FiniteDifferences.KinkGuard.NONE,
                at -> Tensors.of("A", Reference.crossEntropyDA(at.get("A"), at.get("Y"))));
    }

    @Test
    void yourLossesEqualTheReferenceAtRandomPoints() {
        for (long seed = 0; seed < 100; seed++) {
            Tensors se = LossPoints.ANY_TARGETS.at(new SplittableRandom(seed));
            sameLoss("Losses.squaredError", Losses.squaredError(se.get("A").dup(), se.get("Y").dup()),
                    Reference.squaredError(se.get("A"), se.get("Y")), seed);
            Tensors ce = LossPoints.LABELS.at(new SplittableRandom(seed));
            sameLoss("Losses.crossEntropy", Losses.crossEntropy(ce.get("A").dup(), ce.get("Y").dup()),
                    Reference.crossEntropy(ce.get("A"), ce.get("Y")), seed);
        }
    }

    /** Both are the same sums in double: a few ulps apart; a wrong constant or term is far more. */
    private static void sameLoss(String what, double yours, double reference, long seed) {
        double ratio = yours / reference;
        String hint = Math.abs(ratio - 2) < 1e-9 ? " (twice: the ½ is missing)"
                : Math.abs(ratio - 1 / Math.log(2)) < 1e-9 ? " (1/ln 2 times: a logarithm in base 2 where the natural log belongs)"
                : Math.abs(ratio - 1 / Math.log(10)) < 1e-9 ? " (1/ln 10 times: log10 where the natural log belongs)"
                : " (" + ratio + " times the reference's)";
        assertThat(Math.abs(yours - reference)).as(what + " at the random point of seed " + seed + " (LossPoints): yours "
                + yours + ", the reference's " + reference + hint + "; look at its constants, its logarithm and its 1/m")
                .isLessThanOrEqualTo(1e-12 * Math.max(1, Math.abs(reference)));
    }

    @Test
    void squaredErrorDeltaMatchesFiniteDifferencesOfTheLossOfZ(Checks checks) {
        checks.forAllPoints("OutputDelta.sigmoidSquaredError as ∂J/∂Z with A = σ(Z)", LossPoints.Z_ANY_TARGETS,
                lossOfZ(Reference::squaredError, OutputDelta::sigmoidSquaredError));
    }

    @Test
    void crossEntropyDeltaMatchesFiniteDifferencesOfTheLossOfZ(Checks checks) {
        checks.forAllPoints("OutputDelta.sigmoidCrossEntropy as ∂J/∂Z with A = σ(Z)", LossPoints.Z_LABELS,
                lossOfZ(Reference::crossEntropy, OutputDelta::sigmoidCrossEntropy));
    }

    @Test
    void squaredErrorDeltaIsTheCrossEntropyDeltaTimesTheSlope() {
        // The two deltas differ by the factor σ'(Z) = A(1 − A) ≤ 1/4: using one where the other belongs is caught here.
        SplittableRandom rng = new SplittableRandom(4);
        INDArray A = LossPoints.uniform(rng, 5, 3, 0.02, 0.98);
        INDArray Y = LossPoints.labels(rng, 5, 3);

        INDArray squared = OutputDelta.sigmoidSquaredError(A, Y);
        INDArray crossEntropy = OutputDelta.sigmoidCrossEntropy(A, Y);

        for (int i = 0; i < A.length(); i++) {
            double a = Elements.get(A, i);
            assertThat(Elements.get(squared, i))
                    .as("squared-error delta against cross-entropy delta × a(1 − a), element %s of a random 5×3 batch",
                            Elements.label(A, i))
                    .isCloseTo(Elements.get(crossEntropy, i) * a * (1 - a), within(ROUNDING));
        }
    }

    @Test
    void everyFunctionRejectsTargetsShapedDifferentlyFromThePrediction() {
        // The question's trap: a 4×1 column of predictions against a 1×4 row of targets. ND4J's sub would
        // broadcast them into a 4×4 array without a word, and every number after it would be wrong.
        INDArray A = Nd4j.createFromArray(new double[][] {{0.6}, {0.4}, {0.3}, {0.7}});
        INDArray Y = Nd4j.createFromArray(new double[][] {{1, 1, 0, 0}});

        rejects("Losses.squaredError", () -> Losses.squaredError(A, Y));
        rejects("Losses.squaredErrorGradient", () -> Losses.squaredErrorGradient(A, Y));
        rejects("Losses.crossEntropy", () -> Losses.crossEntropy(A, Y));
        rejects("Losses.crossEntropyGradient", () -> Losses.crossEntropyGradient(A, Y));
        rejects("OutputDelta.sigmoidSquaredError", () -> OutputDelta.sigmoidSquaredError(A, Y));
        rejects("OutputDelta.sigmoidCrossEntropy", () -> OutputDelta.sigmoidCrossEntropy(A, Y));
    }

    @Test
    void noFunctionChangesItsArguments() {
        INDArray A = a2x2();
        INDArray Y = y2x2();

        Losses.squaredError(A, Y);
        Losses.squaredErrorGradient(A, Y);
        Losses.crossEntropy(A, Y);
        Losses.crossEntropyGradient(A, Y);
        OutputDelta.sigmoidSquaredError(A, Y);
        OutputDelta.sigmoidCrossEntropy(A, Y);

        assertThat(Elements.same(A, a2x2())).as("A after all six calls: an in-place op (subi, muli, divi,"
                + " Transforms.log(A, false)) wrote into the caller's prediction").isTrue();
        assertThat(Elements.same(Y, y2x2())).as("Y after all six calls: an in-place op wrote into the caller's targets").isTrue();
    }

    private static void rejects(String function, ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        if (thrown instanceof UnsupportedOperationException stub) {
            throw stub; // still the stub: its "not implemented yet" says more than a wrong exception type
        }
        assertThat(thrown).as("%s with A 4×1 and Y 1×4 must throw IllegalArgumentException naming both shapes", function)
                .isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> assertThat(ShapeText.namesBoth(e.getMessage(), 4, 1, 1, 4))
                        .as("%s's message names both shapes (4×1 and 1×4); it was: %s", function, e.getMessage()).isTrue());
    }

    static double[] values(INDArray a) {
        return Elements.toArray(a);
    }

    /** J as a function of A with the targets Y held fixed, from the test's reference loss; its ∂J/∂A is the learner's gradient. */
    static Differentiable lossOfA(BiFunction<INDArray, INDArray, Double> loss, BiFunction<INDArray, INDArray, INDArray> dA) {
        return Differentiable.of(at -> loss.apply(at.get("A"), at.get("Y")),
                at -> Tensors.of("A", dA.apply(at.get("A"), at.get("Y")))).holding("Y");
    }

    /** J as a function of Z through A = σ(Z), Y held fixed; its ∂J/∂Z is the learner's output delta. */
    static Differentiable lossOfZ(BiFunction<INDArray, INDArray, Double> loss, BiFunction<INDArray, INDArray, INDArray> dZ) {
        return Differentiable.of(at -> loss.apply(Transforms.sigmoid(at.get("Z"), true), at.get("Y")),
                at -> Tensors.of("Z", dZ.apply(Transforms.sigmoid(at.get("Z"), true), at.get("Y")))).holding("Y");
    }
}
