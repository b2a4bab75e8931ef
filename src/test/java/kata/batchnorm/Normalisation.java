package kata.batchnorm;

import java.util.SplittableRandom;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import backprop.harness.api.Tensors;
import backprop.harness.core.Elements;
import backprop.harness.junit.Checks;

/**
 * The tests' own batch normalisation over plain doubles, written from the README's equations:
 * Σ G ⊙ BN(X; γ, β) for the finite differences (called thousands of times, so no ND4J), and its
 * gradient worked out as the README states it, as the exact reference at every point.
 */
final class Normalisation {
    private Normalisation() {
    }

    /** ε as in most libraries; the tests hold it fixed. */
    static final double EPS = 1e-5;

    /**
     * X (m×n, m from 3 to 6: with m = 2 every normalised column is ±1 and dX is 0, which hides
     * mistakes), γ and β (1×n), the upstream gradient G (m×n) and ε (1×1). Columns are drawn
     * with their own centre and spread, so that the normalisation has something to undo.
     */
    static final Checks.Points RANDOM = rng -> {
        int m = 3 + rng.nextInt(4);
        int n = 1 + rng.nextInt(4);
        double[][] x = new double[m][n];
        for (int j = 0; j < n; j++) {
            double centre = rng.nextDouble(-3, 3);
            double spread = rng.nextDouble(0.3, 3);
            for (int i = 0; i < m; i++) {
                x[i][j] = centre + spread * rng.nextDouble(-1, 1);
            }
        }
        return Tensors.of("X", Nd4j.createFromArray(x), "gamma", uniform(rng, 1, n, 0.5, 2), "beta", uniform(rng, 1, n, -1, 1),
                "G", uniform(rng, m, n, -1, 1), "eps", Nd4j.createFromArray(new double[][] {{EPS}}));
    };

    static INDArray uniform(SplittableRandom rng, int rows, int cols, double lo, double hi) {
        double[][] v = new double[rows][cols];
        for (double[] row : v) {
            for (int j = 0; j < cols; j++) {
                row[j] = rng.nextDouble(lo, hi);
            }
        }
        return Nd4j.createFromArray(v);
    }

    /** Σ G ⊙ (γ ⊙ X̂ + β). */
    static double weightedOutput(Tensors at) {
        int m = at.get("X").rows();
        int n = at.get("X").columns();
        double[] x = Elements.toArray(at.get("X"));
        double[] g = Elements.toArray(at.get("gamma"));
        double[] b = Elements.toArray(at.get("beta"));
        double[] up = Elements.toArray(at.get("G"));
        double eps = at.get("eps").getDouble(0);
        double sum = 0;
        for (int j = 0; j < n; j++) {
            double[] xHat = column(x, m, n, j, eps);
            for (int i = 0; i < m; i++) {
                sum += up[i * n + j] * (g[j] * xHat[i] + b[j]);
            }
        }
        return sum;
    }

    /** dX, dgamma, dbeta of {@link #weightedOutput}, by the README's formulas. */
    static Tensors exactGradient(Tensors at) {
        int m = at.get("X").rows();
        int n = at.get("X").columns();
        double[] x = Elements.toArray(at.get("X"));
        double[] g = Elements.toArray(at.get("gamma"));
        double[] up = Elements.toArray(at.get("G"));
        double eps = at.get("eps").getDouble(0);
        double[] dX = new double[m * n];
        double[] dGamma = new double[n];
        double[] dBeta = new double[n];
        for (int j = 0; j < n; j++) {
            double[] xHat = column(x, m, n, j, eps);
            double mean = 0;
            for (int i = 0; i < m; i++) {
                mean += x[i * n + j];
            }
            mean /= m;
            double var = 0;
            for (int i = 0; i < m; i++) {
                var += (x[i * n + j] - mean) * (x[i * n + j] - mean);
            }
            double std = Math.sqrt(var / m + eps);
            double meanUp = 0;
            double meanUpXHat = 0;
            for (int i = 0; i < m; i++) {
                dBeta[j] += up[i * n + j];
                dGamma[j] += up[i * n + j] * xHat[i];
                meanUp += up[i * n + j] / m;
                meanUpXHat += up[i * n + j] * xHat[i] / m;
            }
            for (int i = 0; i < m; i++) {
                dX[i * n + j] = g[j] / std * (up[i * n + j] - meanUp - xHat[i] * meanUpXHat);
            }
        }
        return Tensors.of("X", Nd4j.create(dX, new long[] {m, n}, 'c'), "gamma", Nd4j.create(dGamma, new long[] {1, n}, 'c'),
                "beta", Nd4j.create(dBeta, new long[] {1, n}, 'c'));
    }

    private static double[] column(double[] x, int m, int n, int j, double eps) {
        double mean = 0;
        for (int i = 0; i < m; i++) {
            mean += x[i * n + j];
        }
        mean /= m;
        double var = 0;
        for (int i = 0; i < m; i++) {
            var += (x[i * n + j] - mean) * (x[i * n + j] - mean);
        }
        double std = Math.sqrt(var / m + eps);
        double[] xHat = new double[m];
        for (int i = 0; i < m; i++) {
            xHat[i] = (x[i * n + j] - mean) / std;
        }
        return xHat;
    }
}
