package backprop.harness.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.opentest4j.AssertionFailedError;

import backprop.harness.api.Tensors;
import backprop.harness.junit.Checks;
import backprop.harness.core.Nd4jSetup;

/** The function check passes a right gradient and rejects, in words, each way of getting one wrong. */
class FunctionCheckTest {
    @BeforeAll
    static void nd4j() {
        Nd4jSetup.ensure();
    }

    private static final Tensors AT = Tensors.of("z", Nd4j.createFromArray(new double[][] {{-2.0, 0.0, 0.5}, {3.0, -0.25, 1.0}}));

    /** Σ σ(z) and its gradient σ(z)(1 − σ(z)), with the gradient computed by {@code slope}. */
    private static Differentiable sumOfSigmoids(java.util.function.UnaryOperator<INDArray> slope) {
        return new Differentiable() {
            @Override
            public double value(Tensors at) {
                return Transforms.sigmoid(at.get("z"), true).sumNumber().doubleValue();
            }

            @Override
            public Tensors gradient(Tensors at) {
                return Tensors.of("z", slope.apply(at.get("z")));
            }
        };
    }

    private static INDArray rightSlope(INDArray z) {
        INDArray a = Transforms.sigmoid(z, true);
        return a.mul(a.rsub(1.0));
    }

    private static String failure(Differentiable f) {
        AssertionFailedError e = catchThrowableOfType(AssertionFailedError.class,
                () -> Checks.standalone("01-sigmoid").gradient("the sigmoid's slope", f, AT));
        return e == null ? null : e.getMessage();
    }

    @Test
    void aRightGradientPasses() {
        assertThat(failure(sumOfSigmoids(FunctionCheckTest::rightSlope))).isNull();
    }

    @Test
    void theAFormFedZIsRejectedWithTheValuesSideBySide() {
        String text = failure(sumOfSigmoids(z -> z.mul(z.rsub(1.0))));

        assertThat(text).startsWith("01-sigmoid: the sigmoid's slope: ");
        assertThat(text).contains("dz (2×3), ").contains("  element  yours");
        assertThat(text).contains("[0,0]    -6 ");
    }

    @Test
    void changingTheInputIsRejected() {
        String text = failure(sumOfSigmoids(z -> {
            INDArray slope = rightSlope(z);
            z.muli(2);
            return slope;
        }));

        assertThat(text).contains("changed its input z");
    }

    @Test
    void aFloatGradientIsRejectedWithTheReason() {
        String text = failure(sumOfSigmoids(z -> rightSlope(z).castTo(DataType.FLOAT)));

        assertThat(text).contains("dz is FLOAT; gradient checks need DOUBLE");
    }

    @Test
    void aStubIsReportedByItsOwnMessage() {
        String text = failure(sumOfSigmoids(z -> {
            throw new UnsupportedOperationException("not implemented yet: Sigmoid.slopeFromZ");
        }));

        assertThat(text).isEqualTo("01-sigmoid: not implemented yet: Sigmoid.slopeFromZ\n"
                + "  (a stub still throws: write that method, then run the tests again)");
    }

    @Test
    void codeThatDoesNotCompileIsReportedAsSuch() {
        String text = failure(sumOfSigmoids(z -> {
            throw new Error("Unresolved compilation problem: \n\tSyntax error, insert \";\" to complete BlockStatements\n");
        }));

        assertThat(text).startsWith("01-sigmoid: your code does not compile yet").contains("Syntax error, insert");
    }
}
