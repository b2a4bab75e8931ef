package backprop.harness;

import backprop.harness.api.Activation;
import backprop.harness.cases.CaseSpace;
import backprop.harness.cases.CaseSpace.Head;
import backprop.harness.api.Loss;

/** Case spaces the harness's own tests range over. */
public final class Spaces {
    private Spaces() {
    }

    /** Everything the harness supports: 0–3 hidden layers, every activation and head, biases either way, L2. */
    public static final CaseSpace EVERYTHING = CaseSpace.networks()
            .withHiddenLayers(0, 3).withInputs(1, 5).withWidth(1, 6).withOutputs(1, 4).withBatch(1, 7)
            .withHiddenActivations(Activation.SIGMOID, Activation.TANH, Activation.RELU, Activation.LEAKY_RELU, Activation.IDENTITY)
            .withHeads(Head.of(Activation.SIGMOID, Loss.MSE), Head.of(Activation.IDENTITY, Loss.MSE),
                    Head.of(Activation.TANH, Loss.MSE), Head.of(Activation.SIGMOID, Loss.BCE),
                    Head.of(Activation.SOFTMAX, Loss.SOFTMAX_CE))
            .withBiases(CaseSpace.Biases.EITHER).withLambda(true).withSaturation(0.2);

    /** ReLU-type hidden layers only, where kinks are common. */
    public static final CaseSpace RELU = EVERYTHING.withHiddenActivations(Activation.RELU, Activation.LEAKY_RELU);
}
