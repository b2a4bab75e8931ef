package kata.l2;

import static kata.support.SameValues.assertSameValues;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
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

@Exercise("07-l2-regularisation")
@DisplayName("07 L2 regularisation")
class L2RegularisationTest {

    /** Exact to rounding: the hand-worked case uses small integers, eighths and quarters, exact in binary. */
    private static final double HAND = 1e-12;

    /** The same for whole hand-worked arrays: their values are exact in binary, so the harness's rounding tolerance is ample. */
    private static final Tolerance HAND_ARRAYS = Tolerance.REFERENCE;

    /**
     * With λ = 0 the regularised code does exercise 04's arithmetic plus zeros, and the bias
     * gradients do not involve λ at all: equal to rounding, the harness's tolerance for that.
     */
    private static final Tolerance SAME_TO_ROUNDING = Tolerance.REFERENCE;

    /** The question's reg_param. */
    private static final double REG_PARAM = 0.5;

    /** Two layers with biases (exercise 04's Params has them), squared error or cross-entropy; λ = 0 in half the cases. */
    static final CaseSpace REGULARISED = CaseSpace.networks()
            .withHiddenLayers(1, 1).withInputs(1, 4).withWidth(1, 6).withOutputs(1, 3).withBatch(1, 6)
            .withHiddenActivations(Activation.SIGMOID)
            .withHeads(Head.of(Activation.SIGMOID, Loss.MSE), Head.of(Activation.SIGMOID, Loss.BCE))
            .withBiases(CaseSpace.Biases.ALWAYS)
            .withLambda(true);

    /** The harness's view of the learner's class, with each case's own λ. */
    static final NetworkUnderTest NETWORK = NetworkUnderTest.of(
            c -> L2Regularisation.loss(c.x(), c.y(), params(c), c.spec().loss(), c.spec().lambda()),
            c -> {
                Gradients g = L2Regularisation.gradients(c.x(), c.y(), params(c), c.spec().loss(), c.spec().lambda());
                return Tensors.of("W1", g.dW1(), "b1", g.db1(), "W2", g.dW2(), "b2", g.db2());
            });

    static Params params(NetworkCase c) {
        Tensors t = c.params();
        return new Params(t.get("W1"), t.get("b1"), t.get("W2"), t.get("b2"));
    }

    /** 1 input, 2 hidden units, 1 output: W1 = [1, −1], W2 = [2; 0], so Σ W² = 1 + 1 + 4 + 0 = 6; large biases, 3 and 5. */
    private static Params handParams(double bias) {
        return new Params(Nd4j.createFromArray(new double[][] {{1, -1}}), Nd4j.createFromArray(new double[][] {{bias, bias}}),
                Nd4j.createFromArray(new double[][] {{2}, {0}}), Nd4j.createFromArray(new double[][] {{bias + 2}}));
    }

    @Test
    void penaltyOfASmallNetworkIsTheOneWorkedOutByHand() {
        // λ = 0.5, m = 4: (λ/2m) Σ W² = (0.5 / 8) · 6.
        double penalty = L2Regularisation.penalty(handParams(3), REG_PARAM, 4);

        assertThat(penalty).as("(λ/2m) Σ W² = (0.5 / 8) · (1 + 1 + 4 + 0), biases 3 and 5 left out").isCloseTo(0.375, within(HAND));
    }

    @Test
    void penaltyLeavesTheBiasesOut() {
        double withSmallBiases = L2Regularisation.penalty(handParams(0), REG_PARAM, 4);

        double withLargeBiases = L2Regularisation.penalty(handParams(100), REG_PARAM, 4);

        assertThat(withLargeBiases).as("the penalty with biases 100 and 102 equals the penalty with biases 0 and 2:"
                + " biases are not regularised").isCloseTo(withSmallBiases, within(HAND));
    }

    @Test
    void penaltyGradientAddsLambdaOverMTimesTheWeightsWorkedOutByHand() {
        // λ/m = 0.5 / 4 = 0.125; data gradients all 1: dW1 = 1 + 0.125·[1, −1], dW2 = 1 + 0.125·[2; 0].
        Gradients data = ones();

        Gradients g = L2Regularisation.addPenaltyGradient(data, handParams(3), REG_PARAM, 4);

        assertSameValues("dW1 = 1 + (λ/m)·W1 = 1 + 0.125·[1, −1]", g.dW1(),
                Nd4j.createFromArray(new double[][] {{1.125, 0.875}}), HAND_ARRAYS);
        assertSameValues("dW2 = 1 + (λ/m)·W2 = 1 + 0.125·[2; 0]", g.dW2(),
                Nd4j.createFromArray(new double[][] {{1.25}, {1}}), HAND_ARRAYS);
        assertSameValues("db1 = the data's db1: no L2 term on biases", g.db1(), ones().db1(), HAND_ARRAYS);
        assertSameValues("db2 = the data's db2: no L2 term on biases", g.db2(), ones().db2(), HAND_ARRAYS);
    }

