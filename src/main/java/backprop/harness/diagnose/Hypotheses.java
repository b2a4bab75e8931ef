package backprop.harness.diagnose;

import backprop.harness.core.Matrix;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

import backprop.harness.api.Activation;
import backprop.harness.api.Loss;
import backprop.harness.api.NetSpec;
import backprop.harness.cases.NetworkCase;
import backprop.harness.api.Tensors;

/**
 * Tests named mistakes against the learner's numbers: for each, it recomputes what dW and db
 * of one layer would be if the learner had made exactly that mistake (and nothing else), and
 * keeps the mistakes whose numbers match the learner's. A match on random data is evidence, not
 * a guess.
 */
final class Hypotheses {
    private final NetworkCase c;
    private final NetSpec s;
    private final int m;
    private final Matrix[] z;
    private final Matrix[] a;
    private final Matrix y;

    Hypotheses(NetworkCase c) {
        this.c = c;
        this.s = c.spec();
        this.m = c.m();
        int layers = s.layers();
        z = new Matrix[layers + 1];
        a = new Matrix[layers + 1];
        a[0] = Matrix.of(c.x());
        y = Matrix.of(c.y());
        for (int l = 1; l <= layers; l++) {
            Matrix zl = a[l - 1].times(Matrix.of(c.params().get("W" + l)));
            if (s.hasBias(l)) {
                Matrix b = Matrix.of(c.params().get("b" + l));
                for (int i = 0; i < zl.rows; i++) {
                    for (int j = 0; j < zl.cols; j++) {
                        zl.set(i, j, zl.get(i, j) + b.v[j]);
                    }
                }
            }
            z[l] = zl;
            a[l] = activate(s.activation(l), zl);
        }
    }

    /** Output-layer mistakes whose dW and db match the learner's. */
    List<Diagnosis> outputLayer(Tensors learner) {
        int top = s.layers();
        Activation f = s.output();
        Matrix err = a[top].zip(y, (p, q) -> (p - q) / m);
        List<Object[]> candidates = new ArrayList<>();
        String dz = "dZ" + top;
        if (s.loss() == Loss.MSE) {
            Matrix fp = derivative(f, z[top], a[top]);
            if (f != Activation.IDENTITY) {
                candidates.add(new Object[] {"delta:no-fprime", err,
                    dz + " lacks the factor f'(Z" + top + "): (A − Y)/m is the delta for cross-entropy, but this loss is squared error,"
                    + " whose delta is (A − Y) ⊙ f'(Z)/m."});
                candidates.add(new Object[] {"delta:fprime-twice", err.zip(fp, (e, d) -> e * d * d),
                    dz + " multiplies by f'(Z" + top + ") twice; the squared-error delta has it once."});
                candidates.add(new Object[] {"delta:fprime-of-a", err.zip(derivative(f, a[top], activate(f, a[top])), (e, d) -> e * d),
                    dz + " uses f'(A" + top + ") where f'(Z" + top + ") belongs: the activation was fed to a derivative written from z."});
            }
            if (f == Activation.SIGMOID) {
                candidates.add(new Object[] {"delta:aform-of-z", err.zip(z[top], (e, q) -> e * q * (1 - q)),
                    dz + " uses Z(1 − Z): the derivative written from a (a·(1 − a), the question's sigmoid(a, derv=True)) was given z."});
            }
        } else if (s.loss() == Loss.BCE) {
            Matrix fp = derivative(f, z[top], a[top]);
            candidates.add(new Object[] {"delta:mse-with-bce", err.zip(fp, (e, d) -> e * d),
                dz + " has an extra σ'(Z" + top + "): that is the squared-error delta, but with cross-entropy σ' cancels and dZ = (A − Y)/m."});
        } else {
            candidates.add(new Object[] {"delta:logits", z[top].zip(y, (p, q) -> (p - q) / m),
                dz + " is formed from the logits Z" + top + ", not the probabilities P = softmax(Z" + top + "): dZ = (P − Y)/m."});
        }
        return matching(learner, top, candidates);
    }

