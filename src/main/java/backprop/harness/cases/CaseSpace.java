package backprop.harness.cases;

import backprop.harness.api.Activation;
import backprop.harness.api.Loss;
import backprop.harness.api.NetSpec;

import java.util.List;

/**
 * The set of network cases a property ranges over: how many hidden layers, how wide, how large
 * a batch, which activations and output heads, whether biases and L2 appear. Immutable; each
 * {@code with...} method returns a changed copy, checked as a whole. Lists are in order of
 * simplicity: the shrinker prefers earlier entries. A new dimension is a field, its wither and
 * its use in {@link CaseGenerator} and {@link #contains}.
 */
public final class CaseSpace {

    /**
     * An output activation with the loss on top of it, and the targets its cases get: drawn to
     * fit the loss (N(0, 1) for a linear output) unless {@link #withTargets} says otherwise.
     */
    public record Head(Activation output, Loss loss, CustomLoss.Targets targets) {
        public Head {
            if (!loss.accepts(output)) {
                throw new IllegalArgumentException("CaseSpace.Head: " + loss.label() + " cannot follow " + output.label());
            }
        }

        public static Head of(Activation output, Loss loss) {
            return new Head(output, loss, null);
        }

        /** This head with targets of its own (m × k for a batch of m and k outputs), e.g. a regression's on another scale. */
        public Head withTargets(CustomLoss.Targets t) {
            return new Head(output, loss, t);
        }

        /** Whether a case's output and loss are this head's (its targets are data, not structure). */
        public boolean matches(Activation out, Loss l) {
            return output == out && loss == l;
        }
    }

    /** Which layers have biases. */
    public enum Biases { ALWAYS, NEVER, EITHER }

    private int minHidden = 1;
    private int maxHidden = 1;
    private int minInputs = 1;
    private int maxInputs = 4;
    private int minWidth = 1;
    private int maxWidth = 6;
    private int minOutputs = 1;
    private int maxOutputs = 3;
    private int minBatch = 1;
    private int maxBatch = 6;
    private List<Activation> hiddenActivations = List.of(Activation.SIGMOID);
    private List<Head> heads = List.of(Head.of(Activation.SIGMOID, Loss.MSE));
    private Biases biases = Biases.EITHER;
    private boolean lambda;
    private double saturation = 0.15;
    private LayerStep layerStep;

    private CaseSpace() {
    }

    /**
     * The default space: one hidden layer, 1–4 inputs, 1–6 hidden units, 1–3 outputs, batch
     * 1–6, sigmoid throughout with squared error, biases on or off, no L2, and a 15 % chance of a
     * saturated layer.
     */
    public static CaseSpace networks() {
        return new CaseSpace();
    }

    private CaseSpace copy(java.util.function.Consumer<CaseSpace> change) {
        CaseSpace c = new CaseSpace();
        c.minHidden = minHidden;
        c.maxHidden = maxHidden;
        c.minInputs = minInputs;
        c.maxInputs = maxInputs;
        c.minWidth = minWidth;
        c.maxWidth = maxWidth;
        c.minOutputs = minOutputs;
        c.maxOutputs = maxOutputs;
        c.minBatch = minBatch;
        c.maxBatch = maxBatch;
        c.hiddenActivations = hiddenActivations;
        c.heads = heads;
        c.biases = biases;
        c.lambda = lambda;
        c.saturation = saturation;
        c.layerStep = layerStep;
        change.accept(c);
        c.validate();
        return c;
    }

    private void validate() {
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
        if (layerStep != null && maxHidden == 0) {
            throw new IllegalArgumentException("CaseSpace: the layer step " + layerStep.label() + " sits in hidden layers, and this"
                    + " space has none; allow some with withHiddenLayers(1, ...)");
        }
        if (!(saturation >= 0 && saturation <= 1)) {
            throw new IllegalArgumentException("CaseSpace: the saturation probability must be in [0, 1], got " + saturation);
        }
    }

    private static void check(boolean ok, String what, int min, int max) {
        if (!ok) {
            throw new IllegalArgumentException("CaseSpace: " + what + " range [" + min + ", " + max + "] is empty or negative");
        }
    }

    public CaseSpace withHiddenLayers(int min, int max) {
        return copy(c -> { c.minHidden = min; c.maxHidden = max; });
    }

    public CaseSpace withInputs(int min, int max) {
        return copy(c -> { c.minInputs = min; c.maxInputs = max; });
    }

    public CaseSpace withWidth(int min, int max) {
        return copy(c -> { c.minWidth = min; c.maxWidth = max; });
    }

    public CaseSpace withOutputs(int min, int max) {
        return copy(c -> { c.minOutputs = min; c.maxOutputs = max; });
    }

    public CaseSpace withBatch(int min, int max) {
        return copy(c -> { c.minBatch = min; c.maxBatch = max; });
    }

    public CaseSpace withHiddenActivations(Activation... acts) {
        return copy(c -> c.hiddenActivations = List.of(acts));
    }

    public CaseSpace withHeads(Head... h) {
        return copy(c -> c.heads = List.of(h));
    }

    public CaseSpace withBiases(Biases b) {
        return copy(c -> c.biases = b);
    }

    public CaseSpace withLambda(boolean on) {
        return copy(c -> c.lambda = on);
    }

    /** Probability that a case has one layer scaled up until its units saturate (|z| up to 20). */
    public CaseSpace withSaturation(double probability) {
        return copy(c -> c.saturation = probability);
    }

    /** Every hidden layer applies {@code step} between Z and its activation (null: none). */
    public CaseSpace withLayerStep(LayerStep step) {
        return copy(c -> c.layerStep = step);
    }

    public int minHidden() { return minHidden; }
    public int maxHidden() { return maxHidden; }
    public int minInputs() { return minInputs; }
    public int maxInputs() { return maxInputs; }
    public int minWidth() { return minWidth; }
    public int maxWidth() { return maxWidth; }
    public int minOutputs() { return minOutputs; }
    public int maxOutputs() { return maxOutputs; }
    public int minBatch() { return minBatch; }
    public int maxBatch() { return maxBatch; }
    public List<Activation> hiddenActivations() { return hiddenActivations; }
    public List<Head> heads() { return heads; }
    public Biases biases() { return biases; }
    public boolean lambda() { return lambda; }
    public double saturation() { return saturation; }
    public LayerStep layerStep() { return layerStep; }

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
        return c.layerStep() == layerStep && heads.stream().anyMatch(h -> h.matches(s.output(), s.loss()))
                && (lambda || s.lambda() == 0);
    }
}
