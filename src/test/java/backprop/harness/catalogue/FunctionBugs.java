package backprop.harness.catalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import backprop.harness.api.Tensors;
import backprop.harness.check.Differentiable;
import backprop.harness.junit.Checks;

/** Mistakes in a loss's gradient and in one dense layer's backward pass. */
final class FunctionBugs {
    private FunctionBugs() {
    }

    private static INDArray gaussian(SplittableRandom rng, int rows, int cols) {
        INDArray a = Nd4j.create(DataType.DOUBLE, rows, cols);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                a.putScalar(i, j, rng.nextGaussian());
            }
        }
        return a;
    }

    /** A fixed 4×2 target Y, so the gradient of J(A) = 1/(2m) Σ (A − Y)² is (A − Y)/m. */
    private static final INDArray Y = Nd4j.createFromArray(new double[][] {{1, 0}, {0, 1}, {1, 1}, {0, 0}});

    private static final Checks.Points PREDICTIONS = rng -> Tensors.of("A", gaussian(rng, 4, 2));

    private static Differentiable squaredError(UnaryOperator<INDArray> gradient) {
        return new Differentiable() {
            @Override
            public double value(Tensors at) {
                INDArray d = at.get("A").sub(Y);
                return 0.5 * d.mul(d).sumNumber().doubleValue() / 4;
            }

            @Override
            public Tensors gradient(Tensors at) {
                return Tensors.of("A", gradient.apply(at.get("A")));
            }
        };
    }

    /** One dense layer, wrapped as L = Σ G ⊙ (X·W + b) for a fixed G; W is 3×3 so a transpose fits. */
    private static final INDArray G = Nd4j.createFromArray(new double[][] {{0.5, -1, 0.25}, {1, 0.5, -0.5}, {-0.25, 0.75, 1}, {0.1, 0.2, 0.3}});

    private static final Checks.Points LAYER = rng -> Tensors.of("X", gaussian(rng, 4, 3), "W", gaussian(rng, 3, 3), "b", gaussian(rng, 1, 3));

    interface Backward {
        Tensors of(INDArray x, INDArray w);
    }

    private static Differentiable dense(Backward backward) {
        return new Differentiable() {
            @Override
            public double value(Tensors at) {
                return at.get("X").mmul(at.get("W")).addRowVector(at.get("b")).mul(G).sumNumber().doubleValue();
            }

            @Override
            public Tensors gradient(Tensors at) {
                return backward.of(at.get("X"), at.get("W"));
            }
        };
    }

    private static Tensors rightDense(INDArray x, INDArray w) {
        return Tensors.of("X", G.mmul(w.transpose()), "W", x.transpose().mmul(G), "b", G.sum(true, 0));
    }

    static List<FunctionBug> all() {
        List<FunctionBug> b = new ArrayList<>();
        b.add(new FunctionBug("squared-error gradient without its 1/m", "02",
                squaredError(a -> a.sub(Y)), PREDICTIONS, "exactly 4 times the finite differences"));
        b.add(new FunctionBug("squared-error gradient with the sign flipped", "02",
                squaredError(a -> Y.sub(a).div(4)), PREDICTIONS, "sign flipped"));
        b.add(new FunctionBug("a gradient that writes into its input (subi)", "02",
                squaredError(a -> a.subi(Y).div(4)), PREDICTIONS, "changed its input A"));
        b.add(new FunctionBug("a FLOAT gradient", "02",
                squaredError(a -> a.sub(Y).div(4).castTo(DataType.FLOAT)), PREDICTIONS, "dA is FLOAT; gradient checks need DOUBLE"));
        b.add(new FunctionBug("dX with the sign flipped", "03",
                dense((x, w) -> rightDense(x, w).put("X", G.mmul(w.transpose()).neg())), LAYER, "dX is the true gradient with its sign flipped"));
        b.add(new FunctionBug("dW transposed: Gᵀ · X on a square layer", "03",
                dense((x, w) -> rightDense(x, w).put("W", G.transpose().mmul(x))), LAYER, "dW is the true gradient transposed"));
        b.add(new FunctionBug("db never filled in (zeros)", "03",
                dense((x, w) -> rightDense(x, w).put("b", Nd4j.zeros(1, 3))), LAYER, "db is 0 everywhere"));
        return b;
    }
}
