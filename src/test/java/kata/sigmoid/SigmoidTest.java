package kata.sigmoid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

import backprop.harness.api.Tensors;
import backprop.harness.check.Differentiable;
import backprop.harness.core.Elements;
import backprop.harness.junit.Checks;
import backprop.harness.junit.Exercise;

@Exercise("01-sigmoid")
@DisplayName("01 sigmoid")
class SigmoidTest {

    /** Exact to rounding: values worked out by hand, all of size ≤ 1. */
    private static final double HAND = 1e-15;

    /** Two right ways of computing the same number in [0, 1] differ by a few ulps at most. */
    private static final double ROUNDING = 1e-15;

    /** Beyond |z| = 40 the true σ is within e^−40 ≈ 4e-18 of 0 or 1, and σ' within 4e-18 of 0. */
    private static final double TAIL = 1e-16;

    /** Where a naive formula overflows (e^710 is infinite in double) or cancels. */
    private static final double[] LARGE = {-1000, -710, -40, 0, 40, 710, 1000};

    /** Random pre-activations, m×n with m = 1 half of the time, values where σ' is far from 0. */
    static final Checks.Points RANDOM_Z = rng -> Tensors.of("Z", uniform(rng, rows(rng), 1 + rng.nextInt(4), 6));

    @Test
    void sigmoidOfZeroIsOneHalf() {
        assertThat(Sigmoid.of(0.0)).as("σ(0) = 1 / (1 + e^0) = 1/2").isCloseTo(0.5, within(HAND));
        assertThat(values(Sigmoid.of(Nd4j.zeros(2, 3)))).as("σ of a 2×3 array of zeros: 1/2 in every element")
                .containsOnly(0.5);
    }

    @Test
    void slopeAtZeroIsOneQuarter() {
        assertThat(Sigmoid.prime(0.0)).as("σ'(0) = σ(0)·(1 − σ(0)) = 1/2 · 1/2").isCloseTo(0.25, within(HAND));
    }

    @Test
    void slopeWrittenFromAIsOneQuarterWhereAIsOneHalf() {
        assertThat(Sigmoid.primeFromA(0.5)).as("a·(1 − a) at a = σ(0) = 1/2").isCloseTo(0.25, within(HAND));
    }

    @Test
    void valuesAtLogThreeAreWorkedOutByHand() {
        // e^−ln 3 = 1/3, so σ(ln 3) = 1 / (1 + 1/3) = 3/4 and σ'(ln 3) = 3/4 · 1/4 = 3/16.
        double z = Math.log(3);

        assertThat(Sigmoid.of(z)).as("σ(ln 3) = 1 / (1 + 1/3)").isCloseTo(0.75, within(HAND));
        assertThat(Sigmoid.of(-z)).as("σ(−ln 3) = 1 / (1 + 3)").isCloseTo(0.25, within(HAND));
        assertThat(Sigmoid.prime(z)).as("σ'(ln 3) = 3/4 · 1/4").isCloseTo(0.1875, within(HAND));
        assertThat(Sigmoid.primeFromA(0.75)).as("a·(1 − a) at a = σ(ln 3) = 3/4").isCloseTo(0.1875, within(HAND));
    }

    @Test
    void sigmoidOfMinusZIsOneMinusSigmoidOfZ() {
        SplittableRandom rng = new SplittableRandom(1);
        for (int i = 0; i < 200; i++) {
            double z = rng.nextDouble(-10, 10);

            double left = Sigmoid.of(-z);
            double right = 1 - Sigmoid.of(z);

            assertThat(left).as("σ(−z) against 1 − σ(z) at z = %s: the curve is symmetric about (0, 1/2)", z)
                    .isCloseTo(right, within(ROUNDING));
        }
    }

    @Test
    void slopeFromZMatchesFiniteDifferencesAtRandomPoints(Checks checks) {
        // value = Σ σ(Z): its gradient with respect to Z is σ'(Z), element by element.
        checks.forAllPoints("Sigmoid.prime(Z) as the gradient of Σ σ(Z)", RANDOM_Z, new Differentiable() {
            @Override
            public double value(Tensors at) {
                return Transforms.sigmoid(at.get("Z"), true).sumNumber().doubleValue();
            }

            @Override
            public Tensors gradient(Tensors at) {
                return Tensors.of("Z", Sigmoid.prime(at.get("Z")));
            }
        });
    }

    @Test
    void slopeFromAMatchesFiniteDifferencesAtRandomPoints(Checks checks) {
        // The same gradient, but the learner's code is handed A = σ(Z), as the question's code does.
        checks.forAllPoints("Sigmoid.primeFromA(σ(Z)) as the gradient of Σ σ(Z)", RANDOM_Z, new Differentiable() {
            @Override
            public double value(Tensors at) {
                return Transforms.sigmoid(at.get("Z"), true).sumNumber().doubleValue();
            }

            @Override
            public Tensors gradient(Tensors at) {
                return Tensors.of("Z", Sigmoid.primeFromA(Transforms.sigmoid(at.get("Z"), true)));
            }
        });
    }

    @Test
    void bothFormsOfTheSlopeAgree() {
        INDArray Z = uniform(new SplittableRandom(2), 4, 5, 8);

        INDArray fromZ = Sigmoid.prime(Z);
        INDArray fromA = Sigmoid.primeFromA(Sigmoid.of(Z));

        assertThat(values(fromZ)).as("σ'(Z) written from Z against A ⊙ (1 − A) with A = σ(Z), on a random 4×5 Z")
                .containsExactly(values(fromA), within(ROUNDING));
    }

