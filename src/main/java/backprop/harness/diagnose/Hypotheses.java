package backprop.harness.diagnose;

import backprop.harness.core.Forward;
import backprop.harness.core.Matrix;

import java.util.ArrayList;
import java.util.List;

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
    /** A named mistake: the dZ of the layer it would produce (null when it cannot occur here). */
    private record Candidate(CauseId id, Matrix dz, String text, double factor) {
        Candidate(CauseId id, Matrix dz, String text) {
            this(id, dz, text, Double.NaN);
        }
    }

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
        Forward.Pass pass = Forward.run(s, c.params(), c.x());
        z = pass.z();
        a = pass.a();
        y = Matrix.of(c.y());
    }

    /** Output-layer mistakes whose dW and db match the learner's. */
    List<Cause> outputLayer(Tensors learner) {
        int top = s.layers();
        Activation f = s.output();
        Matrix err = outputError();
        if (err == null) {
            return List.of();
        }
        List<Candidate> candidates = new ArrayList<>();
        String dz = "dZ" + top;
        if (s.loss() == Loss.MSE) {
            Matrix fp = Forward.slope(f, z[top]);
            if (f != Activation.IDENTITY) {
                candidates.add(new Candidate(CauseId.DELTA_NO_FPRIME, err,
                    dz + " lacks the factor f'(Z" + top + "): (A − Y)/m is the delta for cross-entropy, but this loss is squared error,"
                    + " whose delta is (A − Y) ⊙ f'(Z)/m."));
                candidates.add(new Candidate(CauseId.DELTA_FPRIME_TWICE, err.zip(fp, (e, d) -> e * d * d),
                    dz + " multiplies by f'(Z" + top + ") twice; the squared-error delta has it once."));
                candidates.add(new Candidate(CauseId.DELTA_FPRIME_OF_A, err.zip(Forward.slope(f, a[top]), (e, d) -> e * d),
                    dz + " uses f'(A" + top + ") where f'(Z" + top + ") belongs: the activation was fed to a derivative written from z."));
            }
            candidates.addAll(wrongSlopes(CauseId.DELTA_WRONG_SLOPE, err, top, f));
            if (f == Activation.SIGMOID) {
                candidates.add(new Candidate(CauseId.DELTA_AFORM_OF_Z, err.zip(z[top], (e, q) -> e * q * (1 - q)),
                    dz + " uses Z(1 − Z): the derivative written from a (a·(1 − a), the question's sigmoid(a, derv=True)) was given z."));
            } else if (Forward.aForm(f) != null) {
                java.util.function.DoubleUnaryOperator aForm = Forward.aForm(f);
                candidates.add(new Candidate(CauseId.DELTA_AFORM_OF_Z, err.zip(z[top], (e, q) -> e * aForm.applyAsDouble(q)),
                    dz + " uses 1 − Z²: " + f.label() + "'s derivative written from a, 1 − a², was given z."));
            }
        } else if (s.loss() == Loss.BCE) {
            Matrix fp = Forward.slope(f, z[top]);
            candidates.add(new Candidate(CauseId.DELTA_MSE_WITH_BCE, err.zip(fp, (e, d) -> e * d),
                dz + " has an extra σ'(Z" + top + "): that is the squared-error delta, but with cross-entropy σ' cancels and dZ = (A − Y)/m."));
        } else {
            candidates.add(new Candidate(CauseId.DELTA_FROM_LOGITS, z[top].zip(y, (p, q) -> (p - q) / m),
                dz + " is formed from the logits Z" + top + ", not the probabilities P = softmax(Z" + top + "): dZ = (P − Y)/m."));
        }
        return matching(learner, top, candidates);
    }

    /** Mistakes in passing the delta from layer l+1 (right) down to layer l. */
    List<Cause> hiddenLayer(Tensors learner, int l) {
        Activation f = s.activation(l);
        Matrix dzAbove = trueDz(l + 1);
        if (dzAbove == null) {
            return List.of();
        }
        Matrix da = dzAbove.timesTranspose(Matrix.of(c.params().get("W" + (l + 1))));
        Matrix fp = Forward.slope(f, z[l]);
        List<Candidate> candidates = new ArrayList<>();
        String dz = "dZ" + l;
        String fz = "f'(Z" + l + ")";
        if (f == Activation.RELU) {
            candidates.add(new Candidate(CauseId.HIDDEN_RELU_ONE, da,
                dz + " takes ReLU's derivative as 1 everywhere (or leaves it out): it is 1 where Z" + l + " > 0 and 0 where Z" + l + " < 0."));
        } else if (f != Activation.IDENTITY) {
            candidates.add(new Candidate(CauseId.HIDDEN_NO_FPRIME, da, dz + " = dA" + l + " without the factor " + fz + "."));
        }
        if (f != Activation.IDENTITY && f != Activation.RELU) {
            candidates.add(new Candidate(CauseId.HIDDEN_FPRIME_TWICE, da.zip(fp, (e, d) -> e * d * d), dz + " multiplies by " + fz + " twice."));
            candidates.add(new Candidate(CauseId.HIDDEN_FPRIME_OF_A, da.zip(Forward.slope(f, a[l]), (e, d) -> e * d),
                dz + " uses f'(A" + l + ") where " + fz + " belongs: the activation A" + l + " was fed to a derivative written from z"
                + " (e.g. sigmoid_prime(a) = σ(a)(1 − σ(a)))."));
        }
        java.util.function.DoubleUnaryOperator aForm = Forward.aForm(f);
        if (f == Activation.SIGMOID) {
            candidates.add(new Candidate(CauseId.HIDDEN_AFORM_OF_Z, da.zip(z[l], (e, q) -> e * q * (1 - q)),
                dz + " uses Z" + l + "(1 − Z" + l + "): the derivative written from a, a·(1 − a), was given z instead of a."));
        } else if (aForm != null) {
            candidates.add(new Candidate(CauseId.HIDDEN_AFORM_OF_Z, da.zip(z[l], (e, q) -> e * aForm.applyAsDouble(q)),
                dz + " uses 1 − Z" + l + "²: " + f.label() + "'s derivative written from a, 1 − a², was given z instead of a."));
        }
        if (f == Activation.LEAKY_RELU) {
            candidates.add(new Candidate(CauseId.HIDDEN_LEAKY_AS_RELU, da.zip(z[l], (e, q) -> q > 0 ? e : 0),
                dz + " uses plain ReLU's derivative (0 for Z < 0); leaky ReLU's is " + Activation.LEAKY_SLOPE + " there."));
        }
        candidates.addAll(wrongSlopes(CauseId.HIDDEN_WRONG_SLOPE, da, l, f));
        String dal = "dA" + l + " = dZ" + (l + 1);
        if (s.width(l + 1) == s.width(l)) {
            candidates.add(new Candidate(CauseId.HIDDEN_NO_W, dzAbove.zip(fp, (e, d) -> e * d), dal + " without the product with W"
                + (l + 1) + "ᵀ: the delta was not multiplied by the weights it flows back through (dA" + l + " = dZ" + (l + 1)
                + " · W" + (l + 1) + "ᵀ)."));
        } else if (s.width(l + 1) == 1) {
            Matrix spread = new Matrix(dzAbove.rows, s.width(l));
            for (int i = 0; i < spread.rows; i++) {
                for (int j = 0; j < spread.cols; j++) {
                    spread.set(i, j, dzAbove.get(i, 0) * fp.get(i, j));
                }
            }
            candidates.add(new Candidate(CauseId.HIDDEN_NO_W, spread, dal + " spread over the columns without the product with W"
                + (l + 1) + "ᵀ: the delta was not multiplied by the weights it flows back through (dA" + l + " = dZ" + (l + 1)
                + " · W" + (l + 1) + "ᵀ)."));
        }
        candidates.add(new Candidate(CauseId.HIDDEN_W_NOT_TRANSPOSED, square(l + 1)
            ? dzAbove.times(Matrix.of(c.params().get("W" + (l + 1)))).zip(fp, (e, d) -> e * d) : null,
            "dA" + l + " = dZ" + (l + 1) + " · W" + (l + 1) + " without the transpose (the shapes fit only because W" + (l + 1) + " is square)."));
        return matching(learner, l, candidates);
    }

    /**
     * Another activation's slope in place of f': the formula written from z (applied to Z) and
     * the one written from a (applied to this layer's A), e.g. tanh's 1 − a² used for a sigmoid.
     * The cause's factor carries which activation, so cases vote on the same one.
     */
    private List<Candidate> wrongSlopes(CauseId id, Matrix upstream, int l, Activation f) {
        List<Candidate> out = new ArrayList<>();
        String dz = "dZ" + l;
        for (Activation g : new Activation[] {Activation.SIGMOID, Activation.TANH, Activation.RELU, Activation.LEAKY_RELU}) {
            if (g == f || (f == Activation.LEAKY_RELU && g == Activation.RELU)) {
                continue;
            }
            String what = dz + " uses " + g.label() + "'s slope where " + f.label() + "'s belongs";
            out.add(new Candidate(id, upstream.zip(Forward.slope(g, z[l]), (e, d) -> e * d),
                what + " (" + g.label() + "'(Z" + l + ")): each layer's delta takes the slope of that layer's own activation, "
                + f.label() + ".", g.ordinal()));
            out.add(new Candidate(id, upstream.zip(a[l].map(v -> slopeFromA(g, v)), (e, d) -> e * d),
                what + ": " + slopeFormula(g) + " computed from A" + l + " = " + f.label() + "(Z" + l + "); " + f.label()
                + "'s slope is " + slopeFormula(f) + ".", 10 + g.ordinal()));
        }
        return out;
    }

    /** g' written in terms of g's own output a, as learners usually write it. */
    private static double slopeFromA(Activation g, double v) {
        switch (g) {
            case SIGMOID: return v * (1 - v);
            case TANH: return 1 - v * v;
            case RELU: return v > 0 ? 1 : 0;
            default: return v > 0 ? 1 : Activation.LEAKY_SLOPE;
        }
    }

    private static String slopeFormula(Activation g) {
        switch (g) {
            case SIGMOID: return "a(1 − a)";
            case TANH: return "1 − a²";
            case RELU: return "1 where a > 0, else 0";
            case LEAKY_RELU: return "1 where a > 0, else " + Activation.LEAKY_SLOPE;
            default: return "1";
        }
    }

    /**
     * dW of layer l formed with the wrong layer's activation (X, another A of the same width, or
     * Z{l-1} before its activation), the delta itself right (db right).
     */
    List<Cause> weightInput(Tensors learner, int l) {
        Matrix dz = trueDz(l);
        List<Cause> out = new ArrayList<>();
        Matrix w = Matrix.of(c.params().get("W" + l));
        int want = s.width(l - 1);
        String right = "dW" + l + " = A" + (l - 1) + "ᵀ · dZ" + l + ": the input of layer " + l + " is A" + (l - 1);
        for (int k = 0; k <= s.layers(); k++) {
            Matrix in = k == l - 1 ? null : a[k];
            if (in != null && in.cols == want && in.rows == dz.rows && matchesWeight(learner, l, in, dz, w)) {
                out.add(new Cause(CauseId.DW_WRONG_INPUT, "dW" + l + " is formed from " + (k == 0 ? "A0 = X" : "A" + k)
                        + " instead of A" + (l - 1) + ": the wrong layer's activation in dW" + l + ".", right, true, k));
            }
        }
        if (l > 1 && matchesWeight(learner, l, z[l - 1], dz, w)) {
            out.add(new Cause(CauseId.DW_WRONG_INPUT, "dW" + l + " is formed from Z" + (l - 1) + ", the pre-activation, instead"
                    + " of A" + (l - 1) + " = " + s.activation(l - 1).label() + "(Z" + (l - 1) + ").", right, true, -1));
        }
        return out;
    }

    private boolean matchesWeight(Tensors learner, int l, Matrix in, Matrix dz, Matrix w) {
        return in.transposeTimes(dz).zip(w, (g, x) -> g + s.lambda() / m * x).matches(learner.get("W" + l));
    }

    private boolean square(int l) {
        return s.width(l - 1) == s.width(l);
    }

    /** Bias-gradient mistakes of layer l, when its dW is right (so its dZ is). */
    List<Cause> bias(Tensors learner, int l) {
        List<Cause> out = new ArrayList<>();
        Matrix dz = trueDz(l);
        if (dz == null) {
            return out;
        }
        Matrix first = new Matrix(1, dz.cols);
        Matrix last = new Matrix(1, dz.cols);
        for (int j = 0; j < dz.cols; j++) {
            first.v[j] = dz.get(0, j);
            last.v[j] = dz.get(dz.rows - 1, j);
        }
        if (m > 1 && (first.matches(learner.get("b" + l)) || last.matches(learner.get("b" + l)))) {
            out.add(new Cause(CauseId.BIAS_ONE_ROW, "db" + l + " is one row of dZ" + l + " (one sample's delta), not the sum over the batch.",
                    "db" + l + " = column sums of dZ" + l + ": dZ.sum(true, 0)", true));
        }
        return out;
    }

    /** The true dZ of layer l, recomputed from the case by the chain rule. */
    private Matrix trueDz(int l) {
        int top = s.layers();
        Matrix dz = outputError();
        if (dz == null) {
            return null;
        }
        if (s.loss() == Loss.MSE) {
            dz = dz.zip(Forward.slope(s.output(), z[top]), (e, d) -> e * d);
        }
        for (int k = top; k > l; k--) {
            dz = dz.timesTranspose(Matrix.of(c.params().get("W" + k))).zip(Forward.slope(s.activation(k - 1), z[k - 1]), (e, d) -> e * d);
        }
        return dz;
    }

    /**
     * ∂J/∂A of the output layer: (A − Y)/m, from which the built-in losses' deltas are formed; a
     * custom loss's own exact gradient (the spec's loss is then a squared-error placeholder, so
     * dZ = ∂J/∂A ⊙ f'(Z) follows as for squared error); null when a custom loss has only a graph.
     */
    private Matrix outputError() {
        int top = s.layers();
        if (c.customHidden() != null) {
            return null; // the plain forward pass here knows only the built-in activations
        }
        if (c.customLoss() == null) {
            return a[top].zip(y, (p, q) -> (p - q) / m);
        }
        if (c.customLoss().exactGradient() == null) {
            return null;
        }
        org.nd4j.linalg.api.ndarray.INDArray out = org.nd4j.linalg.factory.Nd4j.create(a[top].v, new long[] {a[top].rows, a[top].cols}, 'c');
        return Matrix.of(c.customLoss().exactGradient().of(out, c.y().dup()));
    }

    private List<Cause> matching(Tensors learner, int l, List<Candidate> candidates) {
        List<Cause> out = new ArrayList<>();
        Matrix w = Matrix.of(c.params().get("W" + l));
        for (Candidate cand : candidates) {
            Matrix dz = cand.dz();
            if (dz == null) {
                continue;
            }
            Matrix dw = a[l - 1].transposeTimes(dz).zip(w, (g, x) -> g + s.lambda() / m * x);
            boolean wOk = dw.matches(learner.get("W" + l));
            boolean bOk = !s.hasBias(l) || dz.columnSums().matches(learner.get("b" + l));
            if (wOk && bOk) {
                out.add(new Cause(cand.id(), cand.text(), "how dZ" + l + " is formed", true, cand.factor()));
            }
        }
        return out;
    }
}
