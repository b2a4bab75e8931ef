package backprop.harness.core;

import org.nd4j.linalg.api.ndarray.INDArray;

import backprop.harness.api.Activation;
import backprop.harness.api.NetSpec;
import backprop.harness.api.Tensors;

/**
 * The harness's one definition of the forward pass in plain doubles, with each activation's
 * value and slope: used to find kinks and to re-derive gradients under a hypothesis. (The
 * SameDiff reference is deliberately a second, independent definition.) A new activation is
 * added here, in {@link Activation}, and in the reference.
 */
public final class Forward {
    private Forward() {
    }

    /** Z{l} and A{l} for l = 0..L (index l); Z[0] is null and A[0] is X. */
    public record Pass(Matrix[] z, Matrix[] a) {
    }

    public static Pass run(NetSpec spec, Tensors params, INDArray x) {
        int layers = spec.layers();
        Matrix[] z = new Matrix[layers + 1];
        Matrix[] a = new Matrix[layers + 1];
        a[0] = Matrix.of(x);
        for (int l = 1; l <= layers; l++) {
            Matrix zl = a[l - 1].times(Matrix.of(params.get("W" + l)));
            if (spec.hasBias(l)) {
                Matrix b = Matrix.of(params.get("b" + l));
                for (int i = 0; i < zl.rows; i++) {
                    for (int j = 0; j < zl.cols; j++) {
                        zl.set(i, j, zl.get(i, j) + b.v[j]);
                    }
                }
            }
            z[l] = zl;
            a[l] = activate(spec.activation(l), zl);
        }
        return new Pass(z, a);
    }

    /** f applied to every element, or row-wise for softmax. */
    public static Matrix activate(Activation f, Matrix z) {
        if (f != Activation.SOFTMAX) {
            return z.map(v -> value(f, v));
        }
        Matrix r = new Matrix(z.rows, z.cols);
        for (int i = 0; i < z.rows; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < z.cols; j++) {
                max = Math.max(max, z.get(i, j));
            }
            double sum = 0;
            for (int j = 0; j < z.cols; j++) {
                sum += Math.exp(z.get(i, j) - max);
            }
            for (int j = 0; j < z.cols; j++) {
                r.set(i, j, Math.exp(z.get(i, j) - max) / sum);
            }
        }
        return r;
    }

    /** f' at every element (softmax has no element-wise slope and is rejected). */
    public static Matrix slope(Activation f, Matrix z) {
        return z.map(v -> slope(f, v));
    }

    public static double value(Activation f, double z) {
        switch (f) {
            case IDENTITY: return z;
            case SIGMOID: return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
            case TANH: return Math.tanh(z);
            case RELU: return z > 0 ? z : 0;
            case LEAKY_RELU: return z > 0 ? z : Activation.LEAKY_SLOPE * z;
            default: throw new IllegalArgumentException("softmax is row-wise, not element-wise");
        }
    }

    /**
     * f' written from the activation a = f(z), as courses write it (σ' = a(1 − a), tanh' = 1 − a²);
     * fed z instead of a, it is the "a-form fed z" mistake the diagnosis looks for. Null where
     * the slope is not usually written from a (identity, ReLU-type: the same formula either way).
     */
    public static java.util.function.DoubleUnaryOperator aForm(Activation f) {
        switch (f) {
            case SIGMOID: return a -> a * (1 - a);
            case TANH: return a -> 1 - a * a;
            default: return null;
        }
    }

    /** f'(z); at a kink (z = 0) the right-hand slope. */
    public static double slope(Activation f, double z) {
        switch (f) {
            case IDENTITY: return 1;
            case SIGMOID: {
                double s = value(f, z);
                return s * (1 - s);
            }
            case TANH: {
                double t = Math.tanh(z);
                return 1 - t * t;
            }
            case RELU: return z > 0 ? 1 : 0;
            case LEAKY_RELU: return z > 0 ? 1 : Activation.LEAKY_SLOPE;
            default: throw new IllegalArgumentException("softmax is row-wise, not element-wise");
        }
    }
}
