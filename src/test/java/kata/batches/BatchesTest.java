package kata.batches;

import static kata.support.SameValues.assertSameValues;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import backprop.harness.api.Activation;
import backprop.harness.cases.CaseGenerator;
import backprop.harness.cases.CaseSpace;
import backprop.harness.cases.CaseSpace.Head;
import backprop.harness.api.Loss;
import backprop.harness.cases.NetworkCase;
import backprop.harness.api.Tensors;
import backprop.harness.core.Elements;
import backprop.harness.check.NetworkUnderTest;
import backprop.harness.check.Tolerance;
import backprop.harness.junit.Checks;
import backprop.harness.junit.Exercise;
import kata.twolayer.TwoLayerNetwork;
import kata.twolayer.TwoLayerNetwork.Gradients;
import kata.twolayer.TwoLayerNetwork.Params;
import kata.walkthrough.TheQuestion;

@Exercise("06-batches-and-scaling")
@DisplayName("06 batches and scaling")
class BatchesTest {

    /** Exact to rounding: the hand-worked cases use only halves, quarters and their halves, exact in binary. */
    private static final double HAND = 1e-12;

    /** The same for whole hand-worked arrays: their values are exact in binary, so the harness's rounding tolerance is ample. */
    private static final Tolerance HAND_ARRAYS = Tolerance.REFERENCE;

    /**
     * The mean of the per-sample gradients and the one-pass batch gradient are the same sums
     * taken in another order (row by row here, inside one matrix product in exercise 04), so
     * they agree to rounding, a few ulps: the harness's tolerance for "exact up to rounding".
     */
    private static final Tolerance SAME_TO_ROUNDING = Tolerance.REFERENCE;

    /** Two layers with biases (exercise 04's Params has them), squared error or cross-entropy, batch 1–6. */
    static final CaseSpace BATCHES = CaseSpace.networks()
            .withHiddenLayers(1, 1).withInputs(1, 4).withWidth(1, 6).withOutputs(1, 3).withBatch(1, 6)
            .withHiddenActivations(Activation.SIGMOID)
            .withHeads(Head.of(Activation.SIGMOID, Loss.MSE), Head.of(Activation.SIGMOID, Loss.BCE))
            .withBiases(CaseSpace.Biases.ALWAYS);

    /** The same networks with one sample each: what SGD sees. */
    static final CaseSpace ONE_SAMPLE = BATCHES.withBatch(1, 1);

    /** The learner's per-sample gradient, for cases of one sample; the loss is the batch loss of that one row. */
    static final NetworkUnderTest SAMPLE = NetworkUnderTest.of(
            c -> Batches.loss(c.x(), c.y(), params(c), c.spec().loss()),
            c -> named(Batches.ofSample(c.x(), c.y(), params(c), c.spec().loss())));

    /** The learner's batch gradient, the mean over the rows. */
    static final NetworkUnderTest BATCH = NetworkUnderTest.of(
            c -> Batches.loss(c.x(), c.y(), params(c), c.spec().loss()),
            c -> named(Batches.ofBatch(c.x(), c.y(), params(c), c.spec().loss())));

    static Params params(NetworkCase c) {
        Tensors t = c.params();
        return new Params(t.get("W1"), t.get("b1"), t.get("W2"), t.get("b2"));
    }

    static Tensors named(Gradients g) {
        return Tensors.of("W1", g.dW1(), "b1", g.db1(), "W2", g.dW2(), "b2", g.db2());
    }

    /**
     * 1 input, 1 hidden unit, 1 output; W1 = 0, b1 = 0, W2 = 1, b2 = −0.5, so for any x:
     * z1 = 0, a1 = 0.5, z2 = 0.5 − 0.5 = 0, a2 = 0.5. Two samples, x = 2 with y = 1 and x = 4
     * with y = 0.5: the second is already right, so its loss and gradients are all zero.
     */
    private static final class HandCase {
        static INDArray x() {
            return Nd4j.createFromArray(new double[][] {{2}, {4}});
        }

        static INDArray y() {
            return Nd4j.createFromArray(new double[][] {{1}, {0.5}});
        }

