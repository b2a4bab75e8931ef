package kata.deep;

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
import backprop.harness.core.Elements;
import backprop.harness.check.ChangedInPlace;
import backprop.harness.check.NetworkUnderTest;
import backprop.harness.junit.Checks;
import backprop.harness.junit.Exercise;
import kata.twolayer.TwoLayerNetwork;

@Exercise("09-deep-network")
@DisplayName("09 deep network")
class DeepNetworkTest {

    /** Exact to rounding: these cases are small enough to work out by hand. */
    private static final double HAND = 1e-12;

    /** The same sums in a different order: a few ulps of gradients of size about 0.1. */
    private static final double SAME_SUMS = 1e-13;

    /** The harness's view of the learner's class: a loss and named gradients for a case. */
    static final NetworkUnderTest NETWORK = NetworkUnderTest.of(
            c -> {
                DeepNetwork net = new DeepNetwork(c.spec());
                return net.loss(net.forward(c.x(), c.params()), c.y());
            },
            c -> gradientsOf(c.spec(), c.x(), c.y(), c.params()));

    static Tensors gradientsOf(NetSpec spec, INDArray x, INDArray y, Tensors params) {
        DeepNetwork net = new DeepNetwork(spec);
        DeepNetwork.Cache cache = net.forward(x, params);
        Tensors before = cached(cache).copy();
        Tensors g = net.backward(cache, net.outputDelta(cache, y), params);
        // The README promises that nothing given may change, the cache included.
        ChangedInPlace.requireUnchanged("outputDelta and backward", "the forward cache", before, cached(cache));
        return g;
    }

    static Tensors cached(DeepNetwork.Cache k) {
        Tensors t = Tensors.empty();
        for (int l = 0; l < k.activations().size(); l++) {
            t.put("A" + l, k.activations().get(l));
        }
        for (int l = 0; l < k.preActivations().size(); l++) {
            if (k.preActivations().get(l) != null) {
                t.put("Z" + (l + 1), k.preActivations().get(l));
            }
        }
        return t;
    }

    /** The heads of this exercise: squared error after identity, sigmoid or tanh, and sigmoid with cross-entropy. */
    static final Head[] HEADS = {
        Head.of(Activation.IDENTITY, Loss.MSE), Head.of(Activation.SIGMOID, Loss.MSE),
        Head.of(Activation.TANH, Loss.MSE), Head.of(Activation.SIGMOID, Loss.BCE)};

    /** 0–3 hidden layers (L = 1..4), every hidden activation, every head, each bias on or off. */
    static final CaseSpace DEEP = CaseSpace.networks()
            .withHiddenLayers(0, 3).withInputs(1, 4).withWidth(1, 5).withOutputs(1, 3).withBatch(1, 5)
            .withHiddenActivations(Activation.SIGMOID, Activation.TANH, Activation.RELU, Activation.LEAKY_RELU)
            .withHeads(HEADS)
            .withBiases(CaseSpace.Biases.EITHER);

    /** Only kinked hidden layers, 1–3 of them, so that every case has units near z = 0. */
    static final CaseSpace RELU = DEEP.withHiddenLayers(1, 3)
            .withHiddenActivations(Activation.RELU, Activation.LEAKY_RELU);

    @Test
    void threeLayerOneSampleNetworkGivesTheGradientsWorkedOutByHand() {
        // 1-1-1-1, ReLU → leaky ReLU → identity, squared error; x = 1, y = 1.
        // z1 = 1·2 − 1 = 1, a1 = 1;  z2 = 1·(−1) + 0 = −1, a2 = −0.01;  z3 = −0.01·3 + 0.5 = 0.47 = a3.
        // J = ½(0.47 − 1)² = 0.14045.
        // dZ3 = a3 − y = −0.53;  dW3 = a2·dZ3 = 0.0053;  db3 = −0.53.
        // dZ2 = dZ3·W3 · 0.01 (z2 < 0) = −0.0159;  dW2 = a1·dZ2 = −0.0159;  db2 = −0.0159.
        // dZ1 = dZ2·W2 · 1 (z1 > 0) = 0.0159;  dW1 = x·dZ1 = 0.0159;  db1 = 0.0159.
        NetSpec spec = NetSpec.of(1, 1, 1, 1).withActivations(Activation.RELU, Activation.LEAKY_RELU, Activation.IDENTITY);
        Tensors p = Tensors.of("W1", scalar(2), "b1", scalar(-1), "W2", scalar(-1), "b2", scalar(0),
                "W3", scalar(3), "b3", scalar(0.5));
        INDArray x = scalar(1);
        INDArray y = scalar(1);

        DeepNetwork net = new DeepNetwork(spec);
        DeepNetwork.Cache cache = net.forward(x, p);
        Tensors g = net.backward(cache, net.outputDelta(cache, y), p);

        assertThat(net.loss(cache, y)).as("J = ½(a3 − y)² = ½(0.47 − 1)²").isCloseTo(0.14045, within(HAND));
        assertThat(g.get("b3").getDouble(0)).as("db3 = dZ3 = a3 − y (identity output)").isCloseTo(-0.53, within(HAND));
        assertThat(g.get("W3").getDouble(0)).as("dW3 = a2·dZ3 = −0.01 · (−0.53)").isCloseTo(0.0053, within(HAND));
        assertThat(g.get("b2").getDouble(0)).as("db2 = dZ2 = dZ3·W3 · 0.01, the leaky slope because z2 < 0")
                .isCloseTo(-0.0159, within(HAND));
        assertThat(g.get("W2").getDouble(0)).as("dW2 = a1·dZ2 = 1 · (−0.0159)").isCloseTo(-0.0159, within(HAND));
        assertThat(g.get("b1").getDouble(0)).as("db1 = dZ1 = dZ2·W2 · 1, ReLU's slope because z1 > 0")
                .isCloseTo(0.0159, within(HAND));
        assertThat(g.get("W1").getDouble(0)).as("dW1 = x·dZ1 = 1 · 0.0159").isCloseTo(0.0159, within(HAND));
    }

