package kata.softmax;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

import backprop.harness.cases.Activation;
import backprop.harness.cases.Loss;
import backprop.harness.cases.NetSpec;
import backprop.harness.cases.NetworkCase;
import backprop.harness.cases.Tensors;
import backprop.harness.reference.Nd4jSetup;
import backprop.harness.reference.Reference;

/**
 * Works around a harness defect, and does nothing once it is fixed.
 *
 * <p>The harness's SameDiff reference writes the softmax cross-entropy with
 * {@code sd.nn.logSoftmax(z, 1)}. In ND4J 1.0.0-M2.1 that op, given its dimension explicitly,
 * cannot be cloned when SameDiff builds the gradient function ("Error setting property for
 * function ...LogSoftMax", caused by "NoSuchMethodException: java.lang.Integer.values()"), so
 * every softmax case fails in the reference before the learner's code runs.
 * {@code sd.nn.logSoftmax(z)}, whose default dimension is the last one (the same for m×k), works.
 *
 * <p>{@link #install} first asks the reference for one softmax case. If that works, the harness
 * is fixed and nothing happens. Otherwise it puts graphs built as the harness builds them, with
 * the working call, into the reference's graph cache for every softmax structure the tests use.
 */
final class SoftmaxReferenceWorkaround {

    private SoftmaxReferenceWorkaround() {
    }

    /** Makes the reference work for softmax heads under 0..maxHidden hidden layers of the given activations. */
    static void install(int maxHidden, List<Activation> hidden) {
        if (referenceWorks()) {
            return;
        }
        Map<String, SameDiff> graphs = referenceGraphCache();
        for (List<Activation> acts : structures(maxHidden, hidden)) {
            NetSpec spec = spec(acts);
            // The cache's key, as Reference.key(spec) forms it: the activations and the loss.
            graphs.put(spec.activations() + "/" + spec.loss(), Nd4jSetup.quietly(() -> build(spec)));
        }
        if (!referenceWorks()) {
            throw new IllegalStateException("SoftmaxReferenceWorkaround: the harness's reference still fails on softmax"
                    + " after the workaround; Reference's graph cache has changed, so this file needs updating");
        }
    }

    private static boolean referenceWorks() {
        NetSpec spec = spec(List.of(Activation.SOFTMAX));
        NetworkCase probe = new NetworkCase(spec, Tensors.of("W1", Nd4j.ones(DataType.DOUBLE, 2, 2), "b1",
                Nd4j.zeros(DataType.DOUBLE, 1, 2)), Nd4j.eye(2), Nd4j.eye(2), "softmax reference probe");
        try {
            Reference.evaluate(probe);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, SameDiff> referenceGraphCache() {
        try {
            Field f = Reference.class.getDeclaredField("GRAPHS");
            f.setAccessible(true);
            return (Map<String, SameDiff>) f.get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("SoftmaxReferenceWorkaround: Reference has no graph cache GRAPHS any more;"
                    + " if its softmax works now, delete this file", e);
        }
    }

    /** Every list of hidden activations of length 0..maxHidden, each followed by softmax. */
    private static List<List<Activation>> structures(int maxHidden, List<Activation> hidden) {
        List<List<Activation>> out = new ArrayList<>();
        List<List<Activation>> prefixes = List.of(List.of());
        for (int depth = 0; depth <= maxHidden; depth++) {
            List<List<Activation>> longer = new ArrayList<>();
            for (List<Activation> p : prefixes) {
                List<Activation> full = new ArrayList<>(p);
                full.add(Activation.SOFTMAX);
                out.add(full);
                for (Activation a : hidden) {
                    List<Activation> q = new ArrayList<>(p);
                    q.add(a);
                    longer.add(q);
                }
            }
            prefixes = longer;
        }
        return out;
    }

    private static NetSpec spec(List<Activation> acts) {
        List<Integer> sizes = new ArrayList<>();
        List<Boolean> bias = new ArrayList<>();
        sizes.add(2);
        for (int l = 0; l < acts.size(); l++) {
            sizes.add(2);
            bias.add(true);
        }
        return new NetSpec(sizes, acts, bias, Loss.SOFTMAX_CE, 0);
    }

    /** Reference.build for a softmax head, line for line, with logSoftmax(z) for logSoftmax(z, 1). */
    private static SameDiff build(NetSpec spec) {
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.placeHolder("X", DataType.DOUBLE, -1, -1);
        SDVariable y = sd.placeHolder("Y", DataType.DOUBLE, -1, -1);
        SDVariable rows = sd.placeHolder("rows", DataType.DOUBLE);
        SDVariable m = sd.placeHolder("m", DataType.DOUBLE);
        SDVariable lambda = sd.placeHolder("lambda", DataType.DOUBLE);
        SDVariable a = x;
        SDVariable z = null;
        SDVariable squaredWeights = null;
        for (int l = 1; l <= spec.layers(); l++) {
            SDVariable w = sd.var("W" + l, Nd4j.zeros(DataType.DOUBLE, spec.width(l - 1), spec.width(l)));
            SDVariable b = sd.var("b" + l, Nd4j.zeros(DataType.DOUBLE, 1, spec.width(l)));
            z = a.mmul(w).add(b);
            a = activate(sd, spec.activation(l), z);
            SDVariable sq = w.mul(w).sum();
            squaredWeights = squaredWeights == null ? sq : squaredWeights.add(sq);
        }
        SDVariable data = y.mul(sd.nn.logSoftmax(z)).sum().neg().div(rows);
        SDVariable reg = lambda.div(m.mul(2.0)).mul(squaredWeights);
        data.add("loss", reg);
        sd.setLossVariables("loss");
        sd.createGradFunction();
        return sd;
    }

    private static SDVariable activate(SameDiff sd, Activation f, SDVariable z) {
        switch (f) {
            case SIGMOID: return sd.nn.sigmoid(z);
            case TANH: return sd.math.tanh(z);
            case RELU: return sd.nn.relu(z, 0.0);
            case LEAKY_RELU: return sd.nn.leakyRelu(z, Activation.LEAKY_SLOPE);
            case SOFTMAX: return sd.nn.softmax(z, 1);
            default: return z;
        }
    }
}
