package backprop.grader;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TestNamesTest {
    @Test
    void methodNamesBecomeSentences() {
        assertThat(TestNames.sentence("gradientsAreRightOnRandomTwoLayerNetworks", "gradientsAreRightOnRandomTwoLayerNetworks(Checks)"))
                .isEqualTo("gradients are right on random two layer networks");
        assertThat(TestNames.sentence("checkRejectsATransposedGradient", null)).isEqualTo("check rejects a transposed gradient");
        assertThat(TestNames.sentence("aBatchOfOneSampleHasTheGradientSGDStepsAlong", null))
                .isEqualTo("a batch of one sample has the gradient SGD steps along");
    }

    @Test
    void aDisplayNameIsKept() {
        assertThat(TestNames.sentence("xorIsLearned", "XOR is learned in 5000 steps")).isEqualTo("XOR is learned in 5000 steps");
    }
}
