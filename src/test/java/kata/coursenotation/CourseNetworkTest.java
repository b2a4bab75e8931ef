package kata.coursenotation;

import static kata.support.SameValues.assertSameValues;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import backprop.harness.api.Activation;
import backprop.harness.cases.CaseGenerator;
import backprop.harness.cases.CaseSpace;
import backprop.harness.cases.CaseSpace.Head;
import backprop.harness.api.Loss;
import backprop.harness.cases.NetworkCase;
import backprop.harness.api.Shapes;
import backprop.harness.api.Tensors;
import backprop.harness.core.Elements;
import backprop.harness.check.NetworkUnderTest;
import backprop.harness.check.Tolerance;
import backprop.harness.junit.Checks;
import backprop.harness.junit.Exercise;
import kata.twolayer.TwoLayerNetwork;
import kata.walkthrough.TheQuestion;

@Exercise("05-course-notation")
@DisplayName("05 course notation")
class CourseNetworkTest {

    /** Exact to rounding: the hand-worked case uses only halves, quarters and eighths, exact in binary. */
    private static final double HAND = 1e-12;

    /** The same for whole hand-worked arrays: their values are exact in binary, so the harness's rounding tolerance is ample. */
    private static final Tolerance HAND_ARRAYS = Tolerance.REFERENCE;

    /**
     * The same numbers computed in another order (the bias through the product instead of added
     * after it, 1/m at the end instead of in the delta) agree to rounding, a few ulps: the
     * harness's own tolerance for "exact up to rounding".
     */
    private static final Tolerance SAME_TO_ROUNDING = Tolerance.REFERENCE;

    /** Random cases compared between the notations; each costs two forward and backward passes, milliseconds. */
    private static final int COMPARED_CASES = 50;

    /** The harness's view of the learner's class: parameters folded into bias rows, gradients split back into W and b. */
    static final NetworkUnderTest NETWORK = NetworkUnderTest.of(
            c -> CourseNetwork.loss(CourseNetwork.forward(c.x(), BiasRows.weights(c.params())), c.y(), c.spec().loss()),
            c -> {
                CourseNetwork.Weights w = BiasRows.weights(c.params());
                CourseNetwork.Gradients g = CourseNetwork.backward(CourseNetwork.forward(c.x(), w), c.y(), w, c.spec().loss());
                requireSizeOf("wGrad1", g.wGrad1(), "weights1", w.weights1());
                requireSizeOf("wGrad2", g.wGrad2(), "weights2", w.weights2());
                return BiasRows.unfold(g);
            });

    /** A gradient of the wrong size cannot be split into a bias row and W: say what its size means instead. */
    static void requireSizeOf(String name, INDArray grad, String of, INDArray weights) {
        if (grad == null || grad.rank() != 2 || grad.rows() != weights.rows() || grad.columns() != weights.columns()) {
            boolean biasUnitKept = grad != null && grad.rank() == 2 && grad.columns() == weights.columns() + 1;
            throw new IllegalStateException(name + " is " + Shapes.of(grad) + " but " + of + " is " + Shapes.of(weights)
                    + ": a gradient has the size of the weights it belongs to."
                    + (biasUnitKept ? " One column too many: the bias unit's delta was kept; drop it, as delta2[:, 1:] does." : ""));
        }
    }

    /** Two layers, sigmoid everywhere, biases always (the course's notation has no layer without one). */
    static final CaseSpace TWO_LAYER = CaseSpace.networks()
            .withHiddenLayers(1, 1).withInputs(1, 4).withWidth(1, 6).withOutputs(1, 3).withBatch(1, 6)
            .withHiddenActivations(Activation.SIGMOID)
            .withHeads(Head.of(Activation.SIGMOID, Loss.MSE), Head.of(Activation.SIGMOID, Loss.BCE))
            .withBiases(CaseSpace.Biases.ALWAYS);

    /**
     * One sample x = 2, target 1; weights1 = [0; 0] (bias 0, weight 0), weights2 = [−0.5; 1].
     * a1 = [1, 2], z2 = 0, a2 = [1, 0.5], z3 = −0.5·1 + 1·0.5 = 0, a3 = 0.5, J = ½(0.5 − 1)² = 0.125.
     */
    private static final class HandCase {
        static INDArray x() {
            return Nd4j.createFromArray(new double[][] {{2}});
        }

        static INDArray y() {
            return Nd4j.createFromArray(new double[][] {{1}});
        }

