package backprop.harness.reference;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import backprop.harness.cases.CaseGenerator;
import backprop.harness.cases.CaseSpace;
import backprop.harness.cases.LayerStep;
import backprop.harness.core.Nd4jSetup;

/** A step whose plain-Java value and SameDiff graph define different networks is refused before any learner is judged. */
class LayerStepReferenceTest {
    @BeforeAll
    static void nd4j() {
        Nd4jSetup.ensure();
    }

    @Test
    void aGraphThatForgetsBetaIsRefusedNamingBothValues() {
        LayerStep forgetful = LayerStep.of("shift", "Z̃ = Z + β", (z, p) -> z.addRowVector(p.get("beta")),
                        (sd, z, p) -> z)
                .withParameter("beta", LayerStep.ROW, rng -> rng.nextDouble(0.5, 1));
        CaseSpace space = CaseSpace.networks().withLayerStep(forgetful);
        for (long seed = 1; seed <= 2; seed++) {
            long s = seed;
            assertThatThrownBy(() -> CustomLossReference.evaluate(CaseGenerator.generate(space, s)))
                    .as("case %s: refused, the first and every later one", seed)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("LayerStep shift: its value in plain Java and its SameDiff graph give different networks")
                    .hasMessageContaining("Z̃ = Z + β");
        }
    }

    @Test
    void aGraphThatAgreesIsAccepted() {
        LayerStep shift = LayerStep.of("shift, agreeing", "Z̃ = Z + β", (z, p) -> z.addRowVector(p.get("beta")),
                        (sd, z, p) -> z.add(p.get("beta")))
                .withParameter("beta", LayerStep.ROW, rng -> rng.nextDouble(0.5, 1));
        CustomLossReference.evaluate(CaseGenerator.generate(CaseSpace.networks().withLayerStep(shift), 1));
    }

}
