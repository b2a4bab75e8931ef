package backprop.harness.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

import backprop.harness.api.Activation;
import backprop.harness.api.Loss;
import backprop.harness.api.NetSpec;
import backprop.harness.api.Tensors;
import backprop.harness.cases.CaseSpace.Head;
import backprop.harness.core.Elements;
import backprop.harness.core.Nd4jSetup;
import backprop.harness.testnets.BatchNormNetwork;

/**
 * A layer step's parameters as cases carry them: validated with the W and b, drawn by the
 * generator with the declared shapes, cut and renumbered by shrinking; and heads' own targets.
 */
class LayerStepCasesTest {
    private static final LayerStep STEP = BatchNormNetwork.STEP;

    @BeforeAll
    static void nd4j() {
        Nd4jSetup.ensure();
    }

    private static Tensors params(int n0, int n1, int n2) {
        return Tensors.of("W1", Nd4j.ones(DataType.DOUBLE, n0, n1), "b1", Nd4j.ones(DataType.DOUBLE, 1, n1),
                "gamma1", Nd4j.ones(DataType.DOUBLE, 1, n1), "beta1", Nd4j.zeros(DataType.DOUBLE, 1, n1),
                "W2", Nd4j.ones(DataType.DOUBLE, n1, n2), "b2", Nd4j.ones(DataType.DOUBLE, 1, n2));
    }

    private static NetworkCase withStep(Tensors p) {
        return new NetworkCase(NetSpec.of(2, 3, 1), p, Nd4j.ones(DataType.DOUBLE, 4, 2), Nd4j.ones(DataType.DOUBLE, 4, 1), null, STEP);
    }

    @Test
    void aCaseWithItsStepTakesTheStepsParametersInLayerOrder() {
        NetworkCase c = withStep(params(2, 3, 1));
        assertThat(c.parameterNames()).containsExactly("W1", "b1", "gamma1", "beta1", "W2", "b2");
        assertThat(c.expectedShape("gamma1")).containsExactly(1, 3);
        assertThat(c.describe()).contains("batch norm before each hidden activation");
    }

    @Test
    void aStepParameterWithoutItsStepIsRefusedNamingWhereItBelongs() {
        assertThatThrownBy(() -> new NetworkCase(NetSpec.of(2, 3, 1), params(2, 3, 1), Nd4j.ones(DataType.DOUBLE, 4, 2),
                Nd4j.ones(DataType.DOUBLE, 4, 1), null))
                .hasMessageContaining("unexpected parameter gamma1").hasMessageContaining("belongs to a LayerStep");
    }

    @Test
    void aMissingOrMisshapenStepParameterIsRefusedWithTheShapeItMustHave() {
        Tensors missing = params(2, 3, 1);
        Tensors wrong = params(2, 3, 1).put("beta1", Nd4j.zeros(DataType.DOUBLE, 3, 1));
        Tensors kept = Tensors.empty();
        missing.names().stream().filter(n -> !n.equals("beta1")).forEach(n -> kept.put(n, missing.get(n)));
        assertThatThrownBy(() -> withStep(kept)).hasMessageContaining("parameter beta1 is missing").hasMessageContaining("batch norm");
        assertThatThrownBy(() -> withStep(wrong)).hasMessageContaining("beta1 is 3×1 but must be 1×3");
    }