    /** Mistakes in passing the delta from layer l+1 (right) down to layer l. */
    List<Diagnosis> hiddenLayer(Tensors learner, Tensors truth, int l) {
        Activation f = s.activation(l);
        Matrix dzAbove = trueDz(truth, l + 1);
        if (dzAbove == null) {
            return List.of();
        }
        Matrix da = dzAbove.timesTranspose(Matrix.of(c.params().get("W" + (l + 1))));
        Matrix fp = derivative(f, z[l], a[l]);
        List<Object[]> candidates = new ArrayList<>();
        String dz = "dZ" + l;
        String fz = "f'(Z" + l + ")";
        if (f == Activation.RELU) {
            candidates.add(new Object[] {"hidden:relu-one", da,
                dz + " takes ReLU's derivative as 1 everywhere (or leaves it out): it is 1 where Z" + l + " > 0 and 0 where Z" + l + " < 0."});
        } else if (f != Activation.IDENTITY) {
            candidates.add(new Object[] {"hidden:no-fprime", da, dz + " = dA" + l + " without the factor " + fz + "."});
        }
        if (f != Activation.IDENTITY && f != Activation.RELU) {
            candidates.add(new Object[] {"hidden:fprime-twice", da.zip(fp, (e, d) -> e * d * d), dz + " multiplies by " + fz + " twice."});
            candidates.add(new Object[] {"hidden:fprime-of-a", da.zip(derivative(f, a[l], activate(f, a[l])), (e, d) -> e * d),
                dz + " uses f'(A" + l + ") where " + fz + " belongs: the activation A" + l + " was fed to a derivative written from z"
                + " (e.g. sigmoid_prime(a) = σ(a)(1 − σ(a)))."});
        }
        if (f == Activation.SIGMOID) {
            candidates.add(new Object[] {"hidden:aform-of-z", da.zip(z[l], (e, q) -> e * q * (1 - q)),
                dz + " uses Z" + l + "(1 − Z" + l + "): the derivative written from a, a·(1 − a), was given z instead of a."});
        }
        if (f == Activation.LEAKY_RELU) {
            candidates.add(new Object[] {"hidden:leaky-as-relu", da.zip(z[l], (e, q) -> q > 0 ? e : 0),
                dz + " uses plain ReLU's derivative (0 for Z < 0); leaky ReLU's is " + Activation.LEAKY_SLOPE + " there."});
        }
        candidates.add(new Object[] {"hidden:w-not-transposed-square", square(l + 1)
            ? dzAbove.times(Matrix.of(c.params().get("W" + (l + 1)))).zip(fp, (e, d) -> e * d) : null,
            "dA" + l + " = dZ" + (l + 1) + " · W" + (l + 1) + " without the transpose (the shapes fit only because W" + (l + 1) + " is square)."});
        return matching(learner, l, candidates);
    }

    private boolean square(int l) {
        return s.width(l - 1) == s.width(l);
    }

    /** Bias-gradient mistakes of layer l, when its dW is right (so its dZ is). */
    List<Diagnosis> bias(Tensors learner, int l) {
        List<Diagnosis> out = new ArrayList<>();
        Matrix dz = trueDz(null, l);
        Matrix first = new Matrix(1, dz.cols);
        Matrix last = new Matrix(1, dz.cols);
        for (int j = 0; j < dz.cols; j++) {
            first.v[j] = dz.get(0, j);
            last.v[j] = dz.get(dz.rows - 1, j);
        }
        if (m > 1 && (first.matches(learner.get("b" + l)) || last.matches(learner.get("b" + l)))) {
            out.add(new Diagnosis("db" + l + " is one row of dZ" + l + " (one sample's delta), not the sum over the batch.",
                    "db" + l + " = column sums of dZ" + l + ": dZ.sum(true, 0)", true, "bias:one-row"));
        }
        return out;
    }

    /** The true dZ of layer l, recovered from the true gradients when the layer has a bias, else recomputed. */
    private Matrix trueDz(Tensors truth, int l) {
        int top = s.layers();
        Matrix dz = a[top].zip(y, (p, q) -> (p - q) / m);
        if (s.loss() == Loss.MSE) {
            dz = dz.zip(derivative(s.output(), z[top], a[top]), (e, d) -> e * d);
        }
        for (int k = top; k > l; k--) {
            dz = dz.timesTranspose(Matrix.of(c.params().get("W" + k))).zip(derivative(s.activation(k - 1), z[k - 1], a[k - 1]), (e, d) -> e * d);
        }
        return dz;
    }

    private List<Diagnosis> matching(Tensors learner, int l, List<Object[]> candidates) {
        List<Diagnosis> out = new ArrayList<>();
        Matrix w = Matrix.of(c.params().get("W" + l));
        for (Object[] cand : candidates) {
            Matrix dz = (Matrix) cand[1];
            if (dz == null) {
                continue;
            }
            Matrix dw = a[l - 1].transposeTimes(dz).zip(w, (g, x) -> g + s.lambda() / m * x);
            boolean wOk = dw.matches(learner.get("W" + l));
            boolean bOk = !s.hasBias(l) || dz.columnSums().matches(learner.get("b" + l));
            if (wOk && bOk) {
                out.add(new Diagnosis((String) cand[2], "how dZ" + l + " is formed", true, (String) cand[0]));
            }
        }
        return out;
    }

    static Matrix activate(Activation f, Matrix zl) {
        if (f == Activation.SOFTMAX) {
            Matrix r = new Matrix(zl.rows, zl.cols);
            for (int i = 0; i < zl.rows; i++) {
                double max = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < zl.cols; j++) {
                    max = Math.max(max, zl.get(i, j));
                }
                double sum = 0;
                for (int j = 0; j < zl.cols; j++) {
                    sum += Math.exp(zl.get(i, j) - max);
                }
                for (int j = 0; j < zl.cols; j++) {
                    r.set(i, j, Math.exp(zl.get(i, j) - max) / sum);
                }
            }
            return r;
        }
        return zl.map(f::apply);
    }

    /** f'(z) from z, or from a where that is the natural form. */
    static Matrix derivative(Activation f, Matrix zl, Matrix al) {
        DoubleUnaryOperator d;
        switch (f) {
            case SIGMOID: return al.map(q -> q * (1 - q));
            case TANH: return al.map(q -> 1 - q * q);
            case RELU: d = q -> q > 0 ? 1 : 0; break;
            case LEAKY_RELU: d = q -> q > 0 ? 1 : Activation.LEAKY_SLOPE; break;
            default: d = q -> 1;
        }
        return zl.map(d);
    }
}
