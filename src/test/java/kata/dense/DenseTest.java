package kata.dense;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.within;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import backprop.harness.api.Shapes;
import backprop.harness.api.Tensors;
import backprop.harness.check.Differentiable;
import backprop.harness.core.Elements;
import backprop.harness.junit.Checks;
import backprop.harness.junit.Exercise;
import kata.support.ShapeText;

@Exercise("03-dense-layer")
@DisplayName("03 dense layer")
class DenseTest {

    /** Exact: small integers and halves, which double arithmetic holds without rounding. */
    private static final double HAND = 1e-12;

    // The by-hand batch: m = 2 samples, nIn = 2 inputs, nOut = 3 outputs. Fresh arrays for every call.
    private static INDArray x() {
        return Nd4j.createFromArray(new double[][] {{1, 2}, {3, 4}});
    }

    private static INDArray w() {
        return Nd4j.createFromArray(new double[][] {{1, 0, -1}, {2, 1, 0}});
    }

    private static INDArray b() {
        return Nd4j.createFromArray(new double[][] {{0.5, -1, 0}});
    }

    private static INDArray dZ() {
        return Nd4j.createFromArray(new double[][] {{1, 0, 2}, {0, 1, -1}});
    }

    @Test
    void forwardOfASmallBatchIsWorkedOutByHand() {
        // X·W = [[1+4, 0+2, −1+0], [3+8, 0+4, −3+0]] = [[5, 2, −1], [11, 4, −3]]; + b on each row.
        INDArray Z = Dense.forward(x(), w(), b());

        assertThat(Z.shape()).as("shape of Z = X (2×2) · W (2×3) + b (1×3); it was %s", Shapes.of(Z)).containsExactly(2, 3);
        assertThat(Elements.toArray(Z)).as("Z = X·W + b, row by row").containsExactly(new double[] {5.5, 1, -1, 11.5, 3, -3}, within(HAND));
    }

    @Test
    void forwardAddsTheBiasToEveryRow() {
        // With X = 0 every row of Z is b: a bias added to the first row only, or as a column, shows here.
        INDArray Z = Dense.forward(Nd4j.zeros(3, 2), w(), b());

        for (int i = 0; i < 3; i++) {
            assertThat(Elements.toArray(Z.getRow(i))).as("row %s of Z = 0·W + b", i).containsExactly(new double[] {0.5, -1, 0}, within(HAND));
        }
    }

    @Test
    void backwardOfASmallBatchIsWorkedOutByHand() {
        // dX = dZ·Wᵀ = [[1−2, 2], [1, 1]];  dW = Xᵀ·dZ = [[1, 3, 2−3], [2, 4, 4−4]];  db = column sums of dZ.
        Dense.Gradients g = Dense.backward(x(), w(), dZ());

        assertThat(Elements.toArray(g.dX())).as("dX = dZ (2×3) · Wᵀ (3×2), row by row").containsExactly(new double[] {-1, 2, 1, 1}, within(HAND));
        assertThat(Elements.toArray(g.dW())).as("dW = Xᵀ (2×2) · dZ (2×3), row by row").containsExactly(new double[] {1, 3, -1, 2, 4, 0}, within(HAND));
        assertThat(Elements.toArray(g.db())).as("db = the column sums of dZ: each bias touched every sample").containsExactly(new double[] {1, 1, 1}, within(HAND));
    }

    @Test
    void gradientsHaveTheShapesOfWhatTheyAreGradientsOf() {
        // The question's first layer, one sample at a time: a1 is 1×3 (a row, as its forward reshapes it), weights1 3×5.
        INDArray X = Nd4j.createFromArray(new double[][] {{1, 0, 1}});
        INDArray W = Nd4j.ones(3, 5);
        INDArray dZ = Nd4j.ones(1, 5);

        Dense.Gradients g = Dense.backward(X, W, dZ);

        assertShape("dX", g.dX(), "X", X);
        assertShape("dW", g.dW(), "W", W);
        assertShape("db", g.db(), "b", Nd4j.zeros(1, 5));
    }

