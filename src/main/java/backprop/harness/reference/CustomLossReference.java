package backprop.harness.reference;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import backprop.harness.api.Activation;
import backprop.harness.api.NetSpec;
import backprop.harness.api.Tensors;
import backprop.harness.cases.CustomLoss;
import backprop.harness.cases.LayerStep;
import backprop.harness.cases.NetworkCase;
import backprop.harness.core.Nd4jSetup;

/**
 * The reference for a case with a {@link CustomLoss} or a custom hidden activation: SameDiff builds the network up to its
 * output A, as {@link Reference} does, and then either
 * <ul>
 *   <li>the instructor's exact ∂J/∂A enters as a constant G, and autodiff of Σ A ⊙ G (plus L2)
 *       chains it through the network: the gradient of J by the chain rule, with J's value from
 *       the instructor's formula; or</li>
 *   <li>the instructor's SameDiff graph of the loss sits on A, and autodiff differentiates the
 *       whole.</li>
 * </ul>
 * A {@code CustomActivation} in the hidden layers enters as f(Z0) + f'(Z0) ⊙ (Z − Z0), with Z0
 * the case's own pre-activations and f, f' the instructor's, computed in plain doubles: exact in
 * value and slope at Z0, which is all one evaluation needs. Graphs are cached by the activations,
 * the loss and whether the hidden layers are custom, which cover everything structural here.
 */
public final class CustomLossReference {
    private static final Map<String, SameDiff> GRAPHS = new HashMap<>();

    private CustomLossReference() {
    }

    /** The reference for any case: the built-in one unless the case has a custom loss, hidden activation or layer step. */
    public static Reference.Result evaluate(NetworkCase c) {
        return c.customLoss() == null && c.customHidden() == null && c.layerStep() == null ? Reference.evaluate(c) : custom(c);
    }

    private static synchronized Reference.Result custom(NetworkCase c) {
        Nd4jSetup.ensure();
        NetSpec spec = c.spec();
        CustomLoss loss = c.customLoss();
        boolean customHidden = c.customHidden() != null;
        LayerStep step = c.layerStep();
        String key = spec.activations() + "/" + spec.loss() + "/" + System.identityHashCode(loss) + "/" + customHidden + "/"
                + System.identityHashCode(step);
        boolean fresh = !GRAPHS.containsKey(key);
        SameDiff sd = GRAPHS.computeIfAbsent(key, k -> build(spec, loss, customHidden, step));
        List<String> wanted = new ArrayList<>();
        for (int l = 1; l <= spec.layers(); l++) {
            Reference.bindLayer(sd, c, l, wanted);
            for (String name : step == null || l == spec.layers() ? List.<String>of() : step.names(l)) {
                sd.getVariable(name).setArray(c.params().get(name).dup());
                wanted.add(name);
            }
        }
        // As in Reference: SameDiff's matmul backprop fails on 1×1 products, so one sample is
        // evaluated as two copies, each carrying half of J (G halved, or m doubled for a graph).
        boolean twice = c.m() == 1;
        Map<String, INDArray> ph = new HashMap<>();
        ph.put("X", twice ? Nd4j.vstack(c.x(), c.x()) : c.x());
        ph.put("Y", twice ? Nd4j.vstack(c.y(), c.y()) : c.y());
        ph.put("rows", Nd4j.scalar(DataType.DOUBLE, twice ? 2.0 : c.m()));
        ph.put("m", Nd4j.scalar(DataType.DOUBLE, (double) c.m()));
        ph.put("lambda", Nd4j.scalar(DataType.DOUBLE, spec.lambda()));
        if (customHidden) {
            // f(Z0) + f'(Z0) ⊙ (Z − Z0) at the case's own Z0: f's value and slope exactly there, from the instructor.
            backprop.harness.core.Forward.Pass pass = backprop.harness.cases.PreActivations.forward(c, c.params());
            for (int l = 1; l < spec.layers(); l++) {
                double[] z0 = pass.z()[l].v;
                double[] fz = new double[z0.length];
                double[] fp = new double[z0.length];
                for (int i = 0; i < z0.length; i++) {
                    fz[i] = c.customHidden().value(z0[i]);
                    fp[i] = c.customHidden().slope(z0[i]);
                }
                long[] shape = {c.m(), spec.width(l)};
                ph.put("z0_" + l, twiceIf(twice, Nd4j.create(z0, shape, 'c')));
                ph.put("fz_" + l, twiceIf(twice, Nd4j.create(fz, shape, 'c')));
                ph.put("fp_" + l, twiceIf(twice, Nd4j.create(fp, shape, 'c')));
            }
        }
        if (fresh && step != null) {
            try {
                StepAgreement.check(step, c, sd.output(withZeroG(ph, c, twice), "A").get("A"));
            } catch (IllegalArgumentException e) {
                GRAPHS.remove(key); // so that every later case is refused too, not judged against this graph
                throw e;
            }
        }
        double value;
        Map<String, INDArray> grads;
        if (loss == null) {
            var both = sd.calculateGradientsAndOutputs(ph, List.of("loss"), wanted);
            grads = both.getGradients();
            value = both.getOutputs().get("loss").getDouble(0);
        } else if (loss.graph() == null) {
            Map<String, INDArray> forward = new HashMap<>(ph);
            forward.put("G", Nd4j.zeros(DataType.DOUBLE, twice ? 2 : c.m(), spec.width(spec.layers())));
            INDArray a = sd.output(forward, "A").get("A");
            INDArray one = twice ? a.getRows(0) : a;
            INDArray g = loss.exactGradient().of(one.dup(), c.y().dup());
            if (g == null || !java.util.Arrays.equals(g.shape(), c.y().shape())) {
                throw new IllegalArgumentException("CustomLoss " + loss.label() + ": its ∂J/∂A must be m × nL = "
                        + backprop.harness.api.Shapes.of(c.y()) + ", got " + (g == null ? "null" : backprop.harness.api.Shapes.of(g)));
            }
            g = g.castTo(DataType.DOUBLE);
            ph.put("G", twice ? Nd4j.vstack(g.div(2), g.div(2)) : g);
            grads = sd.calculateGradients(ph, wanted);
            value = loss.value().of(one.dup(), c.y().dup()) + l2(c);
        } else {
            var both = sd.calculateGradientsAndOutputs(ph, List.of("loss"), wanted);
            grads = both.getGradients();
            value = both.getOutputs().get("loss").getDouble(0);
        }
        Tensors out = Tensors.empty();
        for (String name : c.parameterNames()) {
            out.put(name, grads.get(name).dup());
        }
        return new Reference.Result(value, out);
    }

