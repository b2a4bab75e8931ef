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
        b.add(new FunctionBug("db = dZ without summing over the batch", "03",
                dense((x, w) -> rightDense(x, w).put("b", G.dup())), LAYER, "db is 4×3 but must be 1×3, the shape of b"));
        b.add(new FunctionBug("the layer divides by m again (dX, dW, db over 4)", "03",
                dense((x, w) -> rightDense(x, w).map((n, a) -> a.div(4))), LAYER, "elements of dX differ from finite differences"));
        b.add(new FunctionBug("dX returned as X itself", "03",
                dense((x, w) -> rightDense(x, w).put("X", x.dup())), LAYER, "dX is X itself"));
        b.add(new FunctionBug("squared error's value without its ½ (the gradient right)", "02",
                squaredErrorValue(2, false), PREDICTIONS, "(2: the ½ dropped)", FunctionBugs::squaredErrorExact));
        b.add(new FunctionBug("cross-entropy's value with a base-2 logarithm (the gradient right)", "02",
                crossEntropyValue(1 / Math.log(2)), PROBABILITIES, "a logarithm in base 2", FunctionBugs::crossEntropyExact));
        b.add(new FunctionBug("softmax cross-entropy's value with a base-2 logarithm (the delta right)", "10",
                softmaxValue(1 / Math.log(2)), LOGITS, "a logarithm in base 2", FunctionBugs::softmaxExact));
        b.add(new FunctionBug("σ'(Z) returns Z itself", "01", sigmoidSum(z -> z.dup()), LOGITS, "dZ is Z itself"));
        b.add(new FunctionBug("a numerical gradient divided by h, not 2h", "12",
                new Differentiable() {
                    @Override
                    public double value(Tensors at) {
                        return at.get("X").mul(at.get("X")).sumNumber().doubleValue() / 2;
                    }

                    @Override
                    public Tensors gradient(Tensors at) {
                        return Tensors.of("X", at.get("X").mul(2));
                    }
                }, rng -> Tensors.of("X", gaussian(rng, 3, 2)), "exactly 2 times the finite differences"));
        b.add(new FunctionBug("a numerical gradient that returns X", "12",
                new Differentiable() {
                    @Override
                    public double value(Tensors at) {
                        return at.get("X").mul(at.get("X")).sumNumber().doubleValue() / 3;
                    }

                    @Override
                    public Tensors gradient(Tensors at) {
                        return Tensors.of("X", at.get("X").dup());
                    }
                }, rng -> Tensors.of("X", gaussian(rng, 3, 2)), "dX is X itself"));
        b.add(new FunctionBug("σ'(Z) as a flat vector (Nd4j.createFromArray of the values)", "01",
                sigmoidSum(z -> Nd4j.createFromArray(rightPrime(z).data().asDouble())), rng -> Tensors.of("Z", gaussian(rng, 2, 3)),
                "dZ is 6 but must be 2×3, the shape of Z"));
        b.add(new FunctionBug("backward scales its input G in place (dZ.muli)", "03", Differentiable.of(
                at -> at.get("X").mmul(at.get("W")).addRowVector(at.get("b")).mul(at.get("G")).sumNumber().doubleValue(),
                at -> {
                    INDArray g = at.get("G");
                    Tensors right = Tensors.of("X", g.mmul(at.get("W").transpose()), "W", at.get("X").transpose().mmul(g),
                            "b", g.sum(true, 0));
                    g.muli(0.5);
                    return right;
                }).holding("G"), rng -> Tensors.of("X", gaussian(rng, 4, 3), "W", gaussian(rng, 3, 3), "b", gaussian(rng, 1, 3),
                        "G", gaussian(rng, 4, 3)), "changed its input G"));
        b.add(new FunctionBug("a one-sided numerical gradient (f(x + h) − f(x)) / h", "12", Differentiable.of(
                at -> sinesAndSquaredSum(at.get("X")),
                at -> {
                    INDArray x = at.get("X").dup();
                    INDArray g = Nd4j.create(DataType.DOUBLE, x.rows(), x.columns());
                    double f0 = sinesAndSquaredSum(x);
                    for (int i = 0; i < x.length(); i++) {
                        double saved = x.getDouble(i);
                        x.putScalar(i, saved + 1e-5);
                        g.putScalar(i, (sinesAndSquaredSum(x) - f0) / 1e-5);
                        x.putScalar(i, saved);
                    }
                    return Tensors.of("X", g);
                }), rng -> Tensors.of("X", gaussian(rng, 3, 2)), "elements of dX differ from finite differences"));
        return b;
    }

    /** J(A) = k · 1/(2m) Σ (A − Y)², with the right gradient (A − Y)/m: a value off by k. */
    private static Differentiable squaredErrorValue(double k, boolean unused) {
        return new Differentiable() {
            @Override
            public double value(Tensors at) {
                INDArray d = at.get("A").sub(Y);
                return k * 0.5 * d.mul(d).sumNumber().doubleValue() / 4;
            }

            @Override
            public Tensors gradient(Tensors at) {
                return squaredErrorExact(at);
            }
        };
    }

    private static Tensors squaredErrorExact(Tensors at) {
        return Tensors.of("A", at.get("A").sub(Y).div(4));
    }

    private static final Checks.Points PROBABILITIES = rng -> {
        INDArray a = Nd4j.create(DataType.DOUBLE, 4, 2);
        for (int i = 0; i < 8; i++) {
            a.putScalar(i / 2, i % 2, 0.05 + 0.9 * rng.nextDouble());
        }
        return Tensors.of("A", a);
    };

    /** Cross-entropy −1/m Σ [Y log A + (1 − Y) log(1 − A)] times k, with the right gradient. */
    private static Differentiable crossEntropyValue(double k) {
        return new Differentiable() {
            @Override
            public double value(Tensors at) {
                INDArray a = at.get("A");
                INDArray l = Y.mul(org.nd4j.linalg.ops.transforms.Transforms.log(a, true))
                        .add(Y.rsub(1.0).mul(org.nd4j.linalg.ops.transforms.Transforms.log(a.rsub(1.0), false)));
                return -k * l.sumNumber().doubleValue() / 4;
            }

            @Override
            public Tensors gradient(Tensors at) {
                return crossEntropyExact(at);
            }
        };
    }

    private static Tensors crossEntropyExact(Tensors at) {
        INDArray a = at.get("A");
        return Tensors.of("A", a.sub(Y).div(a.mul(a.rsub(1.0))).div(4));
    }

    private static final Checks.Points LOGITS = rng -> Tensors.of("Z", gaussian(rng, 4, 2));

    /** Softmax cross-entropy of logits Z against the rows of Y normalised, times k; the delta (P − T)/m right. */
    private static Differentiable softmaxValue(double k) {
        return new Differentiable() {
            @Override
            public double value(Tensors at) {
                INDArray z = at.get("Z");
                INDArray shifted = z.subColumnVector(z.max(true, 1));
                INDArray lse = org.nd4j.linalg.ops.transforms.Transforms.log(
                        org.nd4j.linalg.ops.transforms.Transforms.exp(shifted, true).sum(true, 1), false);
                return -k * T.mul(shifted.subColumnVector(lse)).sumNumber().doubleValue() / 4;
            }

            @Override
            public Tensors gradient(Tensors at) {
                return softmaxExact(at);
            }
        };
    }

    /** One-hot targets for the softmax bugs. */
    private static final INDArray T = Nd4j.createFromArray(new double[][] {{1, 0}, {0, 1}, {0, 1}, {1, 0}});

    private static Tensors softmaxExact(Tensors at) {
        INDArray z = at.get("Z");
        INDArray e = org.nd4j.linalg.ops.transforms.Transforms.exp(z.subColumnVector(z.max(true, 1)), true);
        return Tensors.of("Z", e.divColumnVector(e.sum(true, 1)).sub(T).div(4));
    }

    /** Exercise 12's Σ sin(X) + ½(Σ X)²: its curvature makes a one-sided difference visibly off. */
    private static double sinesAndSquaredSum(INDArray x) {
        double sines = 0;
        double sum = 0;
        for (int i = 0; i < x.length(); i++) {
            sines += Math.sin(x.getDouble(i));
            sum += x.getDouble(i);
        }
        return sines + sum * sum / 2;
    }

    private static INDArray rightPrime(INDArray z) {
        INDArray a = org.nd4j.linalg.ops.transforms.Transforms.sigmoid(z, true);
        return a.mul(a.rsub(1.0));
    }

    /** Σ σ(Z), with the given σ'. */
    private static Differentiable sigmoidSum(UnaryOperator<INDArray> prime) {
        return new Differentiable() {
            @Override
            public double value(Tensors at) {
                return org.nd4j.linalg.ops.transforms.Transforms.sigmoid(at.get("Z"), true).sumNumber().doubleValue();
            }

            @Override
            public Tensors gradient(Tensors at) {
                return Tensors.of("Z", prime.apply(at.get("Z")));
            }
        };
    }
}
