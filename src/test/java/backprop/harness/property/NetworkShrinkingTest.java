package backprop.harness.property;

import backprop.harness.api.NetSpec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

import backprop.harness.cases.CaseGenerator;
import backprop.harness.cases.CaseSpace;
import backprop.harness.cases.NetworkCase;
import backprop.harness.check.CaseResult;
import backprop.harness.check.NetworkCheck;
import backprop.harness.core.Nd4jSetup;
import backprop.harness.testnets.PlainNetwork;

class NetworkShrinkingTest {
    @BeforeAll
    static void nd4j() {
        Nd4jSetup.ensure();
    }

    /** A missing 1/m cannot show with m = 1, so the smallest failing batch has two samples. */
    private static final PlainNetwork MISSING_ONE_OVER_M = new PlainNetwork() {
        @Override
        protected INDArray outputDelta(NetSpec s, INDArray a, INDArray z, INDArray y, int m) {
            return super.outputDelta(s, a, z, y, m).mul(m);
        }
    };

    private static final CaseSpace SPACE = CaseSpace.networks().withHiddenLayers(1, 2).withBatch(1, 6);

    private static Shrinker.Shrunk<NetworkCase, CaseResult> shrink(long seed) {
        NetworkCase big = CaseGenerator.generate(SPACE.withBatch(5, 6).withWidth(4, 6).withHiddenLayers(2, 2), seed);
        NetworkProperty p = new NetworkProperty(SPACE, MISSING_ONE_OVER_M);
        CaseResult failure = p.check(big);
        assertThat(failure.passed()).as("the big case fails to begin with").isFalse();
        return Shrinker.shrink(p, big, failure, Shrinker.DEFAULT_BOUND);
    }

    @Test
    void aMissingOneOverMShrinksToTwoSamplesAndOneUnitPerLayer() {
        Shrinker.Shrunk<NetworkCase, CaseResult> r = shrink(42);

        NetworkCase small = r.smallest();
        assertThat(small.m()).as("batch size of the smallest failing case").isEqualTo(2);
        assertThat(small.spec().layers()).as("layers: one hidden layer is the least this space allows").isEqualTo(2);
        assertThat(small.spec().sizes()).as("every layer one unit wide").containsExactly(1, 1, 1);
        assertThat(r.steps()).isPositive();
        assertThat(r.boundReached()).as("stopped at a local minimum, not at the bound").isFalse();
    }

    @Test
    void theSameSeedShrinksToTheSameCase() {
        NetworkCase a = shrink(7).smallest();
        NetworkCase b = shrink(7).smallest();

        assertThat(a.spec()).isEqualTo(b.spec());
        assertThat(a.x().toString()).isEqualTo(b.x().toString());
        assertThat(a.params().get("W1").toString()).isEqualTo(b.params().get("W1").toString());
    }

    @Test
    void theSmallestCaseStillFails() {
        NetworkCase small = shrink(3).smallest();

        assertThat(NetworkCheck.run(MISSING_ONE_OVER_M, small, NetworkCheck.Mode.FULL).passed()).isFalse();
    }
}
