package backprop.harness.cases;

import backprop.harness.core.Forward;

import backprop.harness.api.Activation;
import backprop.harness.api.NetSpec;
import backprop.harness.cases.NetworkCase;
import backprop.harness.api.Tensors;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Pre-activations Z{l} of every layer with a kink (ReLU, leaky ReLU), in plain Java doubles.
 * Finite differences use them to tell whether a step crossed a kink; a plain loop costs
 * microseconds where ND4J ops cost tens of microseconds each.
 */
public final class PreActivations {
    private PreActivations() {
    }

    /** For each layer l (index l-1), Z{l} flattened row-major; null for layers without a kink. */
    public static double[][] kinked(NetworkCase c, Tensors params) {
        double[][] z = all(c, params);
        for (int l = 1; l <= c.spec().layers(); l++) {
            if (!c.spec().activation(l).hasKinkAtZero()) {
                z[l - 1] = null;
            }
        }
        return z;
    }

    /** For each layer l (index l-1), Z{l} flattened row-major. */
    public static double[][] all(NetworkCase c, Tensors params) {
        Forward.Pass pass = Forward.run(c.spec(), params, c.x());
        double[][] out = new double[c.spec().layers()][];
        for (int l = 1; l <= c.spec().layers(); l++) {
            out[l - 1] = pass.z()[l].v;
        }
        return out;
    }

    /** True if some kinked unit has a different sign in {@code at} than in {@code other}, or sits on 0. */
    public static boolean crossesKink(double[][] at, double[][] other) {
        for (int l = 0; l < at.length; l++) {
            if (at[l] == null) {
                continue;
            }
            for (int i = 0; i < at[l].length; i++) {
                double u = at[l][i];
                double v = other[l][i];
                if (u == 0 || v == 0 || (u > 0) != (v > 0)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Smallest |z| over the kinked units, or +infinity if the network has none. */
    public static double nearestKink(double[][] z) {
        double min = Double.POSITIVE_INFINITY;
        for (double[] layer : z) {
            if (layer != null) {
                for (double v : layer) {
                    min = Math.min(min, Math.abs(v));
                }
            }
        }
        return min;
    }

    static double[] flat(INDArray a) {
        return a.dup('c').data().asDouble();
    }
}