        static Params params() {
            return new Params(scalar(0), scalar(0), scalar(1), scalar(-0.5));
        }
    }

    @Test
    void meanOfTwoGradientsIsTheirAverageElementByElement() {
        Gradients ones = filled(1);
        Gradients threes = filled(3);

        Gradients mean = Batches.mean(List.of(ones, threes));

        assertSameValues("mean dW1 of (1 and 3)", mean.dW1(), Nd4j.valueArrayOf(new long[] {2, 3}, 2.0), HAND_ARRAYS);
        assertSameValues("mean db1 of (1 and 3)", mean.db1(), Nd4j.valueArrayOf(new long[] {1, 3}, 2.0), HAND_ARRAYS);
        assertSameValues("mean dW2 of (1 and 3)", mean.dW2(), Nd4j.valueArrayOf(new long[] {3, 1}, 2.0), HAND_ARRAYS);
        assertSameValues("mean db2 of (1 and 3)", mean.db2(), Nd4j.valueArrayOf(new long[] {1, 1}, 2.0), HAND_ARRAYS);
    }

    @Test
    void meanLeavesTheGradientsItAveragesAsTheyWere() {
        Gradients ones = filled(1);
        Gradients threes = filled(3);

        Batches.mean(List.of(ones, threes));

        assertThat(Elements.same(ones.dW1(), filled(1).dW1()) && Elements.same(ones.db2(), filled(1).db2()))
                .as("the first gradient after mean equals itself before: sum into new arrays, not with addi into it").isTrue();
        assertThat(Elements.same(threes.dW1(), filled(3).dW1()) && Elements.same(threes.db2(), filled(3).db2()))
                .as("the second gradient after mean equals itself before").isTrue();
    }

    @Test
    void lossOfTwoSamplesWorkedOutByHandIsTheMeanOfTheirLosses() {
        // J_1 = ½(0.5 − 1)² = 0.125, J_2 = ½(0.5 − 0.5)² = 0;  J = (0.125 + 0) / 2.
        double j = Batches.loss(HandCase.x(), HandCase.y(), HandCase.params(), Loss.MSE);

        assertThat(j).as("J = (J_1 + J_2) / m = (0.125 + 0) / 2: the mean, not the sum 0.125").isCloseTo(0.0625, within(HAND));
    }

    @Test
    void gradientsOfTwoSamplesWorkedOutByHandAreTheMeanOfTheirGradients() {
        // Sample 1: dZ2 = (0.5 − 1)·0.25 = −0.125, dW2 = a1·dZ2 = −0.0625, dZ1 = dZ2·W2·0.25 = −0.03125, dW1 = x·dZ1 = −0.0625.
        // Sample 2: a2 = y, so every gradient is 0.  The batch: each of sample 1's halved.
        Gradients g = Batches.ofBatch(HandCase.x(), HandCase.y(), HandCase.params(), Loss.MSE);

        assertThat(g.db2().getDouble(0)).as("db2 = (−0.125 + 0) / 2, the mean of the samples' dZ2").isCloseTo(-0.0625, within(HAND));
        assertThat(g.dW2().getDouble(0)).as("dW2 = (−0.0625 + 0) / 2").isCloseTo(-0.03125, within(HAND));
        assertThat(g.db1().getDouble(0)).as("db1 = (−0.03125 + 0) / 2").isCloseTo(-0.015625, within(HAND));
        assertThat(g.dW1().getDouble(0)).as("dW1 = (2 · −0.03125 + 0) / 2").isCloseTo(-0.03125, within(HAND));
    }

    @Test
    void sampleGradientsAreRightOnRandomOneSampleNetworks(Checks checks) {
        checks.forAll(ONE_SAMPLE, SAMPLE);
    }

    @Test
    void batchGradientsAreRightOnRandomNetworks(Checks checks) {
        checks.forAll(BATCHES, BATCH);
    }

