package backprop.harness.reference;

import backprop.harness.core.Nd4jSetup;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import backprop.harness.api.Activation;
import backprop.harness.api.Loss;
import backprop.harness.api.NetSpec;
import backprop.harness.cases.NetworkCase;
import backprop.harness.api.Tensors;

/**
 * The independent reference: the case's network built in ND4J SameDiff, whose autodiff gives
 * the loss and the true gradients. Nothing here shares code with the kata's solutions.
 *
 * <p>Graphs are cached. Widths and batch size are free (placeholders with -1 dimensions), and
 * every layer has a bias variable (zero, and its gradient dropped, where the case has the bias
 * off). A call's cost grows with the graph's size (SameDiff interprets it op by op, a few
 * microseconds of bookkeeping each, far more than the arithmetic on these small arrays), while a
 * build costs about as much as a few calls, so a graph holds only what its cases need: when every
 * hidden layer has the same activation the graph computes just that one, and the L2 term is
 * there only for lambda ≠ 0 (a call then takes about 55 % of the CPU time it took in the general
 * graph; docs/HARNESS.md).
 * Networks whose hidden activations differ share one graph per depth, head and L2, in which each
 * hidden layer computes Σ_f use_f · f(Z) with a 0/1 placeholder per activation. That bounds the
 * number of graphs by depth × head × 6 × 2.
 */
public final class Reference {
    /** The loss and gradients SameDiff computed for one case. */
    public record Result(double loss, Tensors gradients) {
    }

    private static final Map<String, SameDiff> GRAPHS = new HashMap<>();

    private Reference() {
    }

    public static synchronized Result evaluate(NetworkCase c) {
        Nd4jSetup.ensure();
        NetSpec spec = c.spec();
        SameDiff sd = GRAPHS.computeIfAbsent(key(spec), k -> build(spec));
        List<String> wanted = new ArrayList<>();
        for (int l = 1; l <= spec.layers(); l++) {
            bindLayer(sd, c, l, wanted);
        }
        Map<String, INDArray> ph = new HashMap<>();
        // SameDiff's matmul backprop fails when a product is 1×1 (m = 1 and a width of 1). Two
        // copies of the one sample have the same mean loss and gradients, and avoid it.
        boolean twice = c.m() == 1;
        ph.put("X", twice ? Nd4j.vstack(c.x(), c.x()) : c.x());
        ph.put("Y", twice ? Nd4j.vstack(c.y(), c.y()) : c.y());
        ph.put("rows", Nd4j.scalar(DataType.DOUBLE, twice ? 2.0 : c.m()));
        if (spec.lambda() != 0) {
            ph.put("m", Nd4j.scalar(DataType.DOUBLE, (double) c.m()));
            ph.put("lambda", Nd4j.scalar(DataType.DOUBLE, spec.lambda()));
        }
        for (int l = 1; l < spec.layers() && sharedHidden(spec) == null; l++) {
            for (Activation f : HIDDEN) {
                ph.put(selector(l, f), Nd4j.scalar(DataType.DOUBLE, spec.activation(l) == f ? 1.0 : 0.0));
            }
        }
        OutAndGrad both = sd.calculateGradientsAndOutputs(ph, List.of("loss"), wanted);
        Map<String, INDArray> grads = both.getGradients();
        double loss = both.getOutputs().get("loss").getDouble(0);
        Tensors g = Tensors.empty();
        for (String name : spec.parameterNames()) {
            g.put(name, grads.get(name).dup());
        }
        return new Result(loss, g);
    }

    /** Depth, head, the hidden layers' one activation (or "mixed"), and whether there is an L2 term. */
    private static String key(NetSpec spec) {
        Activation hidden = sharedHidden(spec);
        return spec.layers() + "/" + spec.output() + "/" + spec.loss() + "/" + (hidden == null ? "mixed" : hidden)
                + (spec.lambda() != 0 ? "/L2" : "");
    }

    /** The activation of every hidden layer when they all have the same one; null if they differ or there are none. */
    private static Activation sharedHidden(NetSpec spec) {
        if (spec.layers() < 2) {
            return null;
        }
        for (int l = 2; l < spec.layers(); l++) {
            if (spec.activation(l) != spec.activation(1)) {
                return null;
            }
        }
        return spec.activation(1);
    }

    /** The element-wise activations a hidden layer chooses from, each switched on by a 0/1 placeholder. */
    private static final Activation[] HIDDEN = {Activation.IDENTITY, Activation.SIGMOID, Activation.TANH,
        Activation.RELU, Activation.LEAKY_RELU};