    @Test
    void aBadDeclarationIsRefusedWhenTheStepIsWritten() {
        LayerStep bare = LayerStep.of("s", "Z̃ = Z", (z, p) -> z, (sd, z, p) -> z);
        assertThatThrownBy(() -> bare.withParameter("b", LayerStep.ROW, rng -> 1)).hasMessageContaining("not W or b");
        assertThatThrownBy(() -> bare.withParameter("g2", LayerStep.ROW, rng -> 1)).hasMessageContaining("letters only");
        assertThatThrownBy(() -> bare.withParameter("g", n -> new long[] {0, n}, rng -> 1)).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> bare.withParameter("g", LayerStep.ROW, rng -> 1).withParameter("g", LayerStep.SCALAR, rng -> 1))
                .hasMessageContaining("declared twice");
        assertThatThrownBy(() -> CaseSpace.networks().withHiddenLayers(0, 0).withLayerStep(STEP)).hasMessageContaining("has none");
    }

    @Test
    void theGeneratorDrawsEveryHiddenLayersStepParametersAsDeclared() {
        CaseSpace space = CaseSpace.networks().withHiddenLayers(2, 2).withLayerStep(STEP);
        for (long seed = 1; seed <= 20; seed++) {
            NetworkCase c = CaseGenerator.generate(space, seed);
            assertThat(c.params().names()).containsExactlyElementsOf(c.parameterNames());
            assertThat(c.parameterNames()).contains("gamma1", "beta2").doesNotContain("gamma3");
            for (double g : Elements.toArray(c.params().get("gamma2"))) {
                assertThat(g).isBetween(0.5, 2.0);
            }
            NetworkCase plain = CaseGenerator.generate(space.withLayerStep(null), seed);
            assertThat(Elements.same(plain.params().get("W1"), c.params().get("W1"))).as("the same network under a step").isTrue();
        }
    }

    @Test
    void shrinkingCutsAndRenumbersTheStepsParametersWithTheirLayers() {
        CaseSpace space = CaseSpace.networks().withHiddenLayers(1, 2).withWidth(1, 6).withLayerStep(STEP);
        NetworkCase c = java.util.stream.LongStream.rangeClosed(1, 200).mapToObj(s -> CaseGenerator.generate(space, s))
                .filter(k -> k.spec().layers() == 3 && k.spec().width(1) > 1).findFirst().orElseThrow();
        List<NetworkCase> neighbours = NetworkShrinks.of(c, space).toList();
        NetworkCase oneLayer = neighbours.stream().filter(n -> n.spec().layers() == 2 && n.spec().width(1) == c.spec().width(2))
                .findFirst().orElseThrow();
        assertThat(Elements.same(oneLayer.params().get("gamma1"), c.params().get("gamma2"))).as("layer 2's γ is layer 1's now").isTrue();
        NetworkCase narrower = neighbours.stream().filter(n -> n.spec().layers() == 3 && n.spec().width(1) == c.spec().width(1) - 1)
                .findFirst().orElseThrow();
        assertThat(narrower.params().get("beta1").shape()).containsExactly(1, c.spec().width(1) - 1);
        assertThat(neighbours).allMatch(n -> n.layerStep() == STEP && space.contains(n));
    }

    @Test
    void kinksAreLookedForInWhatTheActivationSeesTheStepsOutput() {
        LayerStep shift = LayerStep.of("shift", "Z̃ = Z + β", (z, p) -> z.addRowVector(p.get("beta")), (sd, z, p) -> z.add(p.get("beta")))
                .withParameter("beta", LayerStep.ROW, rng -> 0);
        Tensors p = Tensors.of("W1", Nd4j.ones(DataType.DOUBLE, 1, 1), "beta1", Nd4j.createFromArray(new double[][] {{-2.0}}),
                "W2", Nd4j.ones(DataType.DOUBLE, 1, 1));
        NetworkCase c = new NetworkCase(NetSpec.of(1, 1, 1).withAllBiases(false).withActivations(Activation.RELU, Activation.IDENTITY), p,
                Nd4j.createFromArray(new double[][] {{2.0}, {3.0}}), Nd4j.ones(DataType.DOUBLE, 2, 1), null, shift);
        // Z1 = [2, 3] is far from ReLU's kink; Z̃1 = Z1 − 2 = [0, 1] sits on it.
        assertThat(PreActivations.kinked(c, c.params())[0]).containsExactly(0.0, 1.0);
        assertThat(PreActivations.nearestKink(PreActivations.kinked(c, c.params()))).isZero();
    }

    @Test
    void aValueThatWritesIntoItsParametersSpoilsNotTheCases() {
        LayerStep careless = LayerStep.of("scale", "Z̃ = s ⊙ Z", (z, p) -> z.mulRowVector(p.get("s").muli(2)),
                (sd, z, p) -> z.mul(p.get("s").mul(2))).withParameter("s", LayerStep.ROW, rng -> 1);
        NetworkCase c = CaseGenerator.generate(CaseSpace.networks().withLayerStep(careless), 1);
        double[] before = Elements.toArray(c.params().get("s1"));
        PreActivations.forward(c, c.params());
        assertThat(Elements.toArray(c.params().get("s1"))).containsExactly(before);
    }

    @Test
    void aHeadsOwnTargetsReplaceTheStandardNormalOnes() {
        Head wide = Head.of(Activation.IDENTITY, Loss.MSE).withTargets((rng, m, k) -> Nd4j.ones(DataType.DOUBLE, m, k).mul(40));
        CaseSpace space = CaseSpace.networks().withHeads(wide);
        for (long seed = 1; seed <= 5; seed++) {
            NetworkCase c = CaseGenerator.generate(space, seed);
            assertThat(c.y().minNumber().doubleValue()).isEqualTo(40.0);
            assertThat(space.contains(c)).as("a case of a head with targets stays in its space, for shrinking").isTrue();
        }
        CaseSpace misshapen = CaseSpace.networks().withHeads(wide.withTargets((rng, m, k) -> Nd4j.ones(DataType.DOUBLE, k, m + 1)));
        assertThatThrownBy(() -> CaseGenerator.generate(misshapen, 1)).hasMessageContaining("its targets must be m × k");
    }
}
