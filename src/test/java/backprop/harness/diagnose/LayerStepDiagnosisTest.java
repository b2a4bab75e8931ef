package backprop.harness.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import backprop.harness.api.Tensors;
import backprop.harness.cases.CaseGenerator;
import backprop.harness.cases.NetworkCase;
import backprop.harness.check.CaseResult;
import backprop.harness.check.NetworkCheck;
import backprop.harness.check.NetworkUnderTest;
import backprop.harness.core.Nd4jSetup;
import backprop.harness.testnets.BatchNormNetwork;

/**
 * Every diagnosis rule reads cases whose parameters go beyond W and b without throwing: each
 * gradient of a batch-norm network in turn (gamma1 and beta1 among them, whose first letters are
 * a weight's and a bias's) is broken in ways the rules look for (zero, a factor, the sign, a transpose, a row per sample, an offset), and the diagnosis of each
 * failing case must come without a rule error and name the broken gradient.
 */
class LayerStepDiagnosisTest {
    @BeforeAll
    static void nd4j() {
        Nd4jSetup.ensure();
    }

    private static final List<BiFunction<INDArray, NetworkCase, INDArray>> BREAKAGES = List.of(
            (g, c) -> g.mul(0), (g, c) -> g.div(c.m()), (g, c) -> g.neg(), (g, c) -> g.transpose().dup(),
            (g, c) -> Nd4j.vstack(g, g), (g, c) -> g.add(1));

    @Test
    void noRuleThrowsOnAStepsParametersAndTheBrokenOneIsNamed() {
        List<String> problems = new ArrayList<>();
        int diagnosed = 0;
        // Two steps, small layers (finite differences of every element are the cost), m ≥ 3: with m = 1 or 2, ×m, ½ and
        // 1/m coincide.
        var space = BatchNormNetwork.SPACE.withHiddenLayers(2, 2).withInputs(1, 2).withWidth(2, 3).withOutputs(2, 2).withBatch(3, 4);
        for (long seed = 1; seed <= 3 && diagnosed < 50; seed++) {
            NetworkCase c = CaseGenerator.generate(space, seed);
            for (String name : c.parameterNames()) {
                for (BiFunction<INDArray, NetworkCase, INDArray> breakage : BREAKAGES) {
                    NetworkUnderTest broken = NetworkUnderTest.of(k -> new BatchNormNetwork().loss(k), k -> {
                        Tensors g = new BatchNormNetwork().gradients(k);
                        return g.put(name, breakage.apply(g.get(name), k));
                    });
                    CaseResult r = NetworkCheck.run(broken, c, NetworkCheck.Mode.FULL);
                    if (r.passed()) {
                        continue; // a transpose of a 1×1 array, or a zero gradient broken into zero
                    }
                    Diagnosis d = Diagnoser.diagnose(List.of(r));
                    diagnosed++;
                    String words = String.join(" ", d.causes().stream().map(Cause::text).toList());
                    if (!d.ruleErrors().isEmpty()) {
                        problems.add(name + " on " + c + ": " + d.ruleErrors());
                    } else if (!words.contains("d" + name)) {
                        problems.add(name + " on " + c + ": the causes do not name d" + name + ": " + words);
                    }
                }
            }
        }
        assertThat(diagnosed).as("broken cases diagnosed").isGreaterThanOrEqualTo(50);
        assertThat(problems).isEmpty();
    }
}
