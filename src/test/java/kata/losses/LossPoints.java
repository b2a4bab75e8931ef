package kata.losses;

import java.util.SplittableRandom;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import backprop.harness.api.Tensors;
import backprop.harness.junit.Checks;

/** Random batches for the property tests: m×k with m = 1 half of the time, k from 1 to 3. */
final class LossPoints {
    private LossPoints() {
    }

    /** Sigmoid outputs away from 0 and 1, where log A and 1/A stay moderate; soft targets in [0, 1]. */
    static final Checks.Points ANY_TARGETS = rng -> {
        int m = rows(rng);
        int k = 1 + rng.nextInt(3);
        return Tensors.of("A", uniform(rng, m, k, 0.02, 0.98), "Y", uniform(rng, m, k, 0, 1));
    };

    /** As above with 0/1 labels, the question's targets, for the cross-entropy. */
    static final Checks.Points LABELS = rng -> {
        int m = rows(rng);
        int k = 1 + rng.nextInt(3);
        return Tensors.of("A", uniform(rng, m, k, 0.05, 0.95), "Y", labels(rng, m, k));
    };

    /** Pre-activations in [−4, 4] (A = σ(Z) in about [0.02, 0.98]) with soft targets. */
    static final Checks.Points Z_ANY_TARGETS = rng -> {
        int m = rows(rng);
        int k = 1 + rng.nextInt(3);
        return Tensors.of("Z", uniform(rng, m, k, -4, 4), "Y", uniform(rng, m, k, 0, 1));
    };

    /** Pre-activations in [−4, 4] with 0/1 labels. */
    static final Checks.Points Z_LABELS = rng -> {
        int m = rows(rng);
        int k = 1 + rng.nextInt(3);
        return Tensors.of("Z", uniform(rng, m, k, -4, 4), "Y", labels(rng, m, k));
    };

    static int rows(SplittableRandom rng) {
        return rng.nextBoolean() ? 1 : 2 + rng.nextInt(5);
    }

    static INDArray uniform(SplittableRandom rng, int rows, int cols, double lo, double hi) {
        double[][] v = new double[rows][cols];
        for (double[] row : v) {
            for (int j = 0; j < cols; j++) {
                row[j] = rng.nextDouble(lo, hi);
            }
        }
        return Nd4j.createFromArray(v);
    }

    static INDArray labels(SplittableRandom rng, int rows, int cols) {
        double[][] v = new double[rows][cols];
        for (double[] row : v) {
            for (int j = 0; j < cols; j++) {
                row[j] = rng.nextBoolean() ? 1 : 0;
            }
        }
        return Nd4j.createFromArray(v);
    }
}