    private static String selector(int layer, Activation f) {
        return "use_" + f.name() + "_" + layer;
    }

    private static SameDiff build(NetSpec spec) {
        return Nd4jSetup.quietly(() -> {
            SameDiff sd = SameDiff.create();
            SDVariable x = sd.placeHolder("X", DataType.DOUBLE, -1, -1);
            SDVariable y = sd.placeHolder("Y", DataType.DOUBLE, -1, -1);
            SDVariable rows = sd.placeHolder("rows", DataType.DOUBLE);
            Activation hidden = sharedHidden(spec);
            SDVariable a = x;
            SDVariable z = null;
            SDVariable squaredWeights = null;
            for (int l = 1; l <= spec.layers(); l++) {
                SDVariable w = sd.var("W" + l, Nd4j.zeros(DataType.DOUBLE, spec.width(l - 1), spec.width(l)));
                SDVariable b = sd.var("b" + l, Nd4j.zeros(DataType.DOUBLE, 1, spec.width(l)));
                z = a.mmul(w).add(b);
                if (l < spec.layers() && hidden != null) {
                    a = activate(sd, hidden, z);
                } else if (l < spec.layers()) {
                    // Σ_f use_f · f(Z): exactly f(Z) for the selected f, and the unselected terms
                    // contribute exact zeros to the gradient, as their derivatives are finite.
                    SDVariable mix = null;
                    for (Activation f : HIDDEN) {
                        SDVariable term = activate(sd, f, z).mul(sd.placeHolder(selector(l, f), DataType.DOUBLE));
                        mix = mix == null ? term : mix.add(term);
                    }
                    a = mix;
                } else {
                    a = activate(sd, spec.activation(l), z);
                }
                if (spec.lambda() != 0) {
                    SDVariable sq = w.mul(w).sum();
                    squaredWeights = squaredWeights == null ? sq : squaredWeights.add(sq);
                }
            }
            SDVariable data = dataLoss(sd, spec.loss(), a, z, y).div(rows);
            if (spec.lambda() != 0) {
                SDVariable m = sd.placeHolder("m", DataType.DOUBLE);
                SDVariable lambda = sd.placeHolder("lambda", DataType.DOUBLE);
                data.add("loss", lambda.div(m.mul(2.0)).mul(squaredWeights));
            } else {
                data.rename("loss");
            }
            sd.setLossVariables("loss");
            sd.createGradFunction();
            return sd;
        });
    }

    /** Hands layer l's W and b (zeros when the layer has none) to the graph, as copies, and asks for their gradients. */
    static void bindLayer(SameDiff sd, NetworkCase c, int l, List<String> wanted) {
        NetSpec spec = c.spec();
        sd.getVariable("W" + l).setArray(c.params().get("W" + l).dup());
        INDArray b = spec.hasBias(l) ? c.params().get("b" + l).dup() : Nd4j.zeros(DataType.DOUBLE, 1, spec.width(l));
        sd.getVariable("b" + l).setArray(b);
        wanted.add("W" + l);
        wanted.add("b" + l);
    }

    static SDVariable activate(SameDiff sd, Activation f, SDVariable z) {
        switch (f) {
            case IDENTITY: return z;
            case SIGMOID: return sd.nn.sigmoid(z);
            case TANH: return sd.math.tanh(z);
            case RELU: return sd.nn.relu(z, 0.0);
            // relu(z) − α·relu(−z), not sd.nn.leakyRelu: ND4J's lrelu_bp takes α as float32
            // (0.009999999776482582), 2.2e-8 off, which PyTorch's float64 fixtures showed
            // (docs/ORACLE.md). This form's backward multiplies by α in double.
            case LEAKY_RELU: return sd.nn.relu(z, 0.0).sub(sd.nn.relu(z.neg(), 0.0).mul(Activation.LEAKY_SLOPE));
            default: return sd.nn.softmax(z, 1);
        }
    }

    /** The summed (not yet averaged) data loss; cross-entropies are written from Z for stability. */
    static SDVariable dataLoss(SameDiff sd, Loss loss, SDVariable a, SDVariable z, SDVariable y) {
        switch (loss) {
            case MSE: {
                SDVariable d = a.sub(y);
                return d.mul(d).sum().mul(0.5);
            }
            case BCE:
                // -[y log σ(z) + (1-y) log(1-σ(z))] = y softplus(-z) + (1-y) softplus(z)
                return y.mul(sd.nn.softplus(z.neg())).add(y.rsub(1.0).mul(sd.nn.softplus(z))).sum();
            default:
                return y.mul(sd.nn.logSoftmax(z)).sum().neg();
        }
    }
}