    /** The placeholders with G present, as a graph built for an exact ∂J/∂A needs it even to compute A alone. */
    private static Map<String, INDArray> withZeroG(Map<String, INDArray> ph, NetworkCase c, boolean twice) {
        if (c.customLoss() == null || c.customLoss().graph() != null) {
            return ph;
        }
        Map<String, INDArray> forward = new HashMap<>(ph);
        forward.put("G", Nd4j.zeros(DataType.DOUBLE, twice ? 2 : c.m(), c.spec().width(c.spec().layers())));
        return forward;
    }

    private static INDArray twiceIf(boolean twice, INDArray a) {
        return twice ? Nd4j.vstack(a, a) : a;
    }

    private static double l2(NetworkCase c) {
        double sum = 0;
        for (int l = 1; l <= c.spec().layers(); l++) {
            INDArray w = c.params().get("W" + l);
            sum += w.mul(w).sumNumber().doubleValue();
        }
        return c.spec().lambda() / (2.0 * c.m()) * sum;
    }

    private static SameDiff build(NetSpec spec, CustomLoss loss, boolean customHidden, LayerStep step) {
        return Nd4jSetup.quietly(() -> {
            SameDiff sd = SameDiff.create();
            SDVariable x = sd.placeHolder("X", DataType.DOUBLE, -1, -1);
            SDVariable y = sd.placeHolder("Y", DataType.DOUBLE, -1, -1);
            SDVariable rows = sd.placeHolder("rows", DataType.DOUBLE);
            SDVariable m = sd.placeHolder("m", DataType.DOUBLE);
            SDVariable lambda = sd.placeHolder("lambda", DataType.DOUBLE);
            SDVariable a = x;
            SDVariable squaredWeights = null;
            SDVariable lastZ = null;
            for (int l = 1; l <= spec.layers(); l++) {
                SDVariable w = sd.var("W" + l, Nd4j.zeros(DataType.DOUBLE, spec.width(l - 1), spec.width(l)));
                SDVariable b = sd.var("b" + l, Nd4j.zeros(DataType.DOUBLE, 1, spec.width(l)));
                SDVariable z = a.mmul(w).add(b);
                if (step != null && l < spec.layers()) {
                    Map<String, SDVariable> own = new HashMap<>();
                    for (LayerStep.Parameter p : step.parameters()) {
                        own.put(p.name(), sd.var(p.name() + l, Nd4j.zeros(DataType.DOUBLE, p.shape().of(spec.width(l)))));
                    }
                    z = step.graph().build(sd, z, own);
                }
                if (customHidden && l < spec.layers()) {
                    SDVariable z0 = sd.placeHolder("z0_" + l, DataType.DOUBLE, -1, -1);
                    SDVariable fz = sd.placeHolder("fz_" + l, DataType.DOUBLE, -1, -1);
                    SDVariable fp = sd.placeHolder("fp_" + l, DataType.DOUBLE, -1, -1);
                    a = fz.add(fp.mul(z.sub(z0)));
                } else {
                    a = Reference.activate(sd, spec.activation(l), z);
                }
                lastZ = z;
                SDVariable sq = w.mul(w).sum();
                squaredWeights = squaredWeights == null ? sq : squaredWeights.add(sq);
            }
            a = sd.identity("A", a);
            SDVariable data = loss == null ? Reference.dataLoss(sd, spec.loss(), a, lastZ, y).div(rows)
                    : loss.graph() == null ? a.mul(sd.placeHolder("G", DataType.DOUBLE, -1, -1)).sum()
                    : loss.graph().build(sd, a, y, rows);
            data.add("loss", lambda.div(m.mul(2.0)).mul(squaredWeights));
            sd.setLossVariables("loss");
            sd.createGradFunction();
            return sd;
        });
    }

}
