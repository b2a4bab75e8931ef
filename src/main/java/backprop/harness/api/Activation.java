package backprop.harness.api;

/**
 * The activation functions a layer may use, with their formulas; computing
 * them is your job in the exercises.
 */
public enum Activation {
    /** f(z) = z (a linear output layer, for regression with squared error). */
    IDENTITY("identity"),
    /** σ(z) = 1 / (1 + e^−z), between 0 and 1 (the question's activation). */
    SIGMOID("sigmoid"),
    /** tanh(z), between −1 and 1. */
    TANH("tanh"),
    /** max(z, 0); its slope jumps from 0 to 1 at z = 0. */
    RELU("ReLU"),
    /** z for z > 0, {@link #LEAKY_SLOPE} · z below; its slope jumps at z = 0. */
    LEAKY_RELU("leaky ReLU"),
    /** Row-wise over a layer's units; only allowed on the output layer, with softmax cross-entropy. */
    SOFTMAX("softmax");

    /** Slope of leaky ReLU for negative inputs; the same constant in the reference and the kata. */
    public static final double LEAKY_SLOPE = 0.01;

    private final String label;

    Activation(String label) {
        this.label = label;
    }

    /** The name a report uses, e.g. "leaky ReLU". */
    public String label() {
        return label;
    }

    /** True where the derivative jumps at z = 0, so a finite difference across 0 means nothing. */
    public boolean hasKinkAtZero() {
        return this == RELU || this == LEAKY_RELU;
    }
}
