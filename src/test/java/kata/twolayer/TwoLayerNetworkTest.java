package kata.twolayer;

import kata.support.Xor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import backprop.harness.api.Activation;
import backprop.harness.cases.CaseSpace;
import backprop.harness.cases.CaseSpace.Head;
import backprop.harness.api.Loss;
import backprop.harness.api.NetSpec;
import backprop.harness.cases.NetworkCase;
import backprop.harness.api.Tensors;
import backprop.harness.check.ChangedInPlace;
import backprop.harness.check.NetworkUnderTest;
import backprop.harness.junit.Checks;
import backprop.harness.junit.Exercise;

@Exercise("04-two-layer-network")
@DisplayName("04 two-layer network")
class TwoLayerNetworkTest {

    /** Exact to rounding: these cases are small enough to work out by hand. */
    private static final double HAND = 1e-12;

    /** The harness's view of the learner's class: a loss and named gradients for a case. */
    static final NetworkUnderTest NETWORK = NetworkUnderTest.of(
            c -> TwoLayerNetwork.loss(TwoLayerNetwork.forward(c.x(), params(c)), c.y(), c.spec().loss()),
            c -> {
                TwoLayerNetwork.Cache cache = TwoLayerNetwork.forward(c.x(), params(c));
                Tensors before = cached(cache).copy();
                TwoLayerNetwork.Gradients g = TwoLayerNetwork.backward(cache, c.y(), params(c), c.spec().loss());
                // The README promises that nothing given may change, the cache included.
                ChangedInPlace.requireUnchanged("backward(cache, Y, params, loss)", "the forward cache", before, cached(cache));
                return Tensors.of("W1", g.dW1(), "b1", g.db1(), "W2", g.dW2(), "b2", g.db2());
            });

    static Tensors cached(TwoLayerNetwork.Cache k) {
        return Tensors.of("X", k.X(), "Z1", k.Z1(), "A1", k.A1(), "Z2", k.Z2(), "A2", k.A2());
    }

    static TwoLayerNetwork.Params params(NetworkCase c) {
        Tensors t = c.params();
        return new TwoLayerNetwork.Params(t.get("W1"), t.get("b1"), t.get("W2"), t.get("b2"));
    }

    /** Two layers, sigmoid everywhere, biases on; 1–4 inputs, 1–6 hidden units, 1–3 outputs, batch 1–6 (the defaults); squared error or cross-entropy. */
    static final CaseSpace TWO_LAYER = CaseSpace.networks()
            .withHeads(Head.of(Activation.SIGMOID, Loss.MSE), Head.of(Activation.SIGMOID, Loss.BCE))
            .withBiases(CaseSpace.Biases.ALWAYS);

    @Test
    void oneSampleWithAllWeightsZeroGivesTheGradientsWorkedOutByHand() {
        // x = 1, every weight and bias 0: z1 = 0, a1 = 0.5, z2 = 0, a2 = 0.5, y = 1.
        // dZ2 = (a2 − y)·a2·(1 − a2) = −0.125;  dW2 = a1·dZ2 = −0.0625;  db2 = −0.125;
        // dZ1 = dZ2·W2 ⊙ σ'(z1) = 0, so dW1 = db1 = 0.  J = ½(0.5 − 1)² = 0.125.
        TwoLayerNetwork.Params p = new TwoLayerNetwork.Params(Nd4j.zeros(1, 1), Nd4j.zeros(1, 1), Nd4j.zeros(1, 1), Nd4j.zeros(1, 1));
        INDArray x = Nd4j.ones(1, 1);
        INDArray y = Nd4j.ones(1, 1);

        TwoLayerNetwork.Cache cache = TwoLayerNetwork.forward(x, p);
        TwoLayerNetwork.Gradients g = TwoLayerNetwork.backward(cache, y, p, Loss.MSE);

        assertThat(TwoLayerNetwork.loss(cache, y, Loss.MSE)).as("J = ½(a2 − y)² = ½(0.5 − 1)²").isCloseTo(0.125, within(HAND));
        assertThat(g.db2().getDouble(0)).as("db2 = dZ2 = (a2 − y)·a2·(1 − a2)").isCloseTo(-0.125, within(HAND));
        assertThat(g.dW2().getDouble(0)).as("dW2 = a1·dZ2 = 0.5 · (−0.125)").isCloseTo(-0.0625, within(HAND));
        assertThat(g.dW1().getDouble(0)).as("dW1 = x·dZ1, and dZ1 = dZ2·W2·σ'(z1) = 0 because W2 = 0").isCloseTo(0, within(HAND));
        assertThat(g.db1().getDouble(0)).as("db1 = dZ1 = 0 because W2 = 0").isCloseTo(0, within(HAND));
    }

    @Test
    void crossEntropyOutputDeltaIsPredictionMinusTarget(Checks checks) {
        // The same one-sample network with binary cross-entropy: dZ2 = a2 − y = −0.5, no σ' factor.
        TwoLayerNetwork.Params p = new TwoLayerNetwork.Params(Nd4j.zeros(1, 1), Nd4j.zeros(1, 1), Nd4j.zeros(1, 1), Nd4j.zeros(1, 1));
        INDArray x = Nd4j.ones(1, 1);
        INDArray y = Nd4j.ones(1, 1);

        TwoLayerNetwork.Gradients g = TwoLayerNetwork.backward(TwoLayerNetwork.forward(x, p), y, p, Loss.BCE);

        assertThat(g.db2().getDouble(0)).as("db2 = dZ2 = a2 − y for sigmoid + cross-entropy").isCloseTo(-0.5, within(HAND));
        assertThat(g.dW2().getDouble(0)).as("dW2 = a1·dZ2 = 0.5 · (−0.5)").isCloseTo(-0.25, within(HAND));
    }

    @Test
    void gradientsAreRightOnTheQuestionsXorBatch(Checks checks) {
        checks.network(QuestionCase.xor(), NETWORK);
    }

    @Test
    void gradientsAreRightOnRandomTwoLayerNetworks(Checks checks) {
        checks.forAll(TWO_LAYER, NETWORK);
    }

    /** The question's data: rows (x1, x2) of XOR with targets 1, 1, 0, 0; 5 hidden units. */
    static final class QuestionCase {
        static NetworkCase xor() {
            NetSpec spec = NetSpec.of(2, 5, 1);
            INDArray x = Xor.x();
            INDArray y = Xor.y();
            Tensors p = Tensors.of(
                    "W1", Nd4j.createFromArray(new double[][] {{0.5, -0.3, 0.8, -0.6, 0.2}, {-0.4, 0.7, 0.1, 0.9, -0.5}}),
                    "b1", Nd4j.createFromArray(new double[][] {{0.1, -0.2, 0.05, 0.3, -0.1}}),
                    "W2", Nd4j.createFromArray(new double[][] {{0.6}, {-0.7}, {0.4}, {0.9}, {-0.3}}),
                    "b2", Nd4j.createFromArray(new double[][] {{0.2}}));
            return new NetworkCase(spec, p, x, y, "the question's XOR batch, 2-5-1");
        }
    }
}
