package backprop.harness.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.function.BiFunction;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import backprop.harness.core.Nd4jSetup;

/**
 * Pins an ND4J 1.0.0-M2.1 fault that a layer step's graph meets (docs/HARNESS.md): x.div(y) with
 * x m × 1 and a 1×1 y (batch norm's σ in a layer of width 1) gives a wrong gradient, y.rdiv(x)
 * the right one. If a newer ND4J fixes div, the first assertion fails: the workaround can go.
 */
class SameDiffDivisorTest {
    @BeforeAll
    static void nd4j() {
        Nd4jSetup.ensure();
    }

    /** ∂/∂w of Σ q ⊙ (c / σ(c)) with c = x·w − mean(x·w): batch norm's X̂ for one unit, x = [0.6, −0.6]. */
    private static double[] gradientAndFiniteDifference(BiFunction<SDVariable, SDVariable, SDVariable> divide) {
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.constant(Nd4j.createFromArray(new double[][] {{0.6}, {-0.6}}));
        SDVariable w = sd.var("w", Nd4j.createFromArray(new double[][] {{3.0}}));
        SDVariable z = x.mmul(w);
        SDVariable c = z.sub(z.mean(true, 0));
        SDVariable std = sd.math.sqrt(c.mul(c).mean(true, 0).add(1e-5));
        SDVariable q = sd.constant(Nd4j.createFromArray(new double[][] {{0.3}, {-0.7}}));
        divide.apply(c, std).mul(q).sum().rename("loss");
        sd.setLossVariables("loss");
        // Quietly: SameDiff prints "Added differentiated op …" to System.out when it builds the gradient.
        double g = Nd4jSetup.quietly(() -> sd.calculateGradients(Map.of(), "w").get("w").getDouble(0));
        double h = 1e-6;
        double[] f = new double[2];
        for (int s = 0; s < 2; s++) {
            sd.getVariable("w").setArray(Nd4j.createFromArray(new double[][] {{3.0 + (s == 0 ? h : -h)}}));
            INDArray out = sd.output(Map.of(), "loss").get("loss");
            f[s] = out.getDouble(0);
        }
        return new double[] {g, (f[0] - f[1]) / (2 * h)};
    }

    @Test
    void divGivesAOneByOneDivisorAWrongGradientAndRdivARightOne() {
        double[] div = gradientAndFiniteDifference(SDVariable::div);
        double[] rdiv = gradientAndFiniteDifference((c, std) -> std.rdiv(c));
        System.out.printf("SameDiff div: gradient %s, central difference %s; rdiv: gradient %s, central difference %s%n",
                div[0], div[1], rdiv[0], rdiv[1]);
        assertThat(Math.abs(div[0] - div[1])).as("div's gradient against its own central difference").isGreaterThan(0.1);
        assertThat(Math.abs(rdiv[0] - rdiv[1])).as("rdiv's gradient against its own central difference").isLessThan(1e-9);
    }
}