    @Test
    void addPenaltyGradientLeavesTheDataGradientsAsTheyWere() {
        Gradients data = ones();

        L2Regularisation.addPenaltyGradient(data, handParams(3), REG_PARAM, 4);

        assertThat(Elements.same(data.dW1(), ones().dW1())).as("the data's dW1 after addPenaltyGradient equals itself before:"
                + " add into a new array (add), not into the one given (addi)").isTrue();
        assertThat(Elements.same(data.dW2(), ones().dW2())).as("the data's dW2 after addPenaltyGradient equals itself before").isTrue();
    }

    @Test
    void gradientsAreRightOnTheQuestionsXorBatchWithItsRegParam(Checks checks) {
        NetworkCase xor = TheQuestion.xorCase();
        NetworkCase regularised = new NetworkCase(xor.spec().withLambda(REG_PARAM), xor.params(), xor.x(), xor.y(),
                "the question's XOR batch, 2-5-1, with its reg_param λ = 0.5");

        checks.network(regularised, NETWORK);
    }

    @Test
    void gradientsAreRightOnRandomRegularisedNetworks(Checks checks) {
        checks.forAll(REGULARISED, NETWORK);
    }

    @Test
    void lambdaZeroGivesExerciseFoursLossAndGradients(Checks checks) {
        // Uses exercise 04's TwoLayerNetwork: that exercise must pass first.
        String test = "L2RegularisationTest#lambdaZeroGivesExerciseFoursLossAndGradients";
        for (long seed : checks.settings().seeds(test)) {
            NetworkCase c = CaseGenerator.generate(REGULARISED.withLambda(false), seed);
            Params p = params(c);
            Loss loss = c.spec().loss();

            double j = L2Regularisation.loss(c.x(), c.y(), p, loss, 0);
            Gradients g = L2Regularisation.gradients(c.x(), c.y(), p, loss, 0);

            TwoLayerNetwork.Cache cache = TwoLayerNetwork.forward(c.x(), p);
            Gradients plain = TwoLayerNetwork.backward(cache, c.y(), p, loss);
            String where = " with λ = 0 against exercise 04's, " + c + "; rerun: mvn test"
                    + (checks.settings().solutions() ? " -Psolutions" : "") + " -Dtest='" + test + "' -Dkata.seed=" + seed;
            assertThat(SAME_TO_ROUNDING.accepts(j, TwoLayerNetwork.loss(cache, c.y(), loss)))
                    .as("J" + where + ": yours " + j + ", exercise 04's " + TwoLayerNetwork.loss(cache, c.y(), loss)).isTrue();
            assertSameValues("dW1" + where, g.dW1(), plain.dW1(), SAME_TO_ROUNDING);
            assertSameValues("db1" + where, g.db1(), plain.db1(), SAME_TO_ROUNDING);
            assertSameValues("dW2" + where, g.dW2(), plain.dW2(), SAME_TO_ROUNDING);
            assertSameValues("db2" + where, g.db2(), plain.db2(), SAME_TO_ROUNDING);
        }
    }

    @Test
    void biasGradientsDoNotDependOnLambda() {
        NetworkCase xor = TheQuestion.xorCase();
        Params p = params(xor);

        Gradients unregularised = L2Regularisation.gradients(xor.x(), xor.y(), p, Loss.MSE, 0);
        Gradients strong = L2Regularisation.gradients(xor.x(), xor.y(), p, Loss.MSE, 3);

        assertSameValues("db1 of the XOR batch with λ = 3 against λ = 0: biases are not regularised",
                strong.db1(), unregularised.db1(), SAME_TO_ROUNDING);
        assertSameValues("db2 of the XOR batch with λ = 3 against λ = 0: biases are not regularised",
                strong.db2(), unregularised.db2(), SAME_TO_ROUNDING);
    }

    private static Gradients ones() {
        return new Gradients(Nd4j.ones(1, 2), Nd4j.ones(1, 2), Nd4j.ones(2, 1), Nd4j.ones(1, 1));
    }
}
