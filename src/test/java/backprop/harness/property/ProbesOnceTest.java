package backprop.harness.property;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import backprop.harness.Spaces;
import backprop.harness.api.Tensors;
import backprop.harness.cases.CaseSpace;
import backprop.harness.cases.NetworkCase;
import backprop.harness.check.CaseResult;
import backprop.harness.core.Nd4jSetup;
import backprop.harness.testnets.PlainNetwork;

/**
 * A property probes for state kept between calls on its first case with m ≥ 2, skips the probes
 * on passing cases after it, and probes every failing case, so that the evidence of a failure
 * is what it was when every case was probed.
 */
class ProbesOnceTest {
    private static final CaseSpace SPACE = Spaces.EVERYTHING.withBatch(2, 5);

    @BeforeAll
    static void nd4j() {
        Nd4jSetup.ensure();
    }

    /** Right until told otherwise, then every gradient doubled. */
    private static final class Breakable extends PlainNetwork {
        boolean broken;

        @Override
        public Tensors gradients(NetworkCase c) {
            Tensors g = super.gradients(c);
            return broken ? g.map((n, a) -> a.mul(2)) : g;
        }
    }

    @Test
    void theFirstCaseIsProbedPassingCasesAfterItAreNotAndAFailingCaseIs() {
        Breakable net = new Breakable();
        NetworkProperty p = new NetworkProperty(SPACE, net);

        CaseResult first = p.check(p.generate(1));
        CaseResult second = p.check(p.generate(2));
        net.broken = true;
        CaseResult third = p.check(p.generate(3));

        assertThat(first.passed()).as(first.problems().toString()).isTrue();
        assertThat(first.batchProbe()).as("the first case, m = " + first.networkCase().m() + ", probed").isNotNull();
        assertThat(second.passed()).as(second.problems().toString()).isTrue();
        assertThat(second.batchProbe()).as("a passing case after it, not probed").isNull();
        assertThat(third.passed()).isFalse();
        assertThat(third.batchProbe()).as("a failing case, checked again with the probes").isNotNull();
    }

    /** Counts gradients() calls. */
    private static final class Counted extends PlainNetwork {
        int calls;

        @Override
        public Tensors gradients(NetworkCase c) {
            calls++;
            return super.gradients(c);
        }
    }

    @Test
    void afterFirstCasesOfOneSampleTheProbingGoesOnUntilACaseOfTwoOrMore() {
        Counted single = new Counted();
        NetworkProperty ones = new NetworkProperty(Spaces.EVERYTHING.withBatch(1, 1), single);
        Counted batch = new Counted();
        NetworkProperty wide = new NetworkProperty(SPACE, batch);

        ones.check(ones.generate(1));
        single.calls = 0;
        ones.check(ones.generate(2));
        wide.check(wide.generate(1));
        batch.calls = 0;
        wide.check(wide.generate(2));

        // Probed with m = 1: the gradients, again, and again after another case (BatchProbe needs m ≥ 2).
        assertThat(single.calls).as("gradients() calls on the second case of one sample").isEqualTo(4);
        assertThat(batch.calls).as("gradients() calls on a passing case after a probed batch").isEqualTo(1);
    }
}
