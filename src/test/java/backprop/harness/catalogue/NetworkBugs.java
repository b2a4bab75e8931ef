package backprop.harness.catalogue;

import java.util.ArrayList;
import java.util.List;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

import backprop.harness.api.Activation;
import backprop.harness.cases.CaseSpace;
import backprop.harness.cases.CaseSpace.Head;
import backprop.harness.api.Loss;
import backprop.harness.api.NetSpec;
import backprop.harness.cases.NetworkCase;
import backprop.harness.api.Tensors;
import backprop.harness.testnets.PlainNetwork;

/** Whole-network mistakes: each overrides the one step of {@link PlainNetwork} where it lives. */
final class NetworkBugs {
    private NetworkBugs() {
    }

    static final CaseSpace SIGMOID_MSE = CaseSpace.networks().withBatch(2, 6).withBiases(CaseSpace.Biases.ALWAYS);
    static final CaseSpace SIGMOID_BCE = SIGMOID_MSE.withHeads(Head.of(Activation.SIGMOID, Loss.BCE));
    static final CaseSpace WITH_L2 = SIGMOID_MSE.withLambda(true);
    static final CaseSpace RELU = SIGMOID_MSE.withHiddenActivations(Activation.RELU).withHeads(Head.of(Activation.IDENTITY, Loss.MSE));
    static final CaseSpace SOFTMAX = SIGMOID_MSE.withOutputs(2, 4).withHeads(Head.of(Activation.SOFTMAX, Loss.SOFTMAX_CE));
    static final CaseSpace SQUARE = SIGMOID_MSE.withInputs(3, 3).withWidth(3, 3);