        static CourseNetwork.Weights weights() {
            return new CourseNetwork.Weights(Nd4j.createFromArray(new double[][] {{0}, {0}}),
                    Nd4j.createFromArray(new double[][] {{-0.5}, {1}}));
        }
    }

    @Test
    void addBiasColumnPutsAOneInFrontOfEveryRow() {
        INDArray a = Nd4j.createFromArray(new double[][] {{2, 3}, {4, 5}});

        INDArray withOnes = CourseNetwork.addBiasColumn(a);

        assertSameValues("addBiasColumn([[2, 3], [4, 5]]): a column of ones, then A", withOnes,
                Nd4j.createFromArray(new double[][] {{1, 2, 3}, {1, 4, 5}}), HAND_ARRAYS);
    }

    @Test
    void forwardOnOneSampleGivesTheActivationsWorkedOutByHand() {
        CourseNetwork.Cache c = CourseNetwork.forward(HandCase.x(), HandCase.weights());

        assertSameValues("a1 = [1, x]: the input with its column of ones", c.a1(), Nd4j.createFromArray(new double[][] {{1, 2}}), HAND_ARRAYS);
        assertSameValues("a2 = [1, σ(z2)] = [1, σ(0)]: the hidden layer with its column of ones", c.a2(),
                Nd4j.createFromArray(new double[][] {{1, 0.5}}), HAND_ARRAYS);
        assertThat(c.a3().getDouble(0)).as("a3 = σ(a2 · weights2) = σ(−0.5 + 0.5)").isCloseTo(0.5, within(HAND));
        assertThat(CourseNetwork.loss(c, HandCase.y(), Loss.MSE)).as("J = ½(a3 − y)² = ½(0.5 − 1)²").isCloseTo(0.125, within(HAND));
    }

    @Test
    void deltasOfOneSampleAreTheOnesWorkedOutByHand() {
        // delta3 = (a3 − y)·a3·(1 − a3) = −0.5·0.25 = −0.125.
        // delta3 · weights2ᵀ = [0.0625, −0.125]; ⊙ a2(1 − a2) = [0, 0.25] gives [0, −0.03125];
        // the bias unit's column goes, delta2 = [−0.03125].
        CourseNetwork.Cache c = CourseNetwork.forward(HandCase.x(), HandCase.weights());

        CourseNetwork.Deltas d = CourseNetwork.deltas(c, HandCase.y(), HandCase.weights(), Loss.MSE);

        assertThat(d.delta3().getDouble(0)).as("delta3 = (a3 − y)·a3·(1 − a3)").isCloseTo(-0.125, within(HAND));
        assertThat(Shapes.of(d.delta2())).as("delta2 is m×n1 = 1×1: the bias unit's column is dropped (delta2[:, 1:])").isEqualTo("1×1");
        assertThat(d.delta2().getDouble(0)).as("delta2 = delta3·(weights2 row 1)·a2(1 − a2) = −0.125 · 1 · 0.25")
                .isCloseTo(-0.03125, within(HAND));
    }

    @Test
    void gradientsOfOneSampleAreTheOnesWorkedOutByHand() {
        // wGrad2 = a2ᵀ·delta3 = [1; 0.5]·(−0.125);  wGrad1 = a1ᵀ·delta2 = [1; 2]·(−0.03125);  m = 1.
        CourseNetwork.Cache c = CourseNetwork.forward(HandCase.x(), HandCase.weights());

        CourseNetwork.Gradients g = CourseNetwork.backward(c, HandCase.y(), HandCase.weights(), Loss.MSE);

        assertSameValues("wGrad2 = a2ᵀ·delta3; row 0 is the output bias's gradient, 1·delta3, zero only if a2's"
                + " column of ones was overwritten (the question's a2[:, 0] = 0)", g.wGrad2(),
                Nd4j.createFromArray(new double[][] {{-0.125}, {-0.0625}}), HAND_ARRAYS);
        assertSameValues("wGrad1 = a1ᵀ·delta2; row 0 is the hidden bias's gradient", g.wGrad1(),
                Nd4j.createFromArray(new double[][] {{-0.03125}, {-0.0625}}), HAND_ARRAYS);
    }

