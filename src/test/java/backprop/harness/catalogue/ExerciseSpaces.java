package backprop.harness.catalogue;

import backprop.harness.api.Activation;
import backprop.harness.api.Loss;
import backprop.harness.cases.CaseSpace;
import backprop.harness.cases.CaseSpace.Head;

/**
 * The networks each exercise's own tests range over (as in src/test/java/kata/…), so a
 * catalogued mistake is caught on the cases that exercise would give it.
 */
final class ExerciseSpaces {
    private ExerciseSpaces() {
    }

    private static final Head SIGMOID_MSE = Head.of(Activation.SIGMOID, Loss.MSE);
    private static final Head SIGMOID_BCE = Head.of(Activation.SIGMOID, Loss.BCE);

    /** 04, 05, 06: two layers, sigmoid, biases on, batch 1–6, squared error or cross-entropy. */
    static final CaseSpace TWO_LAYER = CaseSpace.networks()
            .withHiddenLayers(1, 1).withInputs(1, 4).withWidth(1, 6).withOutputs(1, 3).withBatch(1, 6)
            .withHiddenActivations(Activation.SIGMOID).withHeads(SIGMOID_MSE, SIGMOID_BCE)
            .withBiases(CaseSpace.Biases.ALWAYS);

    /** 07: the same with L2. */
    static final CaseSpace REGULARISED = TWO_LAYER.withLambda(true);

    /** 08: squared error only. */
    static final CaseSpace SQUARED_ERROR = TWO_LAYER.withHeads(SIGMOID_MSE);

    /** 11: the question's network, one output, squared error, L2. */
    static final CaseSpace QUESTION = SQUARED_ERROR.withOutputs(1, 1).withLambda(true);

    /** 09: 0–3 hidden layers, every hidden activation, four heads, biases either. */
    static final CaseSpace DEEP = CaseSpace.networks()
            .withHiddenLayers(0, 3).withInputs(1, 4).withWidth(1, 5).withOutputs(1, 3).withBatch(1, 5)
            .withHiddenActivations(Activation.SIGMOID, Activation.TANH, Activation.RELU, Activation.LEAKY_RELU)
            .withHeads(Head.of(Activation.IDENTITY, Loss.MSE), SIGMOID_MSE, Head.of(Activation.TANH, Loss.MSE), SIGMOID_BCE)
            .withBiases(CaseSpace.Biases.EITHER);

    /** 10: 0–2 hidden layers under a softmax of 2–5 classes. */
    static final CaseSpace CLASSIFIERS = CaseSpace.networks()
            .withHiddenLayers(0, 2).withInputs(1, 4).withWidth(1, 5).withOutputs(2, 5).withBatch(1, 5)
            .withHiddenActivations(Activation.SIGMOID, Activation.TANH, Activation.RELU, Activation.LEAKY_RELU)
            .withHeads(Head.of(Activation.SOFTMAX, Loss.SOFTMAX_CE))
            .withBiases(CaseSpace.Biases.EITHER);

    /** 09's deep networks with at least one hidden layer of one activation. */
    static CaseSpace deep(Activation hidden) {
        return DEEP.withHiddenLayers(1, 3).withHiddenActivations(hidden);
    }
}
