package backprop.harness.check;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import backprop.harness.api.Tensors;
import backprop.harness.cases.NetworkCase;
import backprop.harness.core.Elements;
import backprop.harness.core.Numbers;

/**
 * Calls with another batch size, in both orders: the same samples repeated twice (2m rows, so
 * the same mean gradient) right after this case, then this case again right after that. Right
 * code gives the same gradients all three times; code that keeps m, an array sized by a batch,
 * or sums between calls does not. Only a finding that the ordinary checks cannot explain is
 * recorded as a problem: a wrong result on the repeated batch when this case's own was right,
 * this case changing after the other call, or a throw on either.
 */
public final class BatchProbe {
    /** What the probe saw; {@code doubled} is null when that call threw. */
    public record Finding(int m, Tensors doubled, Tensors againAfter, Throwable doubledThrew, Throwable againThrew,
                          String detail) {
    }

    private BatchProbe() {
    }

    /** Records a problem on {@code r} when the probe finds state; a batch of one is left alone (some tests take only m = 1). */
    static void run(NetworkUnderTest net, NetworkCase c, Tensors g, Tensors truth, double scale, CaseResult r) {
        if (c.m() < 2) {
            return;
        }
        NetworkCase twice = c.withParams(c.params().copy()).withData(Nd4j.vstack(c.x(), c.x()), Nd4j.vstack(c.y(), c.y()));
        Tensors doubled = null;
        Throwable doubledThrew = null;
        try {
            doubled = net.gradients(twice);
        } catch (RuntimeException | Error e) {
            CallObservations.rethrowIfFatal(e);
            doubledThrew = e;
        }
        Tensors again = null;
        Throwable againThrew = null;
        try {
            again = net.gradients(c.copy());
        } catch (RuntimeException | Error e) {
            CallObservations.rethrowIfFatal(e);
            againThrew = e;
        }
        int m = c.m();
        String detail = null;
        String quantity = "gradients";
        if (againThrew != null) {
            detail = "gradients() ran on this case (m = " + m + "), then threw on it after a call with the same samples repeated"
                    + " (m = " + 2 * m + "): " + CallObservations.describe(againThrew);
        } else if (doubledThrew != null) {
            detail = "gradients() ran on this case (m = " + m + ") and threw on the same samples repeated (m = " + 2 * m
                    + ") called next: " + CallObservations.describe(doubledThrew);
        } else if (again != null && differs(g, again, c)) {
            quantity = "d" + firstDiffering(g, again, c);
            detail = "this case's " + quantity + " changed after a call with the same samples repeated (m = " + 2 * m + ")";
        } else if (doubled != null && rightOn(g, truth, scale, c) && !rightOn(doubled, doubledTruth(c, truth), scale, c)) {
            Tensors t2 = doubledTruth(c, truth);
            String n = firstWrong(doubled, t2, scale, c);
            double f = n == null ? Double.NaN : factor(doubled.get(n), t2.get(n));
            quantity = "d" + n;
            detail = "this case's gradients (m = " + m + ") are right, but on the same samples repeated (m = " + 2 * m
                    + ", the same mean gradient), called next, d" + n + " is "
                    + (Double.isNaN(f) ? "wrong" : Numbers.plain(f) + " times the true one");
        }
        Finding finding = new Finding(m, doubled, again, doubledThrew, againThrew, detail);
        r.batchProbe = finding;
        if (detail != null) {
            r.add(new Problem(Problem.Kind.NOT_REPEATABLE, quantity, detail, againThrew != null ? againThrew : doubledThrew));
        }
    }

    /**
     * The true gradient on the repeated batch: the data term's mean is unchanged, but the L2
     * term (λ/2m)·Σ W² halves with 2m, so its gradient (λ/m)·W does too.
     */
    private static Tensors doubledTruth(NetworkCase c, Tensors truth) {
        double lambda = c.spec().lambda();
        if (lambda == 0) {
            return truth;
        }
        Tensors t = truth.copy();
        for (String n : c.parameterNames()) {
            if (backprop.harness.core.ParameterNames.isWeight(n)) {
                t.put(n, truth.get(n).sub(c.params().get(n).mul(lambda / (2.0 * c.m()))));
            }
        }
        return t;
    }

    private static boolean differs(Tensors a, Tensors b, NetworkCase c) {
        return firstDiffering(a, b, c) != null;
    }

    private static String firstDiffering(Tensors a, Tensors b, NetworkCase c) {
        for (String n : c.parameterNames()) {
            INDArray x = a.get(n);
            INDArray y = b.get(n);
            if (y == null || !java.util.Arrays.equals(x.shape(), y.shape()) || !Elements.same(x, y)) {
                return n;
            }
        }
        return null;
    }

    private static boolean rightOn(Tensors g, Tensors truth, double scale, NetworkCase c) {
        return firstWrong(g, truth, scale, c) == null;
    }

    private static String firstWrong(Tensors g, Tensors truth, double scale, NetworkCase c) {
        for (String n : c.parameterNames()) {
            INDArray mine = g.get(n);
            if (mine == null || !java.util.Arrays.equals(mine.shape(), truth.get(n).shape())) {
                return n;
            }
            if (!new TensorComparison(n, "reference", mine, truth.get(n), null, null, Tolerance.REFERENCE, scale).passed()) {
                return n;
            }
        }
        return null;
    }

    private static double factor(INDArray a, INDArray e) {
        double[] x = Elements.toArray(a);
        double[] y = Elements.toArray(e);
        double xy = 0;
        double yy = 0;
        for (int i = 0; i < x.length; i++) {
            xy += x[i] * y[i];
            yy += y[i] * y[i];
        }
        return yy < 1e-24 ? Double.NaN : xy / yy;
    }
}
