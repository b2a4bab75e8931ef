package backprop.harness.api;

/**
 * The activation functions a network case may use, with their values and derivatives in plain
 * Java. The harness uses these only to find kinks and to describe cases; the gradients it
 * compares against come from ND4J's autodiff (see {@code backprop.harness.reference}).
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

    /** Element-wise value; SOFTMAX is not element-wise and is rejected here. */
    public double apply(double z) {
        switch (this) {
            case IDENTITY: return z;
            case SIGMOID: return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
            case TANH: return Math.tanh(z);
            case RELU: return z > 0 ? z : 0;
            case LEAKY_RELU: return z > 0 ? z : LEAKY_SLOPE * z;
            default: throw new IllegalStateException("softmax is row-wise, not element-wise");
        }
    }
}