    @Test
    void batchGradientIsTheMeanOfThePerSampleGradients(Checks checks) {
        // Uses exercise 04's TwoLayerNetwork for the one-pass batch gradient: that exercise must pass first.
        String test = "BatchesTest#batchGradientIsTheMeanOfThePerSampleGradients";
        for (long seed : checks.settings().seeds(test)) {
            NetworkCase c = CaseGenerator.generate(BATCHES, seed);
            Params p = params(c);
            Loss loss = c.spec().loss();
            List<Gradients> perSample = new ArrayList<>();
            for (int i = 0; i < c.m(); i++) {
                perSample.add(Batches.ofSample(c.x().getRow(i, true), c.y().getRow(i, true), p, loss));
            }

            Gradients mean = Batches.mean(perSample);
            Gradients onePass = TwoLayerNetwork.backward(TwoLayerNetwork.forward(c.x(), p), c.y(), p, loss);

            String where = " against exercise 04's one-pass gradient, " + c + "; rerun: mvn test"
                    + (checks.settings().solutions() ? " -Psolutions" : "") + " -Dtest='" + test + "' -Dkata.seed=" + seed;
            assertSameValues("mean of the per-sample dW1" + where, mean.dW1(), onePass.dW1(), SAME_TO_ROUNDING);
            assertSameValues("mean of the per-sample db1" + where, mean.db1(), onePass.db1(), SAME_TO_ROUNDING);
            assertSameValues("mean of the per-sample dW2" + where, mean.dW2(), onePass.dW2(), SAME_TO_ROUNDING);
            assertSameValues("mean of the per-sample db2" + where, mean.db2(), onePass.db2(), SAME_TO_ROUNDING);
        }
    }

    @Test
    void aBatchOfOneSampleHasTheGradientSgdStepsAlong() {
        // Each row of the question's batch, on its own: with m = 1 the batch mean is that sample's gradient, no 1/4.
        Params p = params(TheQuestion.xorCase());
        INDArray x = TheQuestion.x();
        INDArray y = TheQuestion.y();
        for (int i = 0; i < x.rows(); i++) {
            Gradients sgd = Batches.ofSample(x.getRow(i, true), y.getRow(i, true), p, Loss.MSE);

            Gradients batchOfOne = Batches.ofBatch(x.getRow(i, true), y.getRow(i, true), p, Loss.MSE);

            String which = " for the XOR batch's row " + i + " alone (m = 1)";
            assertSameValues("ofBatch's dW1 against ofSample's" + which, batchOfOne.dW1(), sgd.dW1(), SAME_TO_ROUNDING);
            assertSameValues("ofBatch's db1 against ofSample's" + which, batchOfOne.db1(), sgd.db1(), SAME_TO_ROUNDING);
            assertSameValues("ofBatch's dW2 against ofSample's" + which, batchOfOne.dW2(), sgd.dW2(), SAME_TO_ROUNDING);
            assertSameValues("ofBatch's db2 against ofSample's" + which, batchOfOne.db2(), sgd.db2(), SAME_TO_ROUNDING);
        }
    }

    @Test
    void ofBatchStartsItsSumsFromZeroOnEveryCall() {
        Params p = params(TheQuestion.xorCase());

        Gradients first = Batches.ofBatch(TheQuestion.x(), TheQuestion.y(), p, Loss.MSE);
        Gradients second = Batches.ofBatch(TheQuestion.x(), TheQuestion.y(), p, Loss.MSE);

        String why = " on the second identical call equals the first: a sum kept from the call before and never reset"
                + " grows (the question sets w_grad1 = 0 once, before all iterations)";
        assertSameValues("dW1" + why, second.dW1(), first.dW1(), SAME_TO_ROUNDING);
        assertSameValues("db2" + why, second.db2(), first.db2(), SAME_TO_ROUNDING);
    }

    private static Gradients filled(double v) {
        return new Gradients(Nd4j.valueArrayOf(new long[] {2, 3}, v), Nd4j.valueArrayOf(new long[] {1, 3}, v),
                Nd4j.valueArrayOf(new long[] {3, 1}, v), Nd4j.valueArrayOf(new long[] {1, 1}, v));
    }

    private static INDArray scalar(double v) {
        return Nd4j.createFromArray(new double[][] {{v}});
    }
}
