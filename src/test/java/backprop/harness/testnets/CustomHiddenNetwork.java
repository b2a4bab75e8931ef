package backprop.harness.testnets;

import org.nd4j.linalg.api.ndarray.INDArray;

import backprop.harness.api.Activation;
import backprop.harness.api.NetSpec;
import backprop.harness.api.Tensors;
import backprop.harness.cases.CustomActivation;
import backprop.harness.cases.NetworkCase;

/** {@link PlainNetwork} with every hidden layer under a {@link CustomActivation}, its slope replaceable by a mistake. */
public class CustomHiddenNetwork extends PlainNetwork {
    private final CustomActivation f;

    public CustomHiddenNetwork(CustomActivation f) {
        this.f = f;
    }

    /** f' as this network computes it; a catalogued mistake overrides it. */
    protected double slope(double z) {
        return f.slope(z);
    }

    @Override
    protected Cache forward(NetworkCase c, Tensors p) {
        Cache k = super.forward(c, p);
        NetSpec s = c.spec();
        // Recomputed layer by layer: the hidden layers' spec activation is only an identity placeholder.
        for (int l = 1; l <= s.layers(); l++) {
            INDArray z = k.a[l - 1].mmul(p.get("W" + l));
            if (s.hasBias(l)) {
                z = z.addRowVector(p.get("b" + l));
            }
            k.z[l] = z;
            k.a[l] = l < s.layers() ? map(z, f::value) : activate(s.activation(l), z);
        }
        return k;
    }

    @Override
    protected INDArray propagate(INDArray dz, INDArray w, Activation ignored, INDArray zPrev, INDArray aPrev) {
        return dz.mmul(w.transpose()).mul(map(zPrev, this::slope));
    }

    private static INDArray map(INDArray z, java.util.function.DoubleUnaryOperator op) {
        INDArray r = z.dup();
        for (long i = 0; i < r.length(); i++) {
            r.putScalar(i, op.applyAsDouble(r.getDouble(i)));
        }
        return r;
    }
}
