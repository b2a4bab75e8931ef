package kata.softmax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import backprop.harness.api.Tensors;
import backprop.harness.check.Differentiable;
import backprop.harness.core.Elements;
import backprop.harness.junit.Checks;
import backprop.harness.junit.Exercise;

@Exercise("10-softmax-cross-entropy")
@DisplayName("10 softmax cross-entropy: softmax, loss and delta")
class SoftmaxTest {

    /** Exact to rounding: the values below are worked out by hand. */
    private static final double HAND = 1e-12;

    /** A row of k ≤ 5 probabilities summed in double: a few ulps of 1. */
    private static final double ROW_SUM = 1e-12;

    /** Random matrices for the row-sum property; fixed seed, so every run sees the same ones. */
    private static final int MATRICES = 100;
    private static final long SEED = 20_240_610L;

    /** Logits up to ±50: e^50 is large, but a stable softmax does not care. */
    private static final double LOGIT_SCALE = 50;

    @Test
    void softmaxRowsArePositiveAndSumToOne() {
        SplittableRandom rng = new SplittableRandom(SEED);
        for (int t = 0; t < MATRICES; t++) {
            INDArray Z = randomLogits(rng, 1 + rng.nextInt(5), 2 + rng.nextInt(4), LOGIT_SCALE);

            INDArray P = Softmax.softmax(Z);

            assertThat(P.shape()).as("softmax(Z) has the shape of Z, m×k").isEqualTo(Z.shape());
            for (int i = 0; i < Z.rows(); i++) {
                assertThat(P.getRow(i).sumNumber().doubleValue()).as("row %d of softmax(Z) sums to 1, for Z = %s", i, Z)
                        .isCloseTo(1, within(ROW_SUM));
                assertThat(P.getRow(i).minNumber().doubleValue()).as("row %d of softmax(Z) has no negative entry", i)
                        .isGreaterThanOrEqualTo(0);
            }
        }
    }

    @Test
    void softmaxIsStableForLogitsOfPlusMinusAThousand() {
        // e^1000 overflows to infinity and e^−1000 underflows to 0, so exp(Z) / Σ exp(Z) gives NaN.
        // Shifting each row by its maximum first gives: row 1 → (1, 0, 0); row 2, three equal
        // logits → (⅓, ⅓, ⅓); row 3 (1000, 1000, 999) → (e, e, 1) / (2e + 1).
        INDArray Z = Nd4j.createFromArray(new double[][] {{1000, 0, -1000}, {-1000, -1000, -1000}, {1000, 1000, 999}});
        double e = Math.E;

        INDArray P = Softmax.softmax(Z);

        assertThat(Elements.toArray(P)).as("softmax of logits ±1000: finite, and the probabilities worked out by hand")
                .containsExactly(new double[] {1, 0, 0, 1.0 / 3, 1.0 / 3, 1.0 / 3, e / (2 * e + 1), e / (2 * e + 1), 1 / (2 * e + 1)},
                        within(HAND));
    }

    @Test
    void logSumExpIsStableForLogitsOfPlusMinusAThousand() {
        // lse(1000, 0, −1000) = 1000 + log(1 + e^−1000 + e^−2000) = 1000;
        // lse(−1000, −1000, −1000) = −1000 + log 3;  lse(1000, 1000, 999) = 1000 + log(2 + e^−1).
        INDArray Z = Nd4j.createFromArray(new double[][] {{1000, 0, -1000}, {-1000, -1000, -1000}, {1000, 1000, 999}});

        INDArray lse = Softmax.logSumExp(Z);

        assertThat(lse.shape()).as("logSumExp(Z) has one value per row: m×1").containsExactly(3, 1);
        assertThat(Elements.toArray(lse)).as("log Σ exp of each row, with no overflow")
                .containsExactly(new double[] {1000, -1000 + Math.log(3), 1000 + Math.log(2 + Math.exp(-1))}, within(HAND));
    }

    @Test
    void lossForOneSampleAndThreeClassesIsWorkedOutByHand() {
        // Z = (0, log 3, log 4): exp(Z) = (1, 3, 4), sum 8, P = (⅛, ⅜, ½). The target is class 3,
        // so J = −log ½ = log 2.
        INDArray Z = Nd4j.createFromArray(new double[][] {{0, Math.log(3), Math.log(4)}});
        INDArray Y = Nd4j.createFromArray(new double[][] {{0, 0, 1}});

        double J = Softmax.loss(Z, Y);

        assertThat(J).as("J = −log P[class 3] = −log ½").isCloseTo(Math.log(2), within(HAND));
    }

    @Test
    void lossIsFiniteForLogitsOfPlusMinusAThousand() {
        // The target is the class with logit −1000: log softmax = −1000 − lse = −1000 − 1000, so J = 2000.
        // Through log(softmax(Z)) the probability e^−2000 underflows to 0 and the loss becomes infinite.
        INDArray Z = Nd4j.createFromArray(new double[][] {{1000, 0, -1000}});
        INDArray Y = Nd4j.createFromArray(new double[][] {{0, 0, 1}});

        double J = Softmax.loss(Z, Y);

        assertThat(J).as("J = lse(Z) − z3 = 1000 − (−1000), written as Z − lse(Z), never as log(softmax)")
                .isCloseTo(2000, within(HAND));
    }