    @Test
    void deltasOfABatchAreTheDeltasOfItsSamplesRowByRow() {
        // The course's δ is per sample, with no 1/m: the 1/m belongs to the gradient.
        CourseNetwork.Weights w = BiasRows.weights(TheQuestion.xorCase().params());
        INDArray x = TheQuestion.x();
        INDArray y = TheQuestion.y();

        CourseNetwork.Deltas batch = CourseNetwork.deltas(CourseNetwork.forward(x, w), y, w, Loss.MSE);

        for (int i = 0; i < x.rows(); i++) {
            INDArray xi = row(x, i);
            INDArray yi = row(y, i);
            CourseNetwork.Deltas alone = CourseNetwork.deltas(CourseNetwork.forward(xi, w), yi, w, Loss.MSE);
            assertSameValues("delta3 of the XOR batch, row " + i + ", against sample " + i + " alone (no 1/m in a delta)",
                    row(batch.delta3(), i), alone.delta3(), SAME_TO_ROUNDING);
            assertSameValues("delta2 of the XOR batch, row " + i + ", against sample " + i + " alone (no 1/m in a delta)",
                    row(batch.delta2(), i), alone.delta2(), SAME_TO_ROUNDING);
        }
    }

    @Test
    void backwardLeavesTheCacheAndTheWeightsAsTheyWere() {
        CourseNetwork.Weights w = BiasRows.weights(TheQuestion.xorCase().params());
        CourseNetwork.Cache c = CourseNetwork.forward(TheQuestion.x(), w);
        INDArray a1 = c.a1().dup();
        INDArray a2 = c.a2().dup();
        INDArray a3 = c.a3().dup();
        INDArray weights1 = w.weights1().dup();
        INDArray weights2 = w.weights2().dup();

        CourseNetwork.backward(c, TheQuestion.y(), w, Loss.MSE);

        assertThat(Elements.same(c.a2(), a2)).as("a2 after backward equals a2 before: its column of ones must stay"
                + " (the question's a2[:, 0] = 0 erases it, and with it the output bias's gradient)").isTrue();
        assertThat(Elements.same(c.a1(), a1)).as("a1 after backward equals a1 before").isTrue();
        assertThat(Elements.same(c.a3(), a3)).as("a3 after backward equals a3 before").isTrue();
        assertThat(Elements.same(w.weights1(), weights1)).as("weights1 after backward equals weights1 before").isTrue();
        assertThat(Elements.same(w.weights2(), weights2)).as("weights2 after backward equals weights2 before").isTrue();
    }

    @Test
    void gradientsAreRightOnTheQuestionsXorBatch(Checks checks) {
        checks.network(TheQuestion.xorCase(), NETWORK);
    }

    @Test
    void gradientsAreRightOnRandomTwoLayerNetworks(Checks checks) {
        checks.forAll(TWO_LAYER, NETWORK);
    }

    @Test
    void bothNotationsGiveTheSameGradients() {
        // Uses exercise 04's TwoLayerNetwork: that exercise must pass first.
        for (long seed = 1; seed <= COMPARED_CASES; seed++) {
            NetworkCase c = CaseGenerator.generate(TWO_LAYER, seed);
            CourseNetwork.Weights w = BiasRows.weights(c.params());
            Tensors course = BiasRows.unfold(CourseNetwork.backward(CourseNetwork.forward(c.x(), w), c.y(), w, c.spec().loss()));

            TwoLayerNetwork.Params p = new TwoLayerNetwork.Params(c.params().get("W1"), c.params().get("b1"),
                    c.params().get("W2"), c.params().get("b2"));
            TwoLayerNetwork.Gradients separate = TwoLayerNetwork.backward(TwoLayerNetwork.forward(c.x(), p), c.y(), p, c.spec().loss());

            String where = " (" + c + ")";
            assertSameValues("row 0 of wGrad1 against exercise 04's db1" + where, course.get("b1"), separate.db1(), SAME_TO_ROUNDING);
            assertSameValues("rows 1… of wGrad1 against exercise 04's dW1" + where, course.get("W1"), separate.dW1(), SAME_TO_ROUNDING);
            assertSameValues("row 0 of wGrad2 against exercise 04's db2" + where, course.get("b2"), separate.db2(), SAME_TO_ROUNDING);
            assertSameValues("rows 1… of wGrad2 against exercise 04's dW2" + where, course.get("W2"), separate.dW2(), SAME_TO_ROUNDING);
        }
    }

    private static INDArray row(INDArray a, int i) {
        return a.get(NDArrayIndex.interval(i, i + 1), NDArrayIndex.all()).dup();
    }
}
