package backprop.harness.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

import backprop.harness.Spaces;
import backprop.harness.api.Activation;
import backprop.harness.api.Tensors;
import backprop.harness.cases.CaseGenerator;
import backprop.harness.cases.NetworkCase;
import backprop.harness.core.Elements;
import backprop.harness.core.Nd4jSetup;
import backprop.harness.reference.Reference;
import backprop.harness.testnets.PlainNetwork;

/**
 * The full check's finite differences of the harness's own copy of the network
 * ({@link CopyDifferences}): they agree with those of a correct learner's loss on every kind of
 * network, they reject a wrong gradient, and the full check falls back to the learner's own loss
 * (and says so) wherever the learner's loss is not what the copy computes.
 */
class HarnessCopyTest {
    private static final Tolerance FD = Tolerance.FINITE_DIFFERENCE;

    @BeforeAll
    static void nd4j() {
        Nd4jSetup.ensure();
    }

    /**
     * 60 cases of every depth, activation, head, bias and L2 setting (fixed seeds): the copy's
     * loss agrees with the reference's, and its estimate of every element agrees with the learner's-loss estimate of a correct network and
     * with the reference, within the finite-difference tolerance, and skips the same elements at kinks.
     */
    @Test
    void theCopysDifferencesAgreeWithThoseOfACorrectLossOnEveryKindOfNetwork() {
        PlainNetwork net = new PlainNetwork();
        int elements = 0;
        for (long seed = 1; seed <= 60; seed++) {
            NetworkCase c = CaseGenerator.generate(Spaces.EVERYTHING, seed);
            CopyDifferences copy = new CopyDifferences(c);
            Reference.Result reference = Reference.evaluate(c);
            Tensors truth = reference.gradients();
            assertThat(Tolerance.LOSS.accepts(copy.loss(), reference.loss()))
                    .as("the copy's loss %s against the reference's %s: %s", copy.loss(), reference.loss(), c).isTrue();
            FiniteDifferences.KinkGuard guard = PreActivationsGuard.of(c);
            for (String name : c.spec().parameterNames()) {
                FiniteDifferences.Estimates mine = copy.array(name, FiniteDifferences.NeedsNoise.ALWAYS);
                FiniteDifferences.Estimates learners = FiniteDifferences.array(p -> net.loss(c.withParams(p)), c.params(), name,
                        guard, FiniteDifferences.NeedsNoise.ALWAYS);
                double[] t = Elements.toArray(truth.get(name));
                for (int i = 0; i < t.length; i++) {
                    String where = c + ", d" + name + " element " + i;
                    assertThat(mine.skipped()[i]).as("skipped at a kink: " + where).isEqualTo(learners.skipped()[i]);
                    if (mine.skipped()[i]) {
                        continue;
                    }
                    elements++;
                    assertThat(FD.accepts(t[i], mine.values()[i], 0, mine.noise()[i]))
                            .as("copy %s against the reference %s: %s", mine.values()[i], t[i], where).isTrue();
                    assertThat(FD.accepts(mine.values()[i], learners.values()[i], 0, mine.noise()[i] + learners.noise()[i]))
                            .as("copy %s against the learner's loss %s: %s", mine.values()[i], learners.values()[i], where).isTrue();
                }
            }
        }
        assertThat(elements).as("elements compared").isGreaterThan(1500);
    }

    @Test
    void theCopysDifferencesRejectAGradientWithOneElementOff() {
        NetworkCase c = CaseGenerator.generate(Spaces.EVERYTHING.withHiddenActivations(Activation.SIGMOID).withHiddenLayers(2, 2), 5);
        Tensors truth = Reference.evaluate(c).gradients();
        INDArray wrong = truth.get("W2").dup();
        Elements.set(wrong, 0, Elements.get(wrong, 0) * 1.01 + 1e-6);
        FiniteDifferences.Estimates e = new CopyDifferences(c).array("W2", FiniteDifferences.NeedsNoise.ALWAYS);
        INDArray fd = org.nd4j.linalg.factory.Nd4j.create(e.values(), wrong.shape(), 'c');

        TensorComparison right = new TensorComparison("W2", "finite difference", truth.get("W2"), fd, e.noise(), e.skipped(), FD);
        TensorComparison off = new TensorComparison("W2", "finite difference", wrong, fd, e.noise(), e.skipped(), FD);

        assertThat(right.passed()).as("the true dW2").isTrue();
        assertThat(off.passed()).as("dW2 with one element 1 % off").isFalse();
        assertThat(off.failing()).isEqualTo(1);
    }

    @Test
    void aRightNetworkPassesTheFullCheckOnTheCopyWhichTheResultSays() {
        NetworkCase c = CaseGenerator.generate(Spaces.EVERYTHING.withHiddenActivations(Activation.TANH), 21);

        CaseResult r = NetworkCheck.run(new PlainNetwork(), c, NetworkCheck.Mode.FULL);

        assertThat(r.passed()).as(r.problems().toString()).isTrue();
        assertThat(r.finiteDifferencesOfHarnessCopy()).isTrue();
        for (String n : c.spec().parameterNames()) {
            assertThat(r.finiteDifferenceComparison(n).compared()).as("d" + n + ", every element").isEqualTo(r.finiteDifferenceComparison(n).length());
        }
    }

    /**
     * A loss right at θ, whose gradients are the reference's, but which is not the function those
     * gradients differentiate (an extra term that vanishes at θ): the copy agrees with the
     * gradients, the learner's loss along a direction does not, so the full check falls back to
     * finite differences of the learner's own loss and reports INCONSISTENT from them.
     */
    @Test
    void aLossThatDisagreesWithTheCopyAwayFromThePointFallsBackToTheLearnersOwnLoss() {
        NetworkCase c = CaseGenerator.generate(Spaces.EVERYTHING.withHiddenActivations(Activation.SIGMOID).withHiddenLayers(1, 1)
                .withLambda(false), 8);
        Tensors at = c.params().copy();
        PlainNetwork tilted = new PlainNetwork() {
            @Override
            public double loss(NetworkCase k) {
                // + 0.3 · (W1[0,0] − its value at θ): zero at θ, slope 0.3 in one element.
                double moved = k.params().get("W1").getDouble(0, 0) - at.get("W1").getDouble(0, 0);
                return super.loss(k) + 0.3 * moved;
            }
        };

        CaseResult r = NetworkCheck.run(tilted, c, NetworkCheck.Mode.FULL);

        assertThat(r.problems()).extracting(Problem::kind).containsExactly(Problem.Kind.INCONSISTENT);
        assertThat(r.finiteDifferencesOfHarnessCopy()).as("a failing case shows finite differences of the learner's own loss").isFalse();
        assertThat(r.finiteDifferenceComparison("W1").failing()).isEqualTo(1);
        assertThat(r.problems().get(0).detail()).contains("finite differences of your own loss");
    }

    /** The kink guard of FiniteDifferences, as NetworkCheck builds it. */
    private static final class PreActivationsGuard {
        static FiniteDifferences.KinkGuard of(NetworkCase c) {
            if (!backprop.harness.cases.PreActivations.hasKinks(c)) {
                return FiniteDifferences.KinkGuard.NONE;
            }
            return (from, to) -> backprop.harness.cases.PreActivations.crossesKink(backprop.harness.cases.PreActivations.kinked(c, from),
                    backprop.harness.cases.PreActivations.kinked(c, to));
        }
    }
}
