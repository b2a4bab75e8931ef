package backprop.harness.cases;

import backprop.harness.core.Forward;

import backprop.harness.api.Activation;
import backprop.harness.api.NetSpec;
import backprop.harness.cases.NetworkCase;
import backprop.harness.api.Tensors;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import backprop.harness.core.Matrix;

/**
 * Pre-activations Z{l} of every layer with a kink (ReLU, leaky ReLU), in plain Java doubles.
 * Finite differences use them to tell whether a step crossed a kink; a plain loop costs
 * microseconds where ND4J ops cost tens of microseconds each.
 */
public final class PreActivations {
    private PreActivations() {
    }

    /** Whether some unit of the case has a kink: a ReLU-type layer, or a custom hidden activation with kinks. */
    public static boolean hasKinks(NetworkCase c) {
        return c.spec().hasKinks() || (c.customHidden() != null && c.customHidden().kinks().length > 0 && c.spec().layers() > 1);
    }

    /**
     * Z{l} − k, flattened row-major, for each layer l and each kink k of its activation (0 for
     * ReLU-type layers, the declared kinks of a custom one); null entries for smooth layers. A sign
     * change in an entry is a kink crossed.
     */
    public static double[][] kinked(NetworkCase c, Tensors params) {
        double[][] z = all(c, params);
        java.util.List<double[]> out = new java.util.ArrayList<>();
        for (int l = 1; l <= c.spec().layers(); l++) {
            if (c.customHidden() != null && l < c.spec().layers()) {
                for (double k : c.customHidden().kinks()) {
                    double[] shifted = z[l - 1].clone();
                    for (int i = 0; i < shifted.length; i++) {
                        shifted[i] -= k;
                    }
                    out.add(shifted);
                }
            } else if (c.spec().activation(l).hasKinkAtZero()) {
                out.add(z[l - 1]);
            }
        }
        return out.toArray(new double[0][]);
    }

    /** For each layer l (index l-1), Z{l} flattened row-major (after the layer step, where there is one). */
    public static double[][] all(NetworkCase c, Tensors params) {
        Forward.Pass pass = forward(c, params);
        double[][] out = new double[c.spec().layers()][];
        for (int l = 1; l <= c.spec().layers(); l++) {
            out[l - 1] = pass.z()[l].v;
        }
        return out;
    }

    /**
     * The case's forward pass in plain doubles, under its custom hidden activation and its layer
     * step where it has them. Where a hidden layer has a step, Z{l} here is the step's output:
     * what the activation sees, and so what its kinks, its saturation and the reference's
     * f(Z0) + f'(Z0) ⊙ (Z − Z0) are about.
     */
    public static Forward.Pass forward(NetworkCase c, Tensors params) {
        CustomActivation f = c.customHidden();
        LayerStep step = c.layerStep();
        if (f == null && step == null) {
            return Forward.run(c.spec(), params, c.x());
        }
        NetSpec s = c.spec();
        Matrix[] z = new Matrix[s.layers() + 1];
        Matrix[] a = new Matrix[s.layers() + 1];
        a[0] = Matrix.of(c.x());
        for (int l = 1; l <= s.layers(); l++) {
            Matrix zl = a[l - 1].times(Matrix.of(params.get("W" + l)));
            if (s.hasBias(l)) {
                double[] b = flat(params.get("b" + l));
                for (int i = 0; i < zl.rows; i++) {
                    for (int j = 0; j < zl.cols; j++) {
                        zl.set(i, j, zl.get(i, j) + b[j]);
                    }
                }
            }
            boolean hidden = l < s.layers();
            if (hidden && step != null) {
                zl = Matrix.of(step.value(Nd4j.create(zl.v, new long[] {zl.rows, zl.cols}, 'c'), step.of(params, l)));
            }
            z[l] = zl;
            a[l] = hidden && f != null ? zl.map(f::value) : Forward.activate(s.activation(l), zl);
        }
        return new Forward.Pass(z, a);
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
        return backprop.harness.core.Elements.toArray(a);
    }
}
