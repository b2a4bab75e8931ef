package backprop.harness.core;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a parameter's name says: W{l} and b{l} are a layer's weights and bias; any other name is
 * a layer step's parameter, its short name followed by its layer (gamma1, beta2). Rules written
 * for W and b ask here instead of testing the first letter, which "beta1" shares with "b1".
 */
public final class ParameterNames {
    private static final Pattern WEIGHT = Pattern.compile("W(\\d+)");
    private static final Pattern BIAS = Pattern.compile("b(\\d+)");
    private static final Pattern LAYERED = Pattern.compile("([A-Za-z]+?)(\\d+)");

    private ParameterNames() {
    }

    public static boolean isWeight(String name) {
        return WEIGHT.matcher(name).matches();
    }

    public static boolean isBias(String name) {
        return BIAS.matcher(name).matches();
    }

    /** Neither W{l} nor b{l}: a parameter a layer step declared. */
    public static boolean isStepParameter(String name) {
        return !isWeight(name) && !isBias(name) && LAYERED.matcher(name).matches();
    }

    /** The layer a parameter belongs to (its trailing number), or -1 for a name without one. */
    public static int layer(String name) {
        Matcher m = LAYERED.matcher(name);
        return m.matches() ? Integer.parseInt(m.group(2)) : -1;
    }

    /** The name without its layer number: "gamma" for gamma1, "W" for W2. */
    public static String base(String name) {
        Matcher m = LAYERED.matcher(name);
        return m.matches() ? m.group(1) : name;
    }
}
