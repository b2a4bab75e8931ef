package backprop.harness.check;

import backprop.harness.api.Activation;
import backprop.harness.api.Loss;
import backprop.harness.api.NetSpec;
import backprop.harness.cases.NetworkCase;
import backprop.harness.core.Elements;
import backprop.harness.core.Forward;
import backprop.harness.core.LossTerms;

/**
 * Central differences, element by element, of the harness's own plain-Java copy of a case's
 * network ({@link Forward}, {@link LossTerms}), not of the learner's loss: the full check's way
 * to compare every gradient element with a finite difference without 2P calls of an ND4J loss
 * (NetworkCheck says when it may, and what ties the copy to the learner's loss).
 *
 * <p>A move of one element of W{l} or b{l} changes one column of Z{l} and nothing before it, so
 * each evaluation starts from the unmoved point's pass and recomputes only that column, the rank-1
 * change it makes to Z{l+1}, and the layers after: O(m · n{l+1}) plus the later layers' products,
 * microseconds where an ND4J loss call takes hundreds. Where only one column of the output moves
 * under an element-wise loss, only that column's terms are summed: the others cancel exactly in
 * f(θ+h) − f(θ−h), so the estimate is no less precise than one made from whole losses.
 *
 * <p>Steps, the kink guard (±2h, a kinked unit changing sign or sitting on 0 skips the element)
 * and the noise estimate (a second step 2h where {@link FiniteDifferences.NeedsNoise} asks) are
 * those of {@link FiniteDifferences}.
 */
final class CopyDifferences {
    private static final double H = FiniteDifferences.STEP;

    private final NetSpec spec;
    private final int layers;
    private final int m;
    private final int[] n;
    private final double[][] w;
    private final double[][] biases;
    private final double[][] z;
    private final double[][] a;
    private final double[] y;
    private final Loss loss;
    private final Activation output;
    private final boolean[] kinked;
    /** A kinked unit exactly on its kink at θ: every element is skipped, as FiniteDifferences' guard does. */
    private final boolean onKink;
    private final boolean anyKink;
    /** Scratch: the moved point's Z and A from the moved layer on, and the moved column of Z{l}. */
    private final double[][] zs;
    private final double[][] as;
    private final double[] column;
    private boolean crossed;

    /** Whether the copy computes this case's loss: built-in losses and activations only, no layer step. */
    static boolean covers(NetworkCase c) {
        return c.customLoss() == null && c.customHidden() == null && c.layerStep() == null;
    }

    CopyDifferences(NetworkCase c) {
        if (!covers(c)) {
            throw new IllegalArgumentException("the harness's copy has no custom loss or activation: " + c.describe());
        }
        spec = c.spec();
        layers = spec.layers();
        m = c.m();
        n = new int[layers + 1];
        w = new double[layers + 1][];
        biases = new double[layers + 1][];
        for (int l = 0; l <= layers; l++) {
            n[l] = spec.width(l);
        }
        Forward.Pass pass = Forward.run(spec, c.params(), c.x());
        z = new double[layers + 1][];
        a = new double[layers + 1][];
        zs = new double[layers + 1][];
        as = new double[layers + 1][];
        kinked = new boolean[layers + 1];
        a[0] = pass.a()[0].v;
        boolean on = false;
        boolean any = false;
        for (int l = 1; l <= layers; l++) {
            w[l] = Elements.toArray(c.params().get("W" + l));
            biases[l] = spec.hasBias(l) ? Elements.toArray(c.params().get("b" + l)) : null;
            z[l] = pass.z()[l].v;
            a[l] = pass.a()[l].v;
            zs[l] = new double[m * n[l]];
            as[l] = new double[m * n[l]];
            kinked[l] = spec.activation(l).hasKinkAtZero();
            any |= kinked[l];
            for (int k = 0; kinked[l] && k < z[l].length; k++) {
                on |= z[l][k] == 0;
            }
        }
        onKink = on;
        anyKink = any;
        y = Elements.toArray(c.y());
        loss = spec.loss();
        output = spec.output();
        column = new double[m];
    }

    /** J at the unmoved point, L2 term included: what the learner's loss must equal for the copy to stand for it. */
    double loss() {
        double l2 = 0;
        for (int l = 1; l <= layers; l++) {
            for (double v : w[l]) {
                l2 += v * v;
            }
        }
        return (LossTerms.sum(loss, output, z[layers], y, m, n[layers]) + 0.5 * spec.lambda() * l2) / m;
    }

    /** Estimates for every element of parameter {@code name} (W{l} or b{l}), row-major. */
    FiniteDifferences.Estimates array(String name, FiniteDifferences.NeedsNoise needsNoise) {
        int l = Integer.parseInt(name.substring(1));
        boolean bias = name.startsWith("b");
        int count = bias ? n[l] : n[l - 1] * n[l];
        double[] values = new double[count];
        double[] noise = new double[count];
        boolean[] skipped = new boolean[count];
        for (int k = 0; k < count; k++) {
            FiniteDifferences.Estimate e = element(l, bias ? -1 : k / n[l], k % n[l], k, needsNoise);
            values[k] = e.skipped() ? 0 : e.value();
            noise[k] = e.noise();
            skipped[k] = e.skipped();
        }
        return new FiniteDifferences.Estimates(values, noise, skipped);
    }

