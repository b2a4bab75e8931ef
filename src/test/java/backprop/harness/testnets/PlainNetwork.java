package backprop.harness.testnets;

import java.util.ArrayList;
import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

import backprop.harness.api.Activation;
import backprop.harness.api.Loss;
import backprop.harness.api.NetSpec;
import backprop.harness.cases.NetworkCase;
import backprop.harness.api.Tensors;
import backprop.harness.check.NetworkUnderTest;

/**
 * A correct network for any {@link NetSpec}, written plainly with ND4J, for the harness's own
 * tests. Each backward step is a protected method, so a broken variant overrides exactly the
 * one step its bug lives in.
 */
public class PlainNetwork implements NetworkUnderTest {

    /** What forward keeps: A[0] = X, Z[l] and A[l] for l = 1..L. */
    protected static final class Cache {
        public final INDArray[] z;
        public final INDArray[] a;

        Cache(int layers) {
            z = new INDArray[layers + 1];
            a = new INDArray[layers + 1];
        }
    }

    @Override
    public double loss(NetworkCase c) {
        Cache k = forward(c, c.params());
        return dataLoss(c.spec(), k, c.y()) / c.m() + regularisation(c);
    }

    @Override
    public Tensors gradients(NetworkCase c) {
        NetSpec s = c.spec();
        Tensors p = c.params();
        Cache k = forward(c, p);
        int m = c.m();
        int layers = s.layers();
        List<Object[]> out = new ArrayList<>();
        INDArray dz = outputDelta(s, k.a[layers], k.z[layers], c.y(), m);
        for (int l = layers; l >= 1; l--) {
            INDArray w = p.get("W" + l);
            INDArray dw = weightGradient(k.a[l - 1], dz, w, s.lambda(), m);
            INDArray db = s.hasBias(l) ? biasGradient(dz, p.get("b" + l), s.lambda(), m) : null;
            out.add(0, new Object[] {l, dw, db});
            if (l > 1) {
                dz = propagate(dz, w, s.activation(l - 1), k.z[l - 1], k.a[l - 1]);
            }
        }
        Tensors g = Tensors.empty();
        for (Object[] o : out) {
            int l = (Integer) o[0];
            g.put("W" + l, (INDArray) o[1]);
            if (o[2] != null) {
                g.put("b" + l, (INDArray) o[2]);
            }
        }
        return g;
    }

    protected Cache forward(NetworkCase c, Tensors p) {
        NetSpec s = c.spec();
        Cache k = new Cache(s.layers());
        k.a[0] = c.x();
        for (int l = 1; l <= s.layers(); l++) {
            INDArray z = k.a[l - 1].mmul(p.get("W" + l));
            if (s.hasBias(l)) {
                z = z.addRowVector(p.get("b" + l));
            }
            k.z[l] = z;
            k.a[l] = activate(s.activation(l), z);
        }
        return k;
    }

    protected double dataLoss(NetSpec s, Cache k, INDArray y) {
        int layers = s.layers();
        INDArray a = k.a[layers];
        INDArray z = k.z[layers];
        switch (s.loss()) {
            case MSE: {
                INDArray d = a.sub(y);
                return 0.5 * d.mul(d).sumNumber().doubleValue();
            }
            case BCE:
                return y.mul(softplus(z.neg())).add(y.rsub(1.0).mul(softplus(z))).sumNumber().doubleValue();
            default:
                return -y.mul(logSoftmax(z)).sumNumber().doubleValue();
        }
    }

    protected double regularisation(NetworkCase c) {
        double sum = 0;
        for (int l = 1; l <= c.spec().layers(); l++) {
            INDArray w = c.params().get("W" + l);
            sum += w.mul(w).sumNumber().doubleValue();
        }
        return c.spec().lambda() / (2.0 * c.m()) * sum;
    }

    /** dZL (m×nL) = ∂J/∂ZL. */
    protected INDArray outputDelta(NetSpec s, INDArray a, INDArray z, INDArray y, int m) {
        INDArray err = a.sub(y).div(m);
        if (s.loss() == Loss.MSE) {
            return err.mul(derivative(s.output(), z, a));
        }
        return err;
    }

    /** dW (nIn×nOut) = A_prevᵀ (nIn×m) · dZ (m×nOut) + (λ/m) W. */
    protected INDArray weightGradient(INDArray aPrev, INDArray dz, INDArray w, double lambda, int m) {
        return aPrev.transpose().mmul(dz).add(w.mul(lambda / m));
    }

    /** db (1×nOut) = column sums of dZ (m×nOut). */
    protected INDArray biasGradient(INDArray dz, INDArray b, double lambda, int m) {
        return dz.sum(true, 0);
    }

    /** dZ_prev (m×nIn) = (dZ (m×nOut) · Wᵀ (nOut×nIn)) ⊙ f'(Z_prev). */
    protected INDArray propagate(INDArray dz, INDArray w, Activation f, INDArray zPrev, INDArray aPrev) {
        return dz.mmul(w.transpose()).mul(derivative(f, zPrev, aPrev));
    }

    protected INDArray derivative(Activation f, INDArray z, INDArray a) {
        switch (f) {
            case IDENTITY: return z.mul(0).add(1.0);
            case SIGMOID: return a.mul(a.rsub(1.0));
            case TANH: return a.mul(a).rsub(1.0);
            case RELU: return Transforms.step(z);
            case LEAKY_RELU: return Transforms.step(z).mul(1 - Activation.LEAKY_SLOPE).add(Activation.LEAKY_SLOPE);
            default: throw new IllegalStateException("softmax has no element-wise derivative");
        }
    }

    protected static INDArray activate(Activation f, INDArray z) {
        switch (f) {
            case IDENTITY: return z.dup();
            case SIGMOID: return Transforms.sigmoid(z, true);
            case TANH: return Transforms.tanh(z, true);
            case RELU: return Transforms.relu(z, true);
            case LEAKY_RELU: return Transforms.leakyRelu(z, Activation.LEAKY_SLOPE, true);
            default: return Transforms.exp(logSoftmax(z), false);
        }
    }

    static INDArray softplus(INDArray x) {
        return Transforms.max(x, 0.0, true).add(Transforms.log(Transforms.exp(Transforms.abs(x, true).neg(), false).add(1.0), false));
    }

    static INDArray logSoftmax(INDArray z) {
        INDArray shifted = z.subColumnVector(z.max(true, 1));
        INDArray lse = Transforms.log(Transforms.exp(shifted, true).sum(true, 1), false);
        return shifted.subColumnVector(lse);
    }
}
