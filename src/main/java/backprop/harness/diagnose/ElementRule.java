package backprop.harness.diagnose;

import java.util.ArrayList;
import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;

import backprop.harness.cases.NetworkCase;
import backprop.harness.core.Numbers;
import backprop.harness.core.ParameterNames;

/**
 * Relations of one wrong gradient with the true one: zero, an L2 term missing or misplaced, a
 * square matrix transposed, or (when no common factor explains all wrong gradients) a factor of
 * its own.
 */
public final class ElementRule implements Rule {
    @Override
    public List<Cause> causes(Evidence e) {
        List<Cause> out = new ArrayList<>();
        double common = FactorRule.commonFactor(e);
        // FactorRule already says it when the wrong gradients share one factor.
        boolean commonFactorFound = !Double.isNaN(common) && e.wrong().size() > 1;
        // Several gradients 0 together are one finding (ALL_ZERO, DELTA_NOT_PASSED), not one per gradient.
        boolean zerosTogether = e.wrong().size() > 1 && FactorRule.allZero(e);
        for (String n : e.wrong()) {
            INDArray mine = e.learnerGradients().get(n);
            INDArray truth = e.referenceGradients().get(n);
            if (zerosTogether) {
                continue;
            }
            Cause returned = inputReturned(e, n, mine);
            if (returned != null) {
                out.add(returned);
                continue;
            }
            Cause one = one(e.networkCase(), n, mine, truth, e.right());
            if (one != null) {
                out.add(one);
            } else if (!commonFactorFound) {
                double f = Patterns.factor(mine, truth);
                if (!Double.isNaN(f)) {
                    out.addAll(FactorRule.readings("d" + n, f, e.networkCase().m(), false));
                }
            }
        }
        return out;
    }

    /** A gradient that is, element for element, an array the learner was given: returned in its place. */
    private static Cause inputReturned(Evidence e, String n, INDArray mine) {
        NetworkCase c = e.networkCase();
        java.util.Map<String, INDArray> given = new java.util.LinkedHashMap<>();
        given.put(n, c.params().get(n));
        given.put("X", c.x());
        given.put("Y", c.y());
        for (String p : c.parameterNames()) {
            given.putIfAbsent(p, c.params().get(p));
        }
        for (var g : given.entrySet()) {
            INDArray a = g.getValue();
            if (java.util.Arrays.equals(a.shape(), mine.shape()) && Patterns.nonZero(a)
                    && Patterns.close(backprop.harness.core.Elements.toArray(mine), backprop.harness.core.Elements.toArray(a))) {
                return new Cause(CauseId.INPUT_RETURNED, "d" + n + " is " + g.getKey() + " itself, the array you were given, not"
                        + " its gradient: " + g.getKey() + " was returned in place of d" + n + ".",
                        "the return of d" + n + ": the variable returned, and whether it was ever assigned the gradient", true);
            }
        }
        return null;
    }

    private static boolean zeroDataPart(NetworkCase c, String n, INDArray mine, INDArray truth) {
        INDArray l2 = c.params().get(n).mul(c.spec().lambda() / c.m());
        double scale = Math.max(mine.amaxNumber().doubleValue(), truth.amaxNumber().doubleValue());
        return mine.sub(l2).amaxNumber().doubleValue() <= 1e-9 * scale && Patterns.nonZero(truth.sub(l2));
    }

    private static Cause one(NetworkCase c, String n, INDArray mine, INDArray truth, List<String> right) {
        int m = c.m();
        double lambda = c.spec().lambda();
        INDArray param = c.params().get(n);
        String d = "d" + n;
        boolean weight = ParameterNames.isWeight(n);
        boolean bias = ParameterNames.isBias(n);
        if (Patterns.allZero(mine) && Patterns.nonZero(truth) || (lambda > 0 && weight && zeroDataPart(c, n, mine, truth))) {
            if (bias && right.contains("W" + n.substring(1))) {
                return new Cause(CauseId.BIAS_ACTIVATION_OVERWRITTEN, d + " is 0 where the true gradient is not, while dW"
                        + n.substring(1) + " is right: the bias receives no gradient. Did something overwrite the bias"
                        + " activation (the column of ones) before the gradient was computed, as a2[:, 0] = 0 does in the"
                        + " question?", d + " = column sums of dZ" + n.substring(1), true);
            }
            String partner = (weight ? "b" : "W") + n.substring(1);
            if ((weight || bias) && right.contains(partner)) {
                return new Cause(CauseId.GRADIENT_ZERO, d + " is 0 where the true gradient is not, while d" + partner
                        + " is right: the delta dZ" + n.substring(1) + " reaches this layer, so " + d
                        + " itself is never computed (or a zero array is returned in its place).",
                        "where " + d + " is computed and returned", true);
            }
            return new Cause(CauseId.GRADIENT_ZERO, d + " is 0 where the true gradient is not.",
                    "whether " + d + " is ever computed or returned", true);
        }
        if (lambda > 0) {
            double k = Patterns.offsetAlong(mine, truth, param.mul(lambda / m));
            if (!Double.isNaN(k) && weight) {
                if (Patterns.near(k, -1)) {
                    return new Cause(CauseId.L2_MISSING, d + " lacks the L2 term (lambda/m) · " + n + ".",
                            "dW += (lambda / m) · W", true);
                }
                if (Patterns.near(k, m - 1) && m > 1) {
                    return new Cause(CauseId.L2_WITHOUT_M, d + "'s L2 term is lambda · " + n + ", not (lambda/m) · " + n
                            + ": the /m is missing.", "the regularisation term of " + d, true);
                }
                return new Cause(CauseId.L2_WRONG_MULTIPLE, d + "'s L2 term is " + Numbers.plain(k + 1) + " · (lambda/m) · " + n
                        + " instead of once (lambda/m) · " + n + ".", "the regularisation term of " + d, true, k);
            }
            if (!Double.isNaN(k) && bias && Patterns.near(k, 1)) {
                return new Cause(CauseId.L2_ON_BIAS, d + " has an L2 term: the bias is regularised, but the convention leaves"
                        + " biases alone.", "drop the lambda term from " + d, true);
            }
        }
        if (Patterns.transposedEquals(mine, truth) && mine.rows() == mine.columns()) {
            return new Cause(CauseId.TRANSPOSED_SQUARE, d + " is the true gradient transposed (the shapes agree only because "
                    + n + " is square).", "the order of the product: dW = Aᵀ · dZ", true);
        }
        return null;
    }
}
