package backprop.harness.cases;

import backprop.harness.api.Activation;
import backprop.harness.api.Loss;
import backprop.harness.api.NetSpec;

import java.util.List;

/**
 * The set of network cases a property ranges over: how many hidden layers, how wide, how large
 * a batch, which activations and output heads, whether biases and L2 appear. Immutable; each
 * {@code with...} method returns a narrowed or widened copy. Lists are in order of simplicity:
 * the shrinker prefers earlier entries.
 */
public record CaseSpace(int minHidden, int maxHidden, int minInputs, int maxInputs, int minWidth, int maxWidth,
                        int minOutputs, int maxOutputs, int minBatch, int maxBatch,
                        List<Activation> hiddenActivations, List<Head> heads, Biases biases,
                        boolean lambda, double saturation) {

    /** An output activation with the loss on top of it. */
    public record Head(Activation output, Loss loss) {
        public Head {
            if (!loss.accepts(output)) {
                throw new IllegalArgumentException("CaseSpace.Head: " + loss.label() + " cannot follow " + output.label());
            }
        }

        public static Head of(Activation output, Loss loss) {
            return new Head(output, loss);
        }
    }

    /** Which layers have biases. */
    public enum Biases { ALWAYS, NEVER, EITHER }

    public CaseSpace {
        hiddenActivations = List.copyOf(hiddenActivations);
        heads = List.copyOf(heads);
        check(minHidden >= 0 && minHidden <= maxHidden, "hidden layers", minHidden, maxHidden);
        check(minInputs >= 1 && minInputs <= maxInputs, "inputs", minInputs, maxInputs);
        check(minWidth >= 1 && minWidth <= maxWidth, "hidden width", minWidth, maxWidth);
        check(minOutputs >= 1 && minOutputs <= maxOutputs, "outputs", minOutputs, maxOutputs);
        check(minBatch >= 1 && minBatch <= maxBatch, "batch size m", minBatch, maxBatch);
        if (heads.isEmpty() || (maxHidden > 0 && hiddenActivations.isEmpty())) {
            throw new IllegalArgumentException("CaseSpace: give at least one output head and one hidden activation");
        }
        if (hiddenActivations.contains(Activation.SOFTMAX)) {
            throw new IllegalArgumentException("CaseSpace: softmax is only allowed as an output head");
        }
        if (heads.stream().anyMatch(h -> h.loss() == Loss.SOFTMAX_CE) && maxOutputs < 2) {
            throw new IllegalArgumentException("CaseSpace: softmax cross-entropy needs outputs of at least 2, max is " + maxOutputs);
        }
    }

    private static void check(boolean ok, String what, int min, int max) {
        if (!ok) {
            throw new IllegalArgumentException("CaseSpace: " + what + " range [" + min + ", " + max + "] is empty or negative");
        }
    }

    /**
     * The default space: one hidden layer, 1–4 inputs, 1–6 hidden units, 1–3 outputs, batch
     * 1–6, sigmoid throughout with squared error, biases on or off, no L2.
     */
    public static CaseSpace networks() {
        return new CaseSpace(1, 1, 1, 4, 1, 6, 1, 3, 1, 6, List.of(Activation.SIGMOID),
                List.of(Head.of(Activation.SIGMOID, Loss.MSE)), Biases.EITHER, false, 0.15);
    }

    public CaseSpace withHiddenLayers(int min, int max) {
        return new CaseSpace(min, max, minInputs, maxInputs, minWidth, maxWidth, minOutputs, maxOutputs, minBatch, maxBatch,
                hiddenActivations, heads, biases, lambda, saturation);
    }

    public CaseSpace withInputs(int min, int max) {
        return new CaseSpace(minHidden, maxHidden, min, max, minWidth, maxWidth, minOutputs, maxOutputs, minBatch, maxBatch,
                hiddenActivations, heads, biases, lambda, saturation);
    }

    public CaseSpace withWidth(int min, int max) {
        return new CaseSpace(minHidden, maxHidden, minInputs, maxInputs, min, max, minOutputs, maxOutputs, minBatch, maxBatch,
                hiddenActivations, heads, biases, lambda, saturation);
    }

    public CaseSpace withOutputs(int min, int max) {
        return new CaseSpace(minHidden, maxHidden, minInputs, maxInputs, minWidth, maxWidth, min, max, minBatch, maxBatch,
                hiddenActivations, heads, biases, lambda, saturation);
    }

    public CaseSpace withBatch(int min, int max) {
        return new CaseSpace(minHidden, maxHidden, minInputs, maxInputs, minWidth, maxWidth, minOutputs, maxOutputs, min, max,
                hiddenActivations, heads, biases, lambda, saturation);
    }

    public CaseSpace withHiddenActivations(Activation... acts) {
        return new CaseSpace(minHidden, maxHidden, minInputs, maxInputs, minWidth, maxWidth, minOutputs, maxOutputs, minBatch,
                maxBatch, List.of(acts), heads, biases, lambda, saturation);
    }

    public CaseSpace withHeads(Head... h) {
        return new CaseSpace(minHidden, maxHidden, minInputs, maxInputs, minWidth, maxWidth, minOutputs, maxOutputs, minBatch,
                maxBatch, hiddenActivations, List.of(h), biases, lambda, saturation);
    }

    public CaseSpace withBiases(Biases b) {
        return new CaseSpace(minHidden, maxHidden, minInputs, maxInputs, minWidth, maxWidth, minOutputs, maxOutputs, minBatch,
                maxBatch, hiddenActivations, heads, b, lambda, saturation);
    }

    public CaseSpace withLambda(boolean on) {
        return new CaseSpace(minHidden, maxHidden, minInputs, maxInputs, minWidth, maxWidth, minOutputs, maxOutputs, minBatch,
                maxBatch, hiddenActivations, heads, biases, on, saturation);
    }

    /** Probability that a case has one layer scaled up until its units saturate (|z| up to 20). */
    public CaseSpace withSaturation(double probability) {
        return new CaseSpace(minHidden, maxHidden, minInputs, maxInputs, minWidth, maxWidth, minOutputs, maxOutputs, minBatch,
                maxBatch, hiddenActivations, heads, biases, lambda, probability);
    }

    /** Whether a case belongs to this space (the shrinker stays inside it). */
    public boolean contains(NetworkCase c) {
        NetSpec s = c.spec();
        int hidden = s.layers() - 1;
        if (hidden < minHidden || hidden > maxHidden || c.m() < minBatch || c.m() > maxBatch) {
            return false;
        }
        if (s.width(0) < minInputs || s.width(0) > maxInputs) {
            return false;
        }
        int out = s.width(s.layers());
        if (out < minOutputs || out > maxOutputs) {
            return false;
        }
        for (int l = 1; l < s.layers(); l++) {
            if (s.width(l) < minWidth || s.width(l) > maxWidth || !hiddenActivations.contains(s.activation(l))) {
                return false;
            }
        }
        for (int l = 1; l <= s.layers(); l++) {
            if ((biases == Biases.ALWAYS && !s.hasBias(l)) || (biases == Biases.NEVER && s.hasBias(l))) {
                return false;
            }
        }
        return heads.contains(Head.of(s.output(), s.loss())) && (lambda || s.lambda() == 0);
    }
}
