package backprop.harness.core;

import backprop.harness.api.Activation;
import backprop.harness.api.Loss;

/**
 * The built-in losses in plain doubles, one sample's or one element's term at a time, so that a
 * caller who changed a few pre-activations can sum just the terms that changed. Written from Z
 * where the output is sigmoid or softmax, as the reference writes them, for stability. (The
 * SameDiff reference is the independent definition; this one serves the harness's own finite
 * differences, NetworkCheck's copy of the network.)
 */
public final class LossTerms {
    private LossTerms() {
    }

    /** Whether the loss is a sum of one term per output element (not per row, as softmax's is). */
    public static boolean elementWise(Loss loss) {
        return loss != Loss.SOFTMAX_CE;
    }

    /** One element's term of the summed data loss (m · J without L2), for an element-wise loss. */
    public static double element(Loss loss, Activation output, double z, double y) {
        switch (loss) {
            case MSE: {
                double d = Forward.value(output, z) - y;
                return 0.5 * d * d;
            }
            case BCE:
                // −[y log σ(z) + (1 − y) log(1 − σ(z))] = y·softplus(−z) + (1 − y)·softplus(z)
                return y * softplus(-z) + (1 - y) * softplus(z);
            default:
                throw new IllegalArgumentException(loss + " is row-wise, not element-wise");
        }
    }

    /** One sample's term of the summed softmax cross-entropy, −Σ_j y_j log softmax(z)_j, for row {@code row} of m × n {@code z}. */
    public static double softmaxRow(double[] z, double[] y, int row, int n) {
        int o = row * n;
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < n; j++) {
            max = Math.max(max, z[o + j]);
        }
        double sum = 0;
        for (int j = 0; j < n; j++) {
            sum += Math.exp(z[o + j] - max);
        }
        double logSum = Math.log(sum);
        double s = 0;
        for (int j = 0; j < n; j++) {
            if (y[o + j] != 0) {
                s -= y[o + j] * (z[o + j] - max - logSum);
            }
        }
        return s;
    }

    /** The summed data loss over every element of m × n {@code z} (J · m without L2). */
    public static double sum(Loss loss, Activation output, double[] z, double[] y, int m, int n) {
        double s = 0;
        if (elementWise(loss)) {
            for (int k = 0; k < m * n; k++) {
                s += element(loss, output, z[k], y[k]);
            }
        } else {
            for (int i = 0; i < m; i++) {
                s += softmaxRow(z, y, i, n);
            }
        }
        return s;
    }

    /** log(1 + e^x) without overflow. */
    static double softplus(double x) {
        return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
    }
}
