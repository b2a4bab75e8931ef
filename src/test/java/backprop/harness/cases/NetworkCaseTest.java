package backprop.harness.cases;

import backprop.harness.api.Activation;
import backprop.harness.api.Loss;
import backprop.harness.api.NetSpec;
import backprop.harness.api.Tensors;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import backprop.harness.core.Nd4jSetup;

/** Bad input to the harness is refused with a message that names the problem and both shapes. */
class NetworkCaseTest {
    @BeforeAll
    static void nd4j() {
        Nd4jSetup.ensure();
    }

    private static Tensors params(int n0, int n1, int n2) {
        return Tensors.of("W1", Nd4j.ones(n0, n1), "b1", Nd4j.ones(1, n1), "W2", Nd4j.ones(n1, n2), "b2", Nd4j.ones(1, n2));
    }

    @Test
    void xWithTheWrongNumberOfInputsIsRefusedNamingBothShapes() {
        assertThatThrownBy(() -> new NetworkCase(NetSpec.of(2, 3, 1), params(2, 3, 1), Nd4j.ones(4, 3), Nd4j.ones(4, 1), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("X is 4×3 but the spec has n0 = 2 inputs");
    }

    @Test
    void aWeightOfTheWrongShapeIsRefusedWithTheShapeItMustHave() {
        Tensors p = params(2, 3, 1).put("W2", Nd4j.ones(1, 3));
        assertThatThrownBy(() -> new NetworkCase(NetSpec.of(2, 3, 1), p, Nd4j.ones(4, 2), Nd4j.ones(4, 1), null))
                .hasMessageContaining("W2 is 1×3 but must be 3×1");
    }

    @Test
    void targetsWithTheWrongNumberOfRowsAreRefused() {
        assertThatThrownBy(() -> new NetworkCase(NetSpec.of(2, 3, 1), params(2, 3, 1), Nd4j.ones(4, 2), Nd4j.ones(3, 1), null))
                .hasMessageContaining("Y is 3×1 but must be m × nL = 4×1");
    }

    @Test
    void anEmptyBatchIsRefused() {
        INDArray empty = Nd4j.create(DataType.DOUBLE, 0, 2);
        assertThatThrownBy(() -> new NetworkCase(NetSpec.of(2, 3, 1), params(2, 3, 1), empty, Nd4j.create(DataType.DOUBLE, 0, 1), null))
                .hasMessageContaining("the batch is empty");
    }

    @Test
    void notANumberInTheDataIsRefused() {
        INDArray x = Nd4j.ones(4, 2);
        x.putScalar(1, 1, Double.NaN);
        assertThatThrownBy(() -> new NetworkCase(NetSpec.of(2, 3, 1), params(2, 3, 1), x, Nd4j.ones(4, 1), null))
                .hasMessageContaining("X contains NaN or infinite values");
    }

    @Test
    void infiniteParametersAreRefused() {
        Tensors p = params(2, 3, 1);
        p.get("b1").putScalar(0, 0, Double.POSITIVE_INFINITY);
        assertThatThrownBy(() -> new NetworkCase(NetSpec.of(2, 3, 1), p, Nd4j.ones(4, 2), Nd4j.ones(4, 1), null))
                .hasMessageContaining("b1 contains NaN or infinite values");
    }

    @Test
    void floatArraysAreRefusedWithTheReason() {
        INDArray x = Nd4j.ones(DataType.FLOAT, 4, 2);
        assertThatThrownBy(() -> new NetworkCase(NetSpec.of(2, 3, 1), params(2, 3, 1), x, Nd4j.ones(4, 1), null))
                .hasMessageContaining("X is FLOAT; the harness needs DOUBLE arrays");
    }

    @Test
    void aMissingParameterIsNamed() {
        Tensors p = params(2, 3, 1);
        Tensors without = Tensors.of("W1", p.get("W1"), "b1", p.get("b1"), "W2", p.get("W2"));
        assertThatThrownBy(() -> new NetworkCase(NetSpec.of(2, 3, 1), without, Nd4j.ones(4, 2), Nd4j.ones(4, 1), null))
                .hasMessageContaining("parameter b2 is missing");
    }

    @Test
    void nullPartsAreNamed() {
        assertThatThrownBy(() -> new NetworkCase(NetSpec.of(2, 3, 1), params(2, 3, 1), null, Nd4j.ones(4, 1), null))
                .hasMessageContaining("X is null");
    }

    @Test
    void crossEntropyTargetsOutsideZeroToOneAreRefused() {
        NetSpec spec = NetSpec.of(2, 3, 1).withLoss(Loss.BCE);
        assertThatThrownBy(() -> new NetworkCase(spec, params(2, 3, 1), Nd4j.ones(4, 2), Nd4j.ones(4, 1).mul(2), null))
                .hasMessageContaining("binary cross-entropy needs targets in [0, 1]");
    }

    @Test
    void aSpecThatPutsSoftmaxUnderSquaredErrorOrOnAHiddenLayerIsRefused() {
        assertThatThrownBy(() -> NetSpec.of(2, 3, 2).withActivations(Activation.SOFTMAX, Activation.SIGMOID))
                .hasMessageContaining("softmax is only supported on the output layer");
        assertThatThrownBy(() -> new NetSpec(java.util.List.of(2, 3, 1), java.util.List.of(Activation.SIGMOID, Activation.SOFTMAX),
                java.util.List.of(true, true), Loss.SOFTMAX_CE, 0))
                .hasMessageContaining("at least 2 classes");
    }
}