    @Test
    void layerWithItsBiasOffGetsNoBiasGradient() {
        // 2-3-1 with the hidden layer's bias off: the gradients are dW1, dW2, db2 and nothing else.
        NetSpec spec = NetSpec.of(2, 3, 1).withBias(false, true);
        Tensors p = Tensors.of("W1", Nd4j.createFromArray(new double[][] {{0.1, -0.2, 0.3}, {0.4, 0.5, -0.6}}),
                "W2", Nd4j.createFromArray(new double[][] {{0.7}, {-0.8}, {0.9}}), "b2", scalar(0.1));
        INDArray x = Nd4j.createFromArray(new double[][] {{1, 2}});

        Tensors g = gradientsOf(spec, x, scalar(1), p);

        assertThat(g.names()).as("gradient names for a network whose layer 1 has no bias: one per parameter, no db1")
                .containsExactlyInAnyOrder("W1", "W2", "b2");
    }

    @Test
    void twoLayerSigmoidNetworkGivesExercise04sGradients() {
        // L = 2, sigmoid everywhere, biases on: the network of exercise 04, written now as a loop.
        // The comparison is with your own TwoLayerNetwork; if this fails, run exercise 04's tests first.
        NetSpec spec = NetSpec.of(2, 5, 1);
        INDArray x = Xor.x();
        INDArray y = Xor.y();
        INDArray w1 = Nd4j.createFromArray(new double[][] {{0.5, -0.3, 0.8, -0.6, 0.2}, {-0.4, 0.7, 0.1, 0.9, -0.5}});
        INDArray b1 = Nd4j.createFromArray(new double[][] {{0.1, -0.2, 0.05, 0.3, -0.1}});
        INDArray w2 = Nd4j.createFromArray(new double[][] {{0.6}, {-0.7}, {0.4}, {0.9}, {-0.3}});
        INDArray b2 = scalar(0.2);

        Tensors deep = gradientsOf(spec, x, y, Tensors.of("W1", w1, "b1", b1, "W2", w2, "b2", b2));
        TwoLayerNetwork.Params p = new TwoLayerNetwork.Params(w1, b1, w2, b2);
        TwoLayerNetwork.Gradients two = TwoLayerNetwork.backward(TwoLayerNetwork.forward(x, p), y, p, Loss.MSE);

        assertThat(values(deep.get("W1"))).as("dW1: DeepNetwork vs exercise 04's TwoLayerNetwork on the XOR batch")
                .containsExactly(values(two.dW1()), within(SAME_SUMS));
        assertThat(values(deep.get("b1"))).as("db1: DeepNetwork vs exercise 04's TwoLayerNetwork on the XOR batch")
                .containsExactly(values(two.db1()), within(SAME_SUMS));
        assertThat(values(deep.get("W2"))).as("dW2: DeepNetwork vs exercise 04's TwoLayerNetwork on the XOR batch")
                .containsExactly(values(two.dW2()), within(SAME_SUMS));
        assertThat(values(deep.get("b2"))).as("db2: DeepNetwork vs exercise 04's TwoLayerNetwork on the XOR batch")
                .containsExactly(values(two.db2()), within(SAME_SUMS));
    }

    @Test
    void gradientsAreRightOnRandomDeepNetworks(Checks checks) {
        checks.forAll(DEEP, NETWORK);
    }

    @Test
    void gradientsAreRightOnRandomReluNetworks(Checks checks) {
        // Finite differences whose step crosses a kink are skipped; the test report counts them.
        checks.forAll(RELU, NETWORK);
    }

    private static INDArray scalar(double v) {
        return Nd4j.createFromArray(new double[][] {{v}});
    }

    private static double[] values(INDArray a) {
        return Elements.toArray(a);
    }
}
