package backprop.harness.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import backprop.harness.Spaces;
import backprop.harness.cases.CaseGenerator;
import backprop.harness.cases.NetworkCase;
import backprop.harness.core.Nd4jSetup;
import backprop.harness.testnets.PlainNetwork;

/**
 * What a network check costs in calls of the learner's loss, and that the in-place finite
 * differences still hand every call values it cannot spoil for the next.
 */
class FiniteDifferenceCostTest {
    @BeforeAll
    static void nd4j() {
        Nd4jSetup.ensure();
    }

    /** Counts loss() calls; optionally writes into X and every parameter after computing the loss. */
    private static final class Counted extends PlainNetwork {
        final boolean vandal;
        int losses;
        int gradientCalls;

        Counted(boolean vandal) {
            this.vandal = vandal;
        }

        @Override
        public double loss(NetworkCase c) {
            losses++;
            double j = super.loss(c);
            if (vandal) {
                c.x().muli(1.5);
                c.params().names().forEach(n -> c.params().get(n).addi(0.25));
            }
            return j;
        }

        @Override
        public backprop.harness.api.Tensors gradients(NetworkCase c) {
            gradientCalls++;
            return super.gradients(c);
        }
    }

    /** A sigmoid network with no kinks: every element is compared, none skipped. */
    private static NetworkCase sigmoidCase() {
        return CaseGenerator.generate(Spaces.EVERYTHING.withHiddenActivations(backprop.harness.api.Activation.SIGMOID)
                .withHiddenLayers(1, 1).withSaturation(0), 11);
    }

    @Test
    void theClassicFullCheckOfARightNetworkCostsTwoLossCallsPerParameterPlusThree() {
        NetworkCase c = sigmoidCase();
        Counted net = new Counted(false);

        CaseResult r = NetworkCheck.run(net, c, NetworkCheck.Mode.FULL_OWN_LOSS);

        assertThat(r.passed()).as(r.problems().toString()).isTrue();
        long p = c.params().elementCount();
        // Three before the finite differences (the loss, another case's, the loss again), then θ ± h
        // per element; no element of a right network comes near its limit, so no second step.
        assertThat(net.losses).as("loss() calls for P = " + p).isEqualTo(2 * p + 3);
    }

    @Test
    void aFullCheckOfARightNetworkCostsTwoLossCallsPerDirectionPlusThreeWhateverItsSize() {
        for (NetworkCase c : new NetworkCase[] {sigmoidCase(), backprop.harness.bench.GradcheckBenchmark.net(64, 32, 10, 16)}) {
            Counted net = new Counted(false);

            CaseResult r = NetworkCheck.run(net, c, NetworkCheck.Mode.FULL);

            assertThat(r.passed()).as(r.problems().toString()).isTrue();
            assertThat(r.finiteDifferencesOfHarnessCopy()).as("every element against the harness's copy").isTrue();
            // The loss, another case's and the loss again, then θ ± h·v along each direction.
            assertThat(net.losses).as("loss() calls for P = " + c.params().elementCount())
                    .isEqualTo(3 + 2 * NetworkCheck.FULL_DIRECTIONS);
        }
    }

    @Test
    void aFastCheckWithoutProbesCallsTheLossOncePlusTwicePerDirectionAndTheGradientsOnce() {
        NetworkCase c = sigmoidCase();
        Counted net = new Counted(false);

        CaseResult r = NetworkCheck.run(net, c, NetworkCheck.Mode.FAST, NetworkCheck.Probes.OFF);

        assertThat(r.passed()).as(r.problems().toString()).isTrue();
        assertThat(net.losses).isEqualTo(1 + 2 * NetworkCheck.DIRECTIONS);
        assertThat(net.gradientCalls).isEqualTo(1);
    }

    @Test
    void aLossThatWritesIntoItsInputsIsReportedButSpoilsNoFiniteDifference() {
        NetworkCase c = sigmoidCase();

        CaseResult r = NetworkCheck.run(new Counted(true), c, NetworkCheck.Mode.FULL);

        assertThat(r.problems()).extracting(Problem::kind).contains(Problem.Kind.MUTATES_INPUT);
        for (String n : c.spec().parameterNames()) {
            TensorComparison fd = r.finiteDifferenceComparison(n);
            assertThat(fd.passed()).as("d" + n + " against finite differences, each call handed unspoilt X and parameters").isTrue();
            assertThat(fd.compared()).isEqualTo(fd.length());
        }
    }
}