    @Test
    void gradientsMatchFiniteDifferencesOnRandomShapes(Checks checks) {
        checks.forAllPoints("Dense.backward(X, W, G) as the gradient of Σ G ⊙ (X·W + b)", DensePoints.RANDOM, WEIGHTED_OUTPUT);
    }

    @Test
    void forwardRejectsXWhoseColumnsAreNotTheRowsOfW() {
        INDArray X = Nd4j.ones(4, 3);
        INDArray W = Nd4j.ones(2, 5);

        rejects("Dense.forward with X 4×3 and W 2×5", () -> Dense.forward(X, W, Nd4j.zeros(1, 5)), 4, 3, 2, 5);
    }

    @Test
    void forwardRejectsABiasThatIsAColumn() {
        // The column habit of the course's notation: b as nOut×1 instead of 1×nOut.
        INDArray b = Nd4j.zeros(5, 1);

        rejects("Dense.forward with W 2×5 and b 5×1", () -> Dense.forward(Nd4j.ones(4, 2), Nd4j.ones(2, 5), b), 5, 1, 1, 5);
    }

    @Test
    void backwardRejectsADeltaOfTheWrongShape() {
        // dZ transposed: 5×4 where Z = X (4×2) · W (2×5) is 4×5.
        INDArray dZ = Nd4j.ones(5, 4);

        rejects("Dense.backward with X 4×2, W 2×5 and dZ 5×4", () -> Dense.backward(Nd4j.ones(4, 2), Nd4j.ones(2, 5), dZ), 5, 4, 4, 5);
    }

    @Test
    void forwardDoesNotChangeItsInputs() {
        INDArray X = x();
        INDArray W = w();
        INDArray b = b();

        Dense.forward(X, W, b);

        assertThat(Elements.same(X, x())).as("X after forward: an in-place op (addi, muli, addiRowVector) wrote into the input").isTrue();
        assertThat(Elements.same(W, w())).as("W after forward").isTrue();
        assertThat(Elements.same(b, b())).as("b after forward").isTrue();
    }

    @Test
    void backwardDoesNotChangeItsInputs() {
        INDArray X = x();
        INDArray W = w();
        INDArray dZ = dZ();

        Dense.backward(X, W, dZ);

        assertThat(Elements.same(X, x())).as("X after backward: transpose() is a view, so transposei/muli on it write into X").isTrue();
        assertThat(Elements.same(W, w())).as("W after backward").isTrue();
        assertThat(Elements.same(dZ, dZ())).as("dZ after backward").isTrue();
    }

    private static void assertShape(String name, INDArray actual, String of, INDArray like) {
        assertThat(actual.shape()).as("%s must have the shape of %s, %s; it is %s", name, of, Shapes.of(like), Shapes.of(actual))
                .containsExactly(like.shape());
    }

    /** The layer must throw IllegalArgumentException whose message names the wrong shape and the one it should be. */
    private static void rejects(String what, ThrowingCallable call, long r1, long c1, long r2, long c2) {
        Throwable thrown = catchThrowable(call);
        if (thrown instanceof UnsupportedOperationException stub) {
            throw stub; // still the stub: its "not implemented yet" says more than a wrong exception type
        }
        assertThat(thrown).as("%s must throw IllegalArgumentException before any arithmetic", what)
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(ShapeText.namesBoth(thrown.getMessage(), r1, c1, r2, c2))
                .as("%s: the message names both %s×%s and %s×%s; it was: %s", what, r1, c1, r2, c2, thrown.getMessage()).isTrue();
    }

    /**
     * value = Σ G ⊙ (X·W + b) for a random G held fixed: its gradient is (dX, dW, db) = backward(X, W, G).
     * G plays the part of dZ, the gradient arriving from the layer above.
     */
    static final Differentiable WEIGHTED_OUTPUT = Differentiable.of(
            at -> DensePoints.weightedSum(at.get("X"), at.get("W"), at.get("b"), at.get("G")),
            at -> {
                Dense.Gradients g = Dense.backward(at.get("X"), at.get("W"), at.get("G"));
                return Tensors.of("X", g.dX(), "W", g.dW(), "b", g.db());
            }).holding("G");
}