    @Test
    void formFromATakesTheActivationNotZ() {
        // Feeding z where a belongs is the classic bug: at z = 2 it gives 2·(1 − 2) = −2, a negative slope,
        // while the true slope is σ(2)·(1 − σ(2)) ≈ 0.105. The a-form must not apply σ itself.
        double a = 1 / (1 + Math.exp(-2));

        assertThat(Sigmoid.primeFromA(2.0)).as("a·(1 − a) at a = 2, exactly what the formula says").isCloseTo(-2.0, within(HAND));
        assertThat(Sigmoid.primeFromA(a)).as("a·(1 − a) at a = σ(2): the true slope at z = 2").isCloseTo(a * (1 - a), within(HAND));
        assertThat(Sigmoid.prime(2.0)).as("σ'(2) written from z, the same true slope").isCloseTo(a * (1 - a), within(ROUNDING));
    }

    @Test
    void sigmoidIsFiniteAndRightForInputsUpToAThousand() {
        INDArray row = Sigmoid.of(Nd4j.createFromArray(new double[][] {LARGE}));
        for (int i = 0; i < LARGE.length; i++) {
            double z = LARGE[i];
            double expected = z == 0 ? 0.5 : z > 0 ? 1 : 0;

            assertThat(Sigmoid.of(z)).as("σ(%s), finite and right; e^%s overflows to ∞ in double", z, Math.abs(z))
                    .isCloseTo(expected, within(TAIL));
            assertThat(row.getDouble(0, i)).as("σ(Z) of the array 1×7, element [0,%s] (z = %s)", i, z)
                    .isCloseTo(expected, within(TAIL));
        }
    }

    @Test
    void slopeIsFiniteAndRightForInputsUpToAThousand() {
        INDArray row = Sigmoid.prime(Nd4j.createFromArray(new double[][] {LARGE}));
        for (int i = 0; i < LARGE.length; i++) {
            double z = LARGE[i];
            double expected = z == 0 ? 0.25 : 0;

            assertThat(Sigmoid.prime(z)).as("σ'(%s), finite and right; a formula with e^|z| in it gives ∞/∞ = NaN here", z)
                    .isCloseTo(expected, within(TAIL));
            assertThat(Sigmoid.primeFromA(Sigmoid.of(z))).as("a·(1 − a) at a = σ(%s)", z).isCloseTo(expected, within(TAIL));
            assertThat(row.getDouble(0, i)).as("σ'(Z) of the array 1×7, element [0,%s] (z = %s)", i, z)
                    .isCloseTo(expected, within(TAIL));
        }
    }

    @Test
    void arrayVersionsAgreeWithTheNumberVersionsAndKeepTheShape() {
        for (long[] shape : new long[][] {{1, 1}, {1, 5}, {4, 1}, {3, 4}}) {
            INDArray Z = uniform(new SplittableRandom(shape[0] * 10 + shape[1]), (int) shape[0], (int) shape[1], 8);
            INDArray A = Sigmoid.of(Z);
            INDArray fromZ = Sigmoid.prime(Z);
            INDArray fromA = Sigmoid.primeFromA(A.dup()); // a copy, so that a primeFromA that writes into A blames only itself
            String s = shape[0] + "×" + shape[1];

            assertThat(A.shape()).as("shape of σ(Z) for a %s Z", s).containsExactly(shape);
            assertThat(fromZ.shape()).as("shape of σ'(Z) for a %s Z", s).containsExactly(shape);
            assertThat(fromA.shape()).as("shape of A ⊙ (1 − A) for a %s A", s).containsExactly(shape);
            for (int i = 0; i < Z.length(); i++) {
                double z = Elements.get(Z, i);
                String at = s + " array, element " + Elements.label(Z, i);
                assertThat(Elements.get(A, i)).as("σ(Z) against σ(z), %s", at).isCloseTo(Sigmoid.of(z), within(ROUNDING));
                assertThat(Elements.get(fromZ, i)).as("σ'(Z) against σ'(z), %s", at).isCloseTo(Sigmoid.prime(z), within(ROUNDING));
                assertThat(Elements.get(fromA, i)).as("A ⊙ (1 − A) against a·(1 − a), %s", at)
                        .isCloseTo(Sigmoid.primeFromA(Elements.get(A, i)), within(ROUNDING));
            }
        }
    }

    @Test
    void arrayVersionsDoNotChangeTheirInput() {
        INDArray Z = uniform(new SplittableRandom(3), 3, 4, 8);
        INDArray zBefore = Z.dup();
        INDArray A = Transforms.sigmoid(Z, true);
        INDArray aBefore = A.dup();

        Sigmoid.of(Z);
        Sigmoid.prime(Z);
        Sigmoid.primeFromA(A);

        assertThat(Elements.same(Z, zBefore)).as("Z is unchanged after Sigmoid.of(Z) and Sigmoid.prime(Z):"
                + " an in-place op (muli, addi, Transforms.exp(Z, false)) writes into the caller's array").isTrue();
        assertThat(Elements.same(A, aBefore)).as("A is unchanged after Sigmoid.primeFromA(A): use mul/rsub, not muli/rsubi").isTrue();
    }

    private static int rows(SplittableRandom rng) {
        return rng.nextBoolean() ? 1 : 2 + rng.nextInt(4);
    }

    /** A rows×cols array of values uniform in [−spread, spread]. */
    static INDArray uniform(SplittableRandom rng, int rows, int cols, double spread) {
        double[][] v = new double[rows][cols];
        for (double[] row : v) {
            for (int j = 0; j < cols; j++) {
                row[j] = rng.nextDouble(-spread, spread);
            }
        }
        return Nd4j.createFromArray(v);
    }

    static double[] values(INDArray a) {
        return Elements.toArray(a);
    }
}
