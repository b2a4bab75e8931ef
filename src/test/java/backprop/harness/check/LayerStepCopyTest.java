package backprop.harness.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import backprop.harness.cases.CaseGenerator;
import backprop.harness.cases.NetworkCase;
import backprop.harness.core.Nd4jSetup;
import backprop.harness.testnets.BatchNormNetwork;

/** The harness's plain-Java copy knows no layer step: a case with one is checked against the learner's own loss. */
class LayerStepCopyTest {
    @BeforeAll
    static void nd4j() {
        Nd4jSetup.ensure();
    }

    @Test
    void aCaseWithALayerStepTakesTheClassicPathAndPasses() {
        NetworkCase c = CaseGenerator.generate(BatchNormNetwork.SPACE, 3);
        assertThat(CopyDifferences.covers(c)).isFalse();
        assertThat(CopyDifferences.covers(CaseGenerator.generate(BatchNormNetwork.SPACE.withLayerStep(null), 3))).isTrue();
        CaseResult r = NetworkCheck.run(new BatchNormNetwork(), c, NetworkCheck.Mode.FULL);
        assertThat(r.problems()).isEmpty();
        assertThat(r.finiteDifferencesOfHarnessCopy()).isFalse();
    }
}
