package backprop.harness.api;

/**
 * The activation functions a layer may use. Their formulas are in docs/NOTATION.md; computing
 * them is your job in the exercises.
 */
public enum Activation {
    IDENTITY("identity"),
    SIGMOID("sigmoid"),
    TANH("tanh"),
    RELU("ReLU"),
    LEAKY_RELU("leaky ReLU"),
    /** Row-wise over a layer's units; only allowed on the output layer, with softmax cross-entropy. */
    SOFTMAX("softmax");

    /** Slope of leaky ReLU for negative inputs; the same constant in the reference and the kata. */
    public static final double LEAKY_SLOPE = 0.01;

    private final String label;

    Activation(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** True where the derivative jumps at z = 0, so a finite difference across 0 means nothing. */
    public boolean hasKinkAtZero() {
        return this == RELU || this == LEAKY_RELU;
    }
}
