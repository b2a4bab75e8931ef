package backprop.harness.reference;

import java.util.HashMap;
import java.util.Map;

import backprop.harness.api.Activation;
import backprop.harness.api.Loss;
import backprop.harness.api.NetSpec;
import backprop.harness.cases.NetworkCase;
import backprop.harness.core.Forward;

/**
 * For every gradient element, the size of what its float64 computation rounds, so that the
 * difference between two correct computations is at most a few eps times it, whatever the
 * element's own size. It is the sum of two backward passes on absolute values:
 * <ul>
 * <li>V, the terms themselves (|A|, |W|, |slope|, |A − Y|): each operation rounds to within
 * eps of its result, and a sum that cancels to almost nothing keeps the rounding of its terms;
 * <li>E, what a slope or delta computed from a rounded value carries: 1 − t² (tanh) and
 * σ(1 − σ) are off by about one ulp of 1 however small the true slope is (t rounds to within
 * an ulp of ±1 at |z| ≈ 19), and A − Y (P − Y, σ − Y) is off by an ulp of |A| + |Y|. Each
 * such error enters once, with the other factors at their size (first order).
 * </ul>
 * ReLU, leaky ReLU and identity slopes are exact (0, 1 or the constant). Plain Java loops over
 * the harness's own forward pass ({@link Forward}); nothing here depends on ND4J's autodiff or
 * on PyTorch.
 */
final class RoundingScale {
    static final double EPS = Math.ulp(1.0);

    private RoundingScale() {
    }

    /** The magnitude of the terms behind each gradient element, by parameter name (row-major). */
    static Map<String, double[]> of(NetworkCase c) {
        NetSpec s = c.spec();
        int layers = s.layers();
        int m = c.m();
        Forward.Pass pass = Forward.run(s, c.params(), c.x());
        double[][] z = new double[layers][];
        double[][] a = new double[layers + 1][];
        a[0] = pass.a()[0].v;
        for (int l = 1; l <= layers; l++) {
            z[l - 1] = pass.z()[l].v;
            a[l] = pass.a()[l].v;
        }
        double[] y = flat(c.y());
        int nL = s.width(layers);
        double[] dz = new double[m * nL];
        double[] ez = new double[m * nL];
        for (int i = 0; i < dz.length; i++) {
            double gap = Math.abs(a[layers][i] - y[i]);
            double gapError = Math.abs(a[layers][i]) + Math.abs(y[i]);
            if (s.loss() == Loss.MSE) {
                Activation f = s.activation(layers);
                double slope = Math.abs(slope(f, z[layers - 1][i], a[layers][i]));
                dz[i] = gap * slope / m;
                ez[i] = (gapError * slope + gap * slopeError(f)) / m;
            } else {
                dz[i] = gap / m;
                ez[i] = gapError / m;
            }
        }
        Map<String, double[]> out = new HashMap<>();
        for (int l = layers; l >= 1; l--) {
            int nIn = s.width(l - 1);
            int nOut = s.width(l);
            double[] w = flat(c.params().get("W" + l));
            double[] dw = new double[nIn * nOut];
            double[] db = new double[nOut];
            for (int k = 0; k < nIn; k++) {
                for (int j = 0; j < nOut; j++) {
                    double sum = s.lambda() / m * Math.abs(w[k * nOut + j]);
                    for (int i = 0; i < m; i++) {
                        sum += Math.abs(a[l - 1][i * nIn + k]) * (dz[i * nOut + j] + ez[i * nOut + j]);
                    }
                    dw[k * nOut + j] = sum;
                }
            }
            for (int j = 0; j < nOut; j++) {
                for (int i = 0; i < m; i++) {
                    db[j] += dz[i * nOut + j] + ez[i * nOut + j];
                }
            }
            out.put("W" + l, dw);
            out.put("b" + l, db);
            if (l > 1) {
                double[] below = new double[m * nIn];
                double[] belowError = new double[m * nIn];
                Activation f = s.activation(l - 1);
                for (int i = 0; i < m; i++) {
                    for (int k = 0; k < nIn; k++) {
                        double sum = 0;
                        double error = 0;
                        for (int j = 0; j < nOut; j++) {
                            sum += dz[i * nOut + j] * Math.abs(w[k * nOut + j]);
                            error += ez[i * nOut + j] * Math.abs(w[k * nOut + j]);
                        }
                        int e = i * nIn + k;
                        double slope = Math.abs(slope(f, z[l - 2][e], a[l - 1][e]));
                        below[e] = sum * slope;
                        belowError[e] = error * slope + sum * slopeError(f);
                    }
                }
                ez = belowError;
                dz = below;
            }
        }
        return out;
    }

    /** f'(z); only element-wise activations reach here (softmax heads have no slope factor). */
    private static double slope(Activation f, double z, double a) {
        return Forward.slope(f, z);
    }

    /** The slope's own error in units of eps: one ulp of 1 where it is computed from the unit's value. */
    private static double slopeError(Activation f) {
        return f == Activation.SIGMOID || f == Activation.TANH ? 1 : 0;
    }

    private static double[] flat(org.nd4j.linalg.api.ndarray.INDArray x) {
        return x.dup('c').data().asDouble();
    }
}
