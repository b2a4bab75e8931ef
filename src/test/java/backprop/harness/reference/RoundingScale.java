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
 * element's own size. To first order, in units of eps:
 * <ul>
 * <li>the terms themselves: the backward pass on absolute values (|A|, |W|, |slope|, |A − Y|);
 * every operation rounds to within eps of its result, and a sum that cancels to almost
 * nothing keeps the rounding of its terms;
 * <li>the forward pass's rounding: Z keeps the rounding of its terms |A|·|W| + |b|, and A =
 * f(Z) carries that times f', plus its own rounding (for ND4J's tanh an ulp of 1, not of A);
 * it reaches the gradient through A (dW = Aᵀ·dZ), through the output delta and the slopes;
 * <li>what a slope or delta computed from a rounded value carries: 1 − t² (tanh) and σ(1 − σ)
 * are off by about one ulp of 1 however small the true slope is (t rounds to within an ulp of
 * ±1 at |z| ≈ 19), and A − Y (P − Y, σ − Y) by an ulp of |A| + |Y|.
 * </ul>
 * Each error enters once, with the other factors at their size. Plain Java loops over the
 * harness's own forward pass ({@link Forward}); nothing here depends on ND4J's autodiff or on
 * PyTorch.
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
        // Forward rounding, in units of eps: Z's sum keeps the rounding of its terms (a sum
        // that cancels to a small Z keeps all of it), and A = f(Z) carries Z's error times f'.
        double[][] fz = new double[layers][];
        double[][] fa = new double[layers + 1][];
        fa[0] = new double[a[0].length];
        for (int l = 1; l <= layers; l++) {
            int nIn = s.width(l - 1);
            int nOut = s.width(l);
            double[] w = flat(c.params().get("W" + l));
            double[] b = s.hasBias(l) ? flat(c.params().get("b" + l)) : new double[nOut];
            fz[l - 1] = new double[m * nOut];
            fa[l] = new double[m * nOut];
            Activation f = s.activation(l);
            for (int i = 0; i < m; i++) {
                double worst = 0;
                for (int j = 0; j < nOut; j++) {
                    double sum = Math.abs(b[j]);
                    for (int k = 0; k < nIn; k++) {
                        sum += (Math.abs(a[l - 1][i * nIn + k]) + fa[l - 1][i * nIn + k]) * Math.abs(w[k * nOut + j]);
                    }
                    fz[l - 1][i * nOut + j] = sum;
                    worst = Math.max(worst, sum);
                }
                for (int j = 0; j < nOut; j++) {
                    int e = i * nOut + j;
                    double slope = f == Activation.SOFTMAX ? 0 : Math.abs(slope(f, z[l - 1][e], a[l][e]));
                    // softmax: dP_j = P_j (dZ_j − Σ P dZ), at most P_j (|dZ_j| + max |dZ|)
                    // ND4J's tanh is off by up to an ulp of 1, not of tanh(z): 1.2e-13 relative at
                    // z = 1e-5, 5e-14 at 3e-4 (measured against Math.tanh), so it adds 1.
                    fa[l][e] = Math.abs(a[l][e]) + (f == Activation.TANH ? 1 : 0)
                            + (f == Activation.SOFTMAX ? a[l][e] * (fz[l - 1][e] + worst) : slope * fz[l - 1][e]);
                }
            }
        }
        double[] y = flat(c.y());
        int nL = s.width(layers);
        double[] dz = new double[m * nL];
        double[] ez = new double[m * nL];
        for (int i = 0; i < dz.length; i++) {
            double gap = Math.abs(a[layers][i] - y[i]);
            double gapError = Math.abs(a[layers][i]) + Math.abs(y[i]) + fa[layers][i];
            if (s.loss() == Loss.MSE) {
                Activation f = s.activation(layers);
                double slope = Math.abs(slope(f, z[layers - 1][i], a[layers][i]));
                dz[i] = gap * slope / m;
                ez[i] = (gapError * slope + gap * slopeError(f, fz[layers - 1][i])) / m;
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
                        int e = i * nIn + k;
                        sum += Math.abs(a[l - 1][e]) * (dz[i * nOut + j] + ez[i * nOut + j]) + fa[l - 1][e] * dz[i * nOut + j];
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
                        belowError[e] = error * slope + sum * slopeError(f, fz[l - 2][e]);
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

    /**
     * The slope's own error in units of eps: one ulp of 1 where it is computed from the unit's
     * value, plus Z's error times |f''| (at most 1 for tanh and sigmoid). ReLU-type slopes are
     * exact away from the kink, and cases within 1e-9 of a kink are not compared.
     */
    private static double slopeError(Activation f, double zError) {
        return f == Activation.SIGMOID || f == Activation.TANH ? 1 + zError : 0;
    }

    private static double[] flat(org.nd4j.linalg.api.ndarray.INDArray x) {
        return x.dup('c').data().asDouble();
    }
}
