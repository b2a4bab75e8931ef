package backprop.harness.catalogue;

import java.util.List;
import java.util.SplittableRandom;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

import backprop.harness.api.Activation;
import backprop.harness.api.Loss;
import backprop.harness.api.NetSpec;
import backprop.harness.api.Tensors;
import backprop.harness.cases.CaseSpace;
import backprop.harness.cases.CaseSpace.Head;
import backprop.harness.check.Differentiable;
import backprop.harness.junit.Checks;
import backprop.harness.testnets.BatchNormNetwork;
import backprop.harness.testnets.HuberNetwork;

/**
 * Mistakes of the two exercises an instructor adds on the public API: a network under a loss the
 * harness does not ship (13, Huber) and a layer with parameters beyond W and b (14, batch norm: the
 * layer alone in functions, and in the hidden layers of whole networks as a layer step).
 */
final class CustomBugs {
    private CustomBugs() {
    }

    static final CaseSpace REGRESSION = CaseSpace.networks().withBatch(2, 6).withBiases(CaseSpace.Biases.ALWAYS)
            .withHiddenActivations(Activation.TANH).withHeads(Head.of(Activation.IDENTITY, Loss.MSE));

    static List<Bug> networks() {
        return List.of(
                new Bug("Huber delta not clipped (the squared-error delta A − Y)", "13", new HuberNetwork() {
                    @Override
                    protected INDArray outputDelta(NetSpec s, INDArray a, INDArray z, INDArray y, int m) {
                        return a.sub(y).div(m);
                    }
                }, REGRESSION, HuberNetwork.LOSS, "output delta dZ2 (for Huber loss after identity)"),
                new Bug("1/m missing from the Huber delta", "13", new HuberNetwork() {
                    @Override
                    protected INDArray outputDelta(NetSpec s, INDArray a, INDArray z, INDArray y, int m) {
                        return super.outputDelta(s, a, z, y, m).mul(m);
                    }
                }, REGRESSION, HuberNetwork.LOSS, "the 1/m of the batch mean is missing"),
                new Bug("Huber's linear branch without the −½δ²", "13", new HuberNetwork() {
                    @Override
                    protected double dataLoss(NetSpec s, Cache k, INDArray y) {
                        double sum = 0;
                        for (double r : backprop.harness.core.Elements.toArray(k.a[s.layers()].sub(y))) {
                            sum += Math.abs(r) <= 1 ? 0.5 * r * r : Math.abs(r);
                        }
                        return sum;
                    }
                }, REGRESSION, HuberNetwork.LOSS, "the loss J is wrong"),
                new Bug("tanh' as 1 − Z² (the a-form fed z)", "13", new HuberNetwork() {
                    @Override
                    protected INDArray derivative(Activation f, INDArray z, INDArray a) {
                        return f == Activation.TANH ? z.mul(z).rsub(1.0) : super.derivative(f, z, a);
                    }
                }, REGRESSION, HuberNetwork.LOSS, "tanh's derivative written from a, 1 − a², was given z instead of a"),
                new Bug("batch norm in a hidden layer: dγ without the sum over the batch", "14", new BatchNormNetwork() {
                    @Override
                    protected INDArray dGamma(INDArray dzt, INDArray xHat) {
                        return dzt.mul(xHat);
                    }
                }, BatchNormNetwork.SPACE, null, "dgamma1 has one row per sample"),
                new Bug("batch norm in a hidden layer: dβ divided by m twice", "14", new BatchNormNetwork() {
                    @Override
                    protected INDArray dBeta(INDArray dzt, int m) {
                        return dzt.sum(true, 0).div(m);
                    }
                }, BatchNormNetwork.SPACE, null, "dbeta1 is exactly 1/m"));
    }

    /** Batches of m = 4 samples and 3 columns, so a mean where a sum belongs is a factor of exactly 1/4. */
    private static final Checks.Points BATCHES = rng -> Tensors.of("X", uniform(rng, 4, 3, -3, 3), "gamma", uniform(rng, 1, 3, 0.5, 2),
            "beta", uniform(rng, 1, 3, -1, 1), "G", uniform(rng, 4, 3, -1, 1));

    private static final double EPS = 1e-5;

    /** The three gradients of Σ G ⊙ BN(X; γ, β), each replaceable by a mistake. */
    private interface Backward {
        Tensors of(INDArray x, INDArray gamma, INDArray g, INDArray xHat, INDArray std);
    }

    private static final Backward RIGHT = (x, gamma, g, xHat, std) -> Tensors.of(
            "X", g.subRowVector(g.mean(true, 0)).sub(xHat.mulRowVector(g.mul(xHat).mean(true, 0))).mulRowVector(gamma.div(std)),
            "gamma", g.mul(xHat).sum(true, 0), "beta", g.sum(true, 0));

    static List<FunctionBug> functions() {
        return List.of(
                new FunctionBug("batch norm's dX with the mean and variance taken as constants", "14",
                        batchNorm((x, gamma, g, xHat, std) -> RIGHT.of(x, gamma, g, xHat, std).put("X", g.mulRowVector(gamma.div(std)))),
                        BATCHES, "elements of dX differ from finite differences"),
                new FunctionBug("batch norm's dβ as the mean of dY instead of its sum", "14",
                        batchNorm((x, gamma, g, xHat, std) -> RIGHT.of(x, gamma, g, xHat, std).put("beta", g.mean(true, 0))),
                        BATCHES, "dbeta is exactly 0.25 times the finite differences of the function's value"),
                new FunctionBug("batch norm's dγ from X instead of X̂", "14",
                        batchNorm((x, gamma, g, xHat, std) -> RIGHT.of(x, gamma, g, xHat, std).put("gamma", g.mul(x).sum(true, 0))),
                        BATCHES, "elements of dgamma differ from finite differences"));
    }

    private static Differentiable batchNorm(Backward backward) {
        return Differentiable.of(at -> {
            INDArray y = normalise(at.get("X")).mulRowVector(at.get("gamma")).addRowVector(at.get("beta"));
            return y.mul(at.get("G")).sumNumber().doubleValue();
        }, at -> {
            INDArray x = at.get("X");
            INDArray centred = x.subRowVector(x.mean(true, 0));
            INDArray std = Transforms.sqrt(centred.mul(centred).mean(true, 0).add(EPS), true);
            return backward.of(x, at.get("gamma"), at.get("G"), centred.divRowVector(std), std);
        }).holding("G");
    }

    private static INDArray normalise(INDArray x) {
        INDArray centred = x.subRowVector(x.mean(true, 0));
        return centred.divRowVector(Transforms.sqrt(centred.mul(centred).mean(true, 0).add(EPS), true));
    }

    private static INDArray uniform(SplittableRandom rng, int rows, int cols, double lo, double hi) {
        INDArray a = Nd4j.create(DataType.DOUBLE, rows, cols);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                a.putScalar(i, j, rng.nextDouble(lo, hi));
            }
        }
        return a;
    }
}