    /** Element (i, j) of W{l}, or j of b{l} when i < 0. */
    private FiniteDifferences.Estimate element(int l, int i, int j, int k, FiniteDifferences.NeedsNoise needsNoise) {
        if (onKink) {
            return FiniteDifferences.Estimate.SKIPPED;
        }
        double wide = Double.NaN;
        if (anyKink) {
            crossed = false;
            wide = difference(l, i, j, 2 * H);
            if (crossed) {
                return FiniteDifferences.Estimate.SKIPPED;
            }
        }
        double d1 = difference(l, i, j, H);
        if (!needsNoise.at(k, d1)) {
            return new FiniteDifferences.Estimate(d1, 0, false);
        }
        return FiniteDifferences.withNoise(d1, Double.isNaN(wide) ? difference(l, i, j, 2 * H) : wide);
    }

    private double difference(int l, int i, int j, double h) {
        return (evaluate(l, i, j, h) - evaluate(l, i, j, -h)) / (2 * h) / m;
    }

    /**
     * m · J at the point moved by {@code delta} in one element, less terms the move leaves
     * unchanged (so only differences of two such values mean anything). Sets {@link #crossed}
     * when a kinked unit it recomputes changes sign or lands on its kink.
     */
    private double evaluate(int l, int i, int j, double delta) {
        int nl = n[l];
        int np = n[l - 1];
        double[] zl = z[l];
        double[] prev = a[l - 1];
        for (int r = 0; r < m; r++) {
            column[r] = zl[r * nl + j] + (i < 0 ? delta : delta * prev[r * np + i]);
            if (kinked[l]) {
                crossed |= crosses(zl[r * nl + j], column[r]);
            }
        }
        // The L2 term of this element alone: λ/2 · (w + δ)², the others unchanged.
        double l2 = 0;
        if (i >= 0 && spec.lambda() != 0) {
            double moved = w[l][i * nl + j] + delta;
            l2 = 0.5 * spec.lambda() * moved * moved;
        }
        if (l == layers) {
            if (LossTerms.elementWise(loss)) {
                double s = 0;
                for (int r = 0; r < m; r++) {
                    s += LossTerms.element(loss, output, column[r], y[r * nl + j]);
                }
                return s + l2;
            }
            System.arraycopy(zl, 0, zs[l], 0, zl.length);
            for (int r = 0; r < m; r++) {
                zs[l][r * nl + j] = column[r];
            }
            return LossTerms.sum(loss, output, zs[l], y, m, nl) + l2;
        }
        // Z{l+1} moves by the change in column j of A{l} times row j of W{l+1}: a rank-1 update.
        Activation f = spec.activation(l);
        int nn = n[l + 1];
        double[] wn = w[l + 1];
        double[] zn = zs[l + 1];
        double[] zBase = z[l + 1];
        for (int r = 0; r < m; r++) {
            double change = Forward.value(f, column[r]) - a[l][r * nl + j];
            int o = r * nn;
            int wo = j * nn;
            for (int q = 0; q < nn; q++) {
                zn[o + q] = zBase[o + q] + change * wn[wo + q];
            }
        }
        for (int k = l + 1; ; k++) {
            if (kinked[k]) {
                for (int q = 0; q < zs[k].length; q++) {
                    crossed |= crosses(z[k][q], zs[k][q]);
                }
            }
            if (k == layers) {
                return LossTerms.sum(loss, output, zs[k], y, m, n[k]) + l2;
            }
            Activation g = spec.activation(k);
            for (int q = 0; q < zs[k].length; q++) {
                as[k][q] = Forward.value(g, zs[k][q]);
            }
            multiply(k + 1);
        }
    }

    /** zs{k} = as{k−1} · W{k} + b{k}; a move in an earlier layer leaves b{k} as it was. */
    private void multiply(int k) {
        int nk = n[k];
        int np = n[k - 1];
        double[] out = zs[k];
        double[] in = as[k - 1];
        double[] wk = w[k];
        double[] bias = biases[k];
        java.util.Arrays.fill(out, 0);
        for (int r = 0; r < m; r++) {
            int o = r * nk;
            for (int p = 0; p < np; p++) {
                double x = in[r * np + p];
                int wo = p * nk;
                for (int q = 0; q < nk; q++) {
                    out[o + q] += x * wk[wo + q];
                }
            }
            for (int q = 0; bias != null && q < nk; q++) {
                out[o + q] += bias[q];
            }
        }
    }

    private static boolean crosses(double from, double to) {
        return from == 0 || to == 0 || (from > 0) != (to > 0);
    }
}
