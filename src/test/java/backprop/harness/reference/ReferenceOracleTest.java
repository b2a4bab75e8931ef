package backprop.harness.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

import backprop.harness.api.Activation;
import backprop.harness.api.NetSpec;
import backprop.harness.api.Tensors;
import backprop.harness.core.Elements;
import backprop.harness.core.Nd4jSetup;

/**
 * The SameDiff reference against PyTorch's float64 autograd on the committed fixtures
 * (src/test/resources/oracle/pytorch-fixtures.json, made by tools/oracle/fixtures.sh): every
 * case's loss and every gradient element, to the tolerance of {@link OracleComparison}.
 * PyTorch is not needed to run this.
 */
class ReferenceOracleTest {
    private static final String FIXTURES = "/oracle/pytorch-fixtures.json";

    private static List<OracleJson.Entry> fixtures;

    @BeforeAll
    static void load() throws Exception {
        Nd4jSetup.ensure();
        try (InputStream in = ReferenceOracleTest.class.getResourceAsStream(FIXTURES)) {
            assertThat(in).as("the fixture file " + FIXTURES + " (regenerate it with tools/oracle/fixtures.sh)").isNotNull();
            fixtures = OracleJson.read(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
    }

    @Test
    void theReferenceAgreesWithPyTorchOnEveryFixture() {
        List<String> wrong = new ArrayList<>();
        for (OracleJson.Entry e : fixtures) {
            wrong.addAll(disagreements(e, Reference.evaluate(e.c())));
        }
        assertThat(wrong.size())
                .as("The SameDiff reference (backprop.harness.reference.Reference) disagrees with PyTorch on %d element(s) of %d"
                        + " fixture cases. Every verdict of the harness rests on the reference, so fix the op it names before"
                        + " anything else (docs/ORACLE.md tells which ND4J ops were inexact and how they were replaced). The first:%n  %s",
                        wrong.size(), fixtures.size(), String.join("\n  ", wrong.subList(0, Math.min(20, wrong.size()))))
                .isZero();
    }

    @Test
    void theFixturesCoverEveryActivationHeadBiasSettingL2BatchOfOneAndSaturation() {
        Set<String> seen = new TreeSet<>();
        for (OracleJson.Entry e : fixtures) {
            NetSpec s = e.c().spec();
            for (int l = 1; l < s.layers(); l++) {
                seen.add("hidden " + s.activation(l));
            }
            seen.add("head " + s.output() + " " + s.loss());
            seen.add(s.bias().contains(true) ? "a bias on" : "every bias off");
            seen.add(s.bias().contains(false) ? "a bias off" : "every bias on");
            if (s.lambda() > 0) {
                seen.add("L2");
            }
            if (e.c().m() == 1) {
                seen.add("m = 1");
            }
            if (s.layers() == 1) {
                seen.add("no hidden layer");
            }
            if (e.covers().contains("saturated")) {
                seen.add("saturated");
            }
        }
        List<String> want = new ArrayList<>(List.of("a bias on", "a bias off", "every bias on", "every bias off", "L2", "m = 1",
                "no hidden layer", "saturated"));
        for (Activation f : OracleCases.HIDDEN) {
            want.add("hidden " + f);
        }
        for (var h : OracleCases.HEADS) {
            want.add("head " + h.output() + " " + h.loss());
        }
        assertThat(seen).as("what the fixtures cover; regenerate them with tools/oracle/fixtures.sh").containsAll(want);
        assertThat(fixtures).as("fixture cases").hasSizeGreaterThanOrEqualTo(300);
    }

    /** A leaky-ReLU case with one gradient element off by the relative error ND4J's float32 slope caused. */
    @Test
    void aReferenceOffByAFloat32SlopeFailsAndTheMessageNamesCaseArrayElementAndBothValues() {
        OracleJson.Entry e = firstWith(Activation.LEAKY_RELU);
        Reference.Result right = Reference.evaluate(e.c());
        Tensors broken = right.gradients().copy();
        INDArray dW1 = broken.get("W1");
        long i = largestElement(dW1);
        double was = Elements.get(dW1, i);
        Elements.set(dW1, i, was * (1 + 2.2e-8));

        List<String> wrong = disagreements(e, new Reference.Result(right.loss(), broken));

        assertThat(disagreements(e, right)).as("the unbroken reference on the same case").isEmpty();
        assertThat(wrong).hasSize(1);
        assertThat(wrong.get(0)).contains(e.name()).contains("dW1" + Elements.label(dW1, i))
                .contains("reference " + (was * (1 + 2.2e-8))).contains("PyTorch " + Elements.get(e.gradients().get("W1"), i));
    }

    /** The relative bar is 1e-12: ten times that on an ordinary element fails. */
    @Test
    void anErrorOfOneInTenToTheElevenFails() {
        OracleJson.Entry e = firstWith(Activation.SIGMOID);
        Reference.Result right = Reference.evaluate(e.c());
        Tensors broken = right.gradients().copy();
        String name = e.c().spec().parameterNames().get(0);
        INDArray g = broken.get(name);
        long i = largestElement(g);
        Elements.set(g, i, Elements.get(g, i) * (1 + 1e-11));

        assertThat(disagreements(e, new Reference.Result(right.loss(), broken))).hasSize(1);
    }

    @Test
    void aWrongLossFails() {
        OracleJson.Entry e = fixtures.get(0);
        Reference.Result right = Reference.evaluate(e.c());

        List<String> wrong = disagreements(e, new Reference.Result(right.loss() * (1 + 1e-10), right.gradients()));

        assertThat(wrong).hasSize(1);
        assertThat(wrong.get(0)).contains("J: reference");
    }

    private static List<String> disagreements(OracleJson.Entry e, Reference.Result r) {
        List<String> out = new ArrayList<>();
        for (OracleComparison.Mismatch m : OracleComparison.compare(e, r).mismatches) {
            out.add(e.name() + " (" + e.covers() + "; " + e.c().spec().describe() + ", m = " + e.c().m() + "): " + m.describe());
        }
        return out;
    }

    private static OracleJson.Entry firstWith(Activation hidden) {
        for (OracleJson.Entry e : fixtures) {
            if (e.c().spec().layers() > 1 && e.c().spec().activation(1) == hidden && e.c().spec().lambda() == 0) {
                return e;
            }
        }
        throw new AssertionError("no fixture with a " + hidden.label() + " first layer and no L2; regenerate with tools/oracle/fixtures.sh");
    }

    private static long largestElement(INDArray a) {
        long best = 0;
        for (long i = 0; i < a.length(); i++) {
            if (Math.abs(Elements.get(a, i)) > Math.abs(Elements.get(a, best))) {
                best = i;
            }
        }
        return best;
    }
}