    static List<Bug> all() {
        List<Bug> b = new ArrayList<>();
        b.add(new Bug("1/m missing from the output delta", "04", new PlainNetwork() {
            @Override
            protected INDArray outputDelta(NetSpec s, INDArray a, INDArray z, INDArray y, int m) {
                return super.outputDelta(s, a, z, y, m).mul(m);
            }
        }, SIGMOID_MSE, "the 1/m of the batch mean is missing"));
        b.add(new Bug("1/m applied twice", "06", new PlainNetwork() {
            @Override
            protected INDArray outputDelta(NetSpec s, INDArray a, INDArray z, INDArray y, int m) {
                return super.outputDelta(s, a, z, y, m).div(m);
            }
        }, SIGMOID_MSE, "divided by m twice"));
        b.add(new Bug("sign flipped: (Y − A) instead of (A − Y)", "04", new PlainNetwork() {
            @Override
            protected INDArray outputDelta(NetSpec s, INDArray a, INDArray z, INDArray y, int m) {
                return super.outputDelta(s, a, z, y, m).neg();
            }
        }, SIGMOID_MSE, "sign flipped"));
        b.add(new Bug("sigmoid' applied twice in the output delta", "02", new PlainNetwork() {
            @Override
            protected INDArray outputDelta(NetSpec s, INDArray a, INDArray z, INDArray y, int m) {
                return super.outputDelta(s, a, z, y, m).mul(a.mul(a.rsub(1.0)));
            }
        }, SIGMOID_MSE, "twice; the squared-error delta has it once"));
        b.add(new Bug("sigmoid'(z) fed the activation a instead of z", "01", new PlainNetwork() {
            @Override
            protected INDArray derivative(Activation f, INDArray z, INDArray a) {
                if (f != Activation.SIGMOID) {
                    return super.derivative(f, z, a);
                }
                INDArray sa = Transforms.sigmoid(a, true);
                return sa.mul(sa.rsub(1.0));
            }
        }, SIGMOID_MSE, "was fed to a derivative written from z"));
        b.add(new Bug("dW computed transposed: dZᵀ · A", "03", new PlainNetwork() {
            @Override
            protected INDArray weightGradient(INDArray aPrev, INDArray dz, INDArray w, double lambda, int m) {
                return super.weightGradient(aPrev, dz, w, lambda, m).transpose().dup();
            }
        }, SIGMOID_MSE.withWidth(2, 6).withInputs(2, 4), "transposed"));
        b.add(new Bug("dW transposed on a square layer (shapes agree by accident)", "03", new PlainNetwork() {
            @Override
            protected INDArray weightGradient(INDArray aPrev, INDArray dz, INDArray w, double lambda, int m) {
                INDArray g = super.weightGradient(aPrev, dz, w, lambda, m);
                return g.rows() == g.columns() ? g.transpose().dup() : g;
            }
        }, SQUARE, "transposed"));
        b.add(new Bug("bias gradient taken from the first row of dZ", "03", new PlainNetwork() {
            @Override
            protected INDArray biasGradient(INDArray dz, INDArray bias, double lambda, int m) {
                return dz.getRow(0).reshape(1, dz.columns()).dup();
            }
        }, SIGMOID_MSE, "one row of dZ"));
        b.add(new Bug("bias gradient averaged again (divided by m twice)", "03", new PlainNetwork() {
            @Override
            protected INDArray biasGradient(INDArray dz, INDArray bias, double lambda, int m) {
                return dz.sum(true, 0).div(m);
            }
        }, SIGMOID_MSE, "divided by m twice"));
        b.add(new Bug("bias gradient not summed over the batch (m × n)", "03", new PlainNetwork() {
            @Override
            protected INDArray biasGradient(INDArray dz, INDArray bias, double lambda, int m) {
                return dz.dup();
            }
        }, SIGMOID_MSE, "one row per sample"));
        b.add(new Bug("bias regularised", "07", new PlainNetwork() {
            @Override
            protected INDArray biasGradient(INDArray dz, INDArray bias, double lambda, int m) {
                return dz.sum(true, 0).add(bias.mul(lambda / m));
            }
        }, WITH_L2, "the bias is regularised"));
        b.add(new Bug("L2 term missing from dW (the question's unused reg_param)", "07", new PlainNetwork() {
            @Override
            protected INDArray weightGradient(INDArray aPrev, INDArray dz, INDArray w, double lambda, int m) {
                return aPrev.transpose().mmul(dz);
            }
        }, WITH_L2, "lacks the L2 term"));
        b.add(new Bug("L2 term λ·W without its /m", "07", new PlainNetwork() {
            @Override
            protected INDArray weightGradient(INDArray aPrev, INDArray dz, INDArray w, double lambda, int m) {
                return aPrev.transpose().mmul(dz).add(w.mul(lambda));
            }
        }, WITH_L2, "the /m is missing"));
        b.add(new Bug("L2 term missing from the loss", "07", new PlainNetwork() {
            @Override
            protected double regularisation(NetworkCase c) {
                return 0;
            }
        }, WITH_L2, "lacks the L2 term"));
        b.add(new Bug("squared-error delta used with cross-entropy", "02", new PlainNetwork() {
            @Override
            protected INDArray outputDelta(NetSpec s, INDArray a, INDArray z, INDArray y, int m) {
                return a.sub(y).div(m).mul(a.mul(a.rsub(1.0)));
            }
        }, SIGMOID_BCE, "that is the squared-error delta"));
        b.add(new Bug("cross-entropy delta used with squared error", "02", new PlainNetwork() {
            @Override
            protected INDArray outputDelta(NetSpec s, INDArray a, INDArray z, INDArray y, int m) {
                return a.sub(y).div(m);
            }
        }, SIGMOID_MSE, "is the delta for cross-entropy"));
        b.add(new Bug("softmax gradient formed from the logits Z instead of the probabilities", "10", new PlainNetwork() {
            @Override
            protected INDArray outputDelta(NetSpec s, INDArray a, INDArray z, INDArray y, int m) {
                return z.sub(y).div(m);
            }
        }, SOFTMAX, "formed from the logits"));
        b.add(new Bug("ReLU's derivative taken as 1 for negative inputs", "09", new PlainNetwork() {
            @Override
            protected INDArray derivative(Activation f, INDArray z, INDArray a) {
                return f == Activation.RELU ? z.mul(0).add(1.0) : super.derivative(f, z, a);
            }
        }, RELU, "ReLU's derivative as 1 everywhere"));
        b.add(new Bug("gradients accumulated across calls and never reset (the question's w_grad)", "08", new PlainNetwork() {
            private Tensors sums;

            @Override
            public Tensors gradients(NetworkCase c) {
                Tensors g = super.gradients(c);
                if (sums == null || !sums.names().equals(g.names()) || !sameShapes(sums, g)) {
                    sums = g.map((n, a) -> a.mul(0));
                }
                for (String n : g.names()) {
                    sums.get(n).addi(g.get(n));
                }
                return sums.copy();
            }
        }, SIGMOID_MSE, "accumulate across calls"));
        b.add(new Bug("output bias gradient lost: the bias activation overwritten with 0 (a2[:, 0] = 0)", "05", new PlainNetwork() {
            @Override
            protected INDArray biasGradient(INDArray dz, INDArray bias, double lambda, int m) {
                return dz.columns() == bias.columns() && isOutput(dz) ? bias.mul(0) : super.biasGradient(dz, bias, lambda, m);
            }

            private boolean isOutput(INDArray dz) {
                return outputColumns == dz.columns();
            }

            private long outputColumns;

            @Override
            protected INDArray outputDelta(NetSpec s, INDArray a, INDArray z, INDArray y, int m) {
                outputColumns = y.columns();
                return super.outputDelta(s, a, z, y, m);
            }
        }, SIGMOID_MSE.withWidth(4, 6).withOutputs(1, 1), "bias receives no gradient"));
        b.add(new Bug("backward changes the weights in place (W.muli for the L2 term)", "07", new PlainNetwork() {
            @Override
            protected INDArray weightGradient(INDArray aPrev, INDArray dz, INDArray w, double lambda, int m) {
                return aPrev.transpose().mmul(dz).add(w.muli(lambda / m));
            }
        }, WITH_L2, "changed the parameter"));
        b.add(new Bug("gradients returned as FLOAT", "04", new PlainNetwork() {
            @Override
            public Tensors gradients(NetworkCase c) {
                return super.gradients(c).map((n, a) -> a.castTo(DataType.FLOAT));
            }
        }, SIGMOID_MSE, "is FLOAT; gradient checks need DOUBLE"));
        b.add(new Bug("a stale cache: forward's results from an earlier call reused", "04", new PlainNetwork() {
            private Cache last;

            @Override
            protected Cache forward(NetworkCase c, Tensors p) {
                Cache fresh = super.forward(c, p);
                Cache use = last != null && sameShape(last, fresh) ? last : fresh;
                last = fresh;
                return use;
            }

            private boolean sameShape(Cache a, Cache b) {
                for (int i = 0; i < a.a.length; i++) {
                    if (!java.util.Arrays.equals(a.a[i].shape(), b.a[i].shape())) {
                        return false;
                    }
                }
                return true;
            }
        }, SIGMOID_MSE, "state left behind"));
        b.add(new Bug("loss summed over the batch, not averaged", "06", new PlainNetwork() {
            @Override
            public double loss(NetworkCase c) {
                return super.loss(c) * c.m();
            }
        }, SIGMOID_MSE, "summed over the batch"));
        b.add(new Bug("the ½ of the squared error dropped from the loss", "02", new PlainNetwork() {
            @Override
            public double loss(NetworkCase c) {
                return super.loss(c) * 2;
            }
        }, SIGMOID_MSE, "the ½ of the squared error is missing"));
        b.add(new Bug("W instead of Wᵀ when passing the delta down", "04", new PlainNetwork() {
            @Override
            protected INDArray propagate(INDArray dz, INDArray w, Activation f, INDArray zPrev, INDArray aPrev) {
                return dz.mmul(w).mul(derivative(f, zPrev, aPrev));
            }
        }, SIGMOID_MSE.withWidth(2, 6).withOutputs(1, 1), "shapes that do not fit"));
        b.add(new Bug("the output bias never added in the forward pass", "04", new PlainNetwork() {
            @Override
            protected Cache forward(NetworkCase c, Tensors p) {
                Tensors without = p.copy();
                int top = c.spec().layers();
                if (c.spec().hasBias(top)) {
                    without.put("b" + top, p.get("b" + top).mul(0));
                }
                return super.forward(c, without);
            }
        }, SIGMOID_MSE, "your forward pass never uses b2"));
        b.add(new Bug("σ' computed in place on the cached activation (A.muli) before dW uses it", "04", new PlainNetwork() {
            @Override
            protected INDArray weightGradient(INDArray aPrev, INDArray dz, INDArray w, double lambda, int m) {
                aPrev.muli(aPrev.rsub(1.0));
                return super.weightGradient(aPrev, dz, w, lambda, m);
            }
        }, SIGMOID_MSE, "an in-place ND4J op"));
        b.add(new Bug("a gradient never computed (null)", "04", new PlainNetwork() {
            @Override
            public Tensors gradients(NetworkCase c) {
                return super.gradients(c).put("b1", null);
            }
        }, SIGMOID_MSE, "db1 is missing"));
        return b;
    }

    private static boolean sameShapes(Tensors a, Tensors b) {
        for (String n : a.names()) {
            if (!java.util.Arrays.equals(a.get(n).shape(), b.get(n).shape())) {
                return false;
            }
        }
        return true;
    }
}
