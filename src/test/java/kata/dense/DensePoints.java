package kata.dense;

import java.util.SplittableRandom;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import backprop.harness.api.Tensors;
import backprop.harness.core.Elements;
import backprop.harness.junit.Checks;

/** Random layers and batches: m from 1 to 5 (1 half of the time), nIn and nOut from 1 to 4. */
final class DensePoints {
    private DensePoints() {
    }

    static final Checks.Points RANDOM = rng -> {
        int m = rng.nextBoolean() ? 1 : 2 + rng.nextInt(4);
        int nIn = 1 + rng.nextInt(4);
        int nOut = 1 + rng.nextInt(4);
        return Tensors.of("X", uniform(rng, m, nIn), "W", uniform(rng, nIn, nOut), "b", uniform(rng, 1, nOut),
                "G", uniform(rng, m, nOut));
    };

    static INDArray uniform(SplittableRandom rng, int rows, int cols) {
        double[][] v = new double[rows][cols];
        for (double[] row : v) {
            for (int j = 0; j < cols; j++) {
                row[j] = rng.nextDouble(-1, 1);
            }
        }
        return Nd4j.createFromArray(v);
    }

    /**
     * Σ G ⊙ (X·W + b) over plain doubles: the finite differences call it thousands of times, and
     * a loop is cheaper than the ND4J calls it replaces.
     */
    static double weightedSum(INDArray X, INDArray W, INDArray b, INDArray G) {
        int m = X.rows();
        int nIn = X.columns();
        int nOut = W.columns();
        double[] x = Elements.toArray(X);
        double[] w = Elements.toArray(W);
        double[] bias = Elements.toArray(b);
        double[] g = Elements.toArray(G);
        double sum = 0;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < nOut; j++) {
                double z = bias[j];
                for (int k = 0; k < nIn; k++) {
                    z += x[i * nIn + k] * w[k * nOut + j];
                }
                sum += g[i * nOut + j] * z;
            }
        }
        return sum;
    }
}
