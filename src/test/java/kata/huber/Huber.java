package kata.huber;

import java.util.SplittableRandom;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import backprop.harness.cases.CustomLoss;
import backprop.harness.core.Elements;

/**
 * The tests' own Huber loss with δ = 1, written from the README's formula: the value and ∂J/∂A
 * over plain doubles, and the same definition as a SameDiff graph. The harness ships no Huber
 * loss; these are how an instructor hands it one.
 */
final class Huber {
    private Huber() {
    }

    static final double DELTA = 1.0;

    static final String FORMULA = "J = 1/m Σ h(A − Y), h(r) = ½r² for |r| ≤ 1, |r| − ½ beyond";

    static double value(INDArray A, INDArray Y) {
        double[] a = Elements.toArray(A);
        double[] y = Elements.toArray(Y);
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            double r = Math.abs(a[i] - y[i]);
            sum += r <= DELTA ? 0.5 * r * r : DELTA * (r - 0.5 * DELTA);
        }
        return sum / A.rows();
    }

    static INDArray gradient(INDArray A, INDArray Y) {
        double[] a = Elements.toArray(A);
        double[] y = Elements.toArray(Y);
        double[] g = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            g[i] = Math.max(-DELTA, Math.min(DELTA, a[i] - y[i])) / A.rows();
        }
        return Nd4j.create(g, A.shape(), 'c');
    }

    /**
     * Targets spread three times as wide as the network's outputs, so most batches have residuals
     * on both sides of δ and both branches of h are checked.
     */
    static final CustomLoss.Targets WIDE = (rng, m, k) -> {
        INDArray y = Nd4j.create(DataType.DOUBLE, m, k);
        for (long i = 0; i < y.length(); i++) {
            y.putScalar(i, 3 * gaussian(rng));
        }
        return y;
    };

    /** With the instructor's exact ∂J/∂A. */
    static final CustomLoss EXACT = CustomLoss.exact("Huber loss", FORMULA, Huber::value, Huber::gradient).withTargets(WIDE);

    /** The same definition as a SameDiff graph: h = ½ q² + δ (|r| − q) with q = min(|r|, δ). */
    static final CustomLoss AUTODIFF = CustomLoss.sameDiff("Huber loss", FORMULA, (sd, a, y, m) -> {
        SDVariable abs = sd.math.abs(a.sub(y));
        SDVariable q = sd.math.min(abs, sd.constant(Nd4j.scalar(DataType.DOUBLE, DELTA)));
        return q.mul(q).mul(0.5).add(abs.sub(q).mul(DELTA)).sum().div(m);
    }).withTargets(WIDE);

    private static double gaussian(SplittableRandom rng) {
        double u = 1 - rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.nextDouble());
    }
}
