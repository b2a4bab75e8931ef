package backprop.harness.cases;

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
        NetSpec spec = c.spec();
        int m = c.m();
        double[] a = c.x().dup('c').data().asDouble();
        double[][] out = new double[spec.layers()][];
        for (int l = 1; l <= spec.layers(); l++) {
            int nIn = spec.width(l - 1);
            int nOut = spec.width(l);
            double[] w = params.get("W" + l).dup('c').data().asDouble();
            double[] b = spec.hasBias(l) ? params.get("b" + l).dup('c').data().asDouble() : new double[nOut];
            double[] z = new double[m * nOut];
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < nOut; j++) {
                    double s = b[j];
                    for (int k = 0; k < nIn; k++) {
                        s += a[i * nIn + k] * w[k * nOut + j];
                    }
                    z[i * nOut + j] = s;
                }
            }
            Activation f = spec.activation(l);
            out[l - 1] = z;
            if (l < spec.layers()) {
                double[] next = new double[z.length];
                for (int i = 0; i < z.length; i++) {
                    next[i] = f.apply(z[i]);
                }
                a = next;
            }
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
