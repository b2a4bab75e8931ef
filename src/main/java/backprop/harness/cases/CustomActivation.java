package backprop.harness.cases;

import java.util.function.DoubleUnaryOperator;

/**
 * An activation the harness does not ship, for the hidden layers of network cases: its value,
 * its slope (the instructor's exact derivative) and the points where the slope jumps. The
 * reference takes f(Z) and f'(Z) from here at the case's own pre-activations and lets SameDiff
 * chain them (see {@code CustomLossReference}); finite differences skip a step that crosses a
 * kink, as for ReLU. {@code checks.forAll(space, activation, loss, network)} uses it.
 */
public final class CustomActivation {
    private final String label;
    private final DoubleUnaryOperator value;
    private final DoubleUnaryOperator slope;
    private final double[] kinks;

    private CustomActivation(String label, DoubleUnaryOperator value, DoubleUnaryOperator slope, double[] kinks) {
        this.label = label;
        this.value = value;
        this.slope = slope;
        this.kinks = kinks.clone();
    }

    /** e.g. {@code CustomActivation.of("softplus", z -> Math.log1p(Math.exp(z)), z -> 1 / (1 + Math.exp(-z)))}. */
    public static CustomActivation of(String label, DoubleUnaryOperator value, DoubleUnaryOperator slope, double... kinks) {
        if (label == null || value == null || slope == null) {
            throw new IllegalArgumentException("CustomActivation.of: give a label, the value f(z) and the slope f'(z) (one was null)");
        }
        return new CustomActivation(label, value, slope, kinks == null ? new double[0] : kinks);
    }

    public String label() {
        return label;
    }

    public double value(double z) {
        return value.applyAsDouble(z);
    }

    public double slope(double z) {
        return slope.applyAsDouble(z);
    }

    /** Where f' jumps; empty for a smooth activation. */
    public double[] kinks() {
        return kinks.clone();
    }

    @Override
    public String toString() {
        return label;
    }
}
