package backprop.harness.api;

/**
 * Losses of a network case, all averaged over the batch of m samples (the 1/m convention of the
 * kata). With L2 strength lambda the loss gains (lambda / 2m) times the sum of squared weights
 * of every layer, biases excluded.
 */
public enum Loss {
    /** J = 1/(2m) * sum over samples and outputs of (a - y)^2. The 1/2 makes the delta (a - y) * f'(z). */
    MSE("mean squared error", "J = 1/(2m) Σ (A − Y)²"),
    /** J = -1/m * sum of [y log a + (1 - y) log(1 - a)]; needs a sigmoid output. */
    BCE("binary cross-entropy", "J = −1/m Σ [Y log A + (1 − Y) log(1 − A)]"),
    /** J = -1/m * sum of y log softmax(z); needs a softmax output with two or more classes. */
    SOFTMAX_CE("softmax cross-entropy", "J = −1/m Σ Y log softmax(Z)");

    private final String label;
    private final String formula;

    Loss(String label, String formula) {
        this.label = label;
        this.formula = formula;
    }

    public String label() {
        return label;
    }

    public String formula() {
        return formula;
    }

    /** Whether this loss is defined on outputs of the given activation. */
    public boolean accepts(Activation output) {
        switch (this) {
            case MSE: return output != Activation.SOFTMAX;
            case BCE: return output == Activation.SIGMOID;
            default: return output == Activation.SOFTMAX;
        }
    }
}