    @Test
    void deltaIsProbabilitiesMinusTargetsOverM() {
        // Row 1 is the case above: P = (⅛, ⅜, ½), Y = class 3.  Row 2: Z = 0, P = (⅓, ⅓, ⅓), Y = class 1.
        // m = 2, so dZ = (P − Y) / 2: row 1 (1/16, 3/16, −¼), row 2 (−⅓, ⅙, ⅙).
        INDArray Z = Nd4j.createFromArray(new double[][] {{0, Math.log(3), Math.log(4)}, {0, 0, 0}});
        INDArray Y = Nd4j.createFromArray(new double[][] {{0, 0, 1}, {1, 0, 0}});

        INDArray dZ = Softmax.delta(Z, Y);

        assertThat(Elements.toArray(dZ)).as("dZ = (P − Y) / m with m = 2, worked out by hand")
                .containsExactly(new double[] {1.0 / 16, 3.0 / 16, -0.25, -1.0 / 3, 1.0 / 6, 1.0 / 6}, within(HAND));
    }

    @Test
    void deltaMatchesFiniteDifferencesOfTheLoss(Checks checks) {
        Differentiable loss = Differentiable.of(at -> Softmax.loss(at.get("Z"), at.get("Y")),
                at -> Tensors.of("Z", Softmax.delta(at.get("Z"), at.get("Y")))).holding("Y");

        // With the exact delta as well, a loss off by a constant (a base-2 log, a ½) is named as the loss's fault.
        checks.forAllPoints("dZ of the softmax cross-entropy", SoftmaxTest::randomPoint, loss,
                backprop.harness.check.FiniteDifferences.KinkGuard.NONE,
                at -> Tensors.of("Z", exactDelta(at.get("Z"), at.get("Y"))));
    }

    @Test
    void lossEqualsTheReferenceAtRandomPoints() {
        for (long seed = 0; seed < 100; seed++) {
            Tensors point = randomPoint(new SplittableRandom(seed));
            INDArray Z = point.get("Z");
            INDArray Y = point.get("Y");
            double yours = Softmax.loss(Z.dup(), Y.dup());
            double reference = exactLoss(Z, Y);
            double zmax = Z.amaxNumber().doubleValue();
            // Both are double sums over logits up to |z| ≈ 30·k: rounding is ~1e-15·|z|; a wrong constant is far more.
            assertThat(Math.abs(yours - reference)).as("Softmax.loss at the random point of seed " + seed + ": yours " + yours
                    + ", the reference's " + reference + " (" + yours / reference + " times it; 1.4427 = 1/ln 2 is a base-2"
                    + " logarithm); look at its logarithm, its 1/m and its constants")
                    .isLessThanOrEqualTo(1e-10 * Math.max(1, zmax));
        }
    }

    /** (P − Y)/m in plain doubles, P the row-wise softmax of Z shifted by each row's maximum. */
    static INDArray exactDelta(INDArray Z, INDArray Y) {
        double[][] z = Z.toDoubleMatrix();
        double[][] y = Y.toDoubleMatrix();
        double[][] d = new double[z.length][];
        for (int i = 0; i < z.length; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (double v : z[i]) {
                max = Math.max(max, v);
            }
            double sum = 0;
            for (double v : z[i]) {
                sum += Math.exp(v - max);
            }
            d[i] = new double[z[i].length];
            for (int j = 0; j < z[i].length; j++) {
                d[i][j] = (Math.exp(z[i][j] - max) / sum - y[i][j]) / z.length;
            }
        }
        return Nd4j.createFromArray(d);
    }

    /** −1/m Σ Y ⊙ log softmax(Z), with log softmax = z − max − log Σ exp(z − max). */
    static double exactLoss(INDArray Z, INDArray Y) {
        double[][] z = Z.toDoubleMatrix();
        double[][] y = Y.toDoubleMatrix();
        double total = 0;
        for (int i = 0; i < z.length; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (double v : z[i]) {
                max = Math.max(max, v);
            }
            double sum = 0;
            for (double v : z[i]) {
                sum += Math.exp(v - max);
            }
            double lse = max + Math.log(sum);
            for (int j = 0; j < z[i].length; j++) {
                total -= y[i][j] * (z[i][j] - lse);
            }
        }
        return total / z.length;
    }

    /** Z, m×k with m in 1..5 and k in 2..5, logits spread over ±s with s between 0.1 and 30; targets Y as {@link #targets}. */
    static Tensors randomPoint(SplittableRandom rng) {
        double scale = Math.exp(Math.log(0.1) + rng.nextDouble() * Math.log(300));
        int m = 1 + rng.nextInt(5);
        int k = 2 + rng.nextInt(4);
        return Tensors.of("Z", randomLogits(rng, m, k, scale), "Y", targets(rng, m, k));
    }

    /** Some rows one-hot, the others a spread-out distribution, every row summing to 1. */
    static INDArray targets(SplittableRandom rng, int m, int k) {
        INDArray Y = Nd4j.zeros(DataType.DOUBLE, m, k);
        for (int i = 0; i < m; i++) {
            if (rng.nextBoolean()) {
                Y.putScalar(i, rng.nextInt(k), 1.0);
                continue;
            }
            double[] w = new double[k];
            double sum = 0;
            for (int j = 0; j < k; j++) {
                w[j] = rng.nextDouble();
                sum += w[j];
            }
            for (int j = 0; j < k; j++) {
                Y.putScalar(i, j, w[j] / sum);
            }
        }
        return Y;
    }

    static INDArray randomLogits(SplittableRandom rng, int m, int k, double scale) {
        INDArray Z = Nd4j.create(DataType.DOUBLE, m, k);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < k; j++) {
                Z.putScalar(i, j, scale * (2 * rng.nextDouble() - 1));
            }
        }
        return Z;
    }
}
