package backprop.harness.cases;

import backprop.harness.api.Loss;
import backprop.harness.api.NetSpec;
import backprop.harness.api.Shapes;
import backprop.harness.api.Tensors;
import backprop.harness.core.ParameterNames;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One concrete network to check: its spec, parameter values, a batch X (m × n0) with targets
 * Y (m × nL), and where it came from (a seed, or "fixed case"). Construction validates
 * everything, so a bad case is rejected with a message before any learner code runs.
 */
public final class NetworkCase {
    private final NetSpec spec;
    private final Tensors params;
    private final INDArray x;
    private final INDArray y;
    private final String origin;
    /** Replaces the spec's built-in loss where not null. */
    private final CustomLoss customLoss;
    /** Replaces every hidden layer's activation where not null. */
    private final CustomActivation customHidden;
    /** Applied in every hidden layer between Z and the activation where not null; its parameters are in params. */
    private final LayerStep step;

    public NetworkCase(NetSpec spec, Tensors params, INDArray x, INDArray y, String origin) {
        this(spec, params, x, y, origin, (LayerStep) null);
    }

    /** A case whose hidden layers apply {@code step} (null: none); {@code params} holds its parameters too (gamma1, …). */
    public NetworkCase(NetSpec spec, Tensors params, INDArray x, INDArray y, String origin, LayerStep step) {
        this.spec = require(spec, "spec");
        this.params = require(params, "params");
        this.x = require(x, "X");
        this.y = require(y, "Y");
        this.origin = origin == null ? "fixed case" : origin;
        this.customLoss = null;
        this.customHidden = null;
        this.step = step;
        validate();
    }

    private static <T> T require(T v, String what) {
        if (v == null) {
            throw new IllegalArgumentException("NetworkCase: " + what + " is null");
        }
        return v;
    }

    private void validate() {
        checkMatrix("X", x);
        checkMatrix("Y", y);
        long m = x.rows();
        if (m == 0) {
            throw new IllegalArgumentException("NetworkCase: the batch is empty (X is " + Shapes.of(x) + "); give at least one sample");
        }
        if (x.columns() != spec.width(0)) {
            throw new IllegalArgumentException("NetworkCase: X is " + Shapes.of(x) + " but the spec has n0 = " + spec.width(0)
                    + " inputs; X must be m × n0");
        }
        if (y.rows() != m || y.columns() != spec.width(spec.layers())) {
            throw new IllegalArgumentException("NetworkCase: Y is " + Shapes.of(y) + " but must be m × nL = "
                    + Shapes.of(m, spec.width(spec.layers())) + " (X has m = " + m + " rows)");
        }
        List<String> names = parameterNames();
        for (String name : names) {
            if (!params.has(name)) {
                throw new IllegalArgumentException("NetworkCase: parameter " + name + " is missing; the spec " + spec.shortSizes()
                        + (step == null ? "" : " with its " + step.label()) + " needs " + names);
            }
            INDArray p = params.get(name);
            checkMatrix(name, p);
            long[] want = expectedShape(name);
            if (!Arrays.equals(p.shape(), want)) {
                throw new IllegalArgumentException("NetworkCase: " + name + " is " + Shapes.of(p) + " but must be " + Shapes.of(want)
                        + " for the spec " + spec.shortSizes());
            }
        }
        for (String name : params.names()) {
            if (!names.contains(name)) {
                throw new IllegalArgumentException("NetworkCase: unexpected parameter " + name + "; the spec " + spec.describe()
                        + " has " + names + (step != null ? "" : ". A parameter beyond W and b belongs to a LayerStep that declares"
                        + " it: new NetworkCase(spec, params, X, Y, origin, step), or CaseSpace.withLayerStep(step)"));
            }
        }
        if (spec.loss() == Loss.BCE && (y.minNumber().doubleValue() < 0 || y.maxNumber().doubleValue() > 1)) {
            throw new IllegalArgumentException("NetworkCase: binary cross-entropy needs targets in [0, 1], Y ranges over ["
                    + y.minNumber() + ", " + y.maxNumber() + "]");
        }
    }

    private static void checkMatrix(String name, INDArray a) {
        if (a.rank() != 2) {
            throw new IllegalArgumentException("NetworkCase: " + name + " must be a matrix (rank 2), got shape " + Shapes.of(a));
        }
        if (a.dataType() != DataType.DOUBLE) {
            throw new IllegalArgumentException("NetworkCase: " + name + " is " + a.dataType()
                    + "; the harness needs DOUBLE arrays (finite differences lose all precision in float32)");
        }
        if (a.length() > 0 && !Double.isFinite(a.sumNumber().doubleValue())) {
            throw new IllegalArgumentException("NetworkCase: " + name + " contains NaN or infinite values: " + a);
        }
    }

    /** Shape the case demands of parameter {@code name} (W{l}: n{l-1} × n{l}; b{l}: 1 × n{l}; a step's: as it declares). */
    public long[] expectedShape(String name) {
        int l = ParameterNames.layer(name);
        if (ParameterNames.isWeight(name)) {
            return new long[] {spec.width(l - 1), spec.width(l)};
        }
        if (ParameterNames.isBias(name)) {
            return new long[] {1, spec.width(l)};
        }
        LayerStep.Parameter p = step == null ? null : step.parameter(name);
        if (p == null || l < 1 || l >= spec.layers()) {
            throw new IllegalArgumentException("NetworkCase: " + name + " is not a parameter of this case; it has " + parameterNames());
        }
        return p.shape().of(spec.width(l));
    }

    /** Every parameter, layer by layer: W1, b1, then layer 1's step parameters (gamma1, beta1), W2, … */
    public List<String> parameterNames() {
        if (step == null) {
            return spec.parameterNames();
        }
        List<String> names = new ArrayList<>();
        for (int l = 1; l <= spec.layers(); l++) {
            names.add("W" + l);
            if (spec.hasBias(l)) {
                names.add("b" + l);
            }
            if (l < spec.layers()) {
                names.addAll(step.names(l));
            }
        }
        return names;
    }

    /** The step every hidden layer applies between Z and its activation, or null. */
    public LayerStep layerStep() {
        return step;
    }

    public NetSpec spec() {
        return spec;
    }

    public Tensors params() {
        return params;
    }

    public INDArray x() {
        return x;
    }

    public INDArray y() {
        return y;
    }

    /** Batch size m. */
    public int m() {
        return Math.toIntExact(x.rows());
    }

    public String origin() {
        return origin;
    }

    /** The same case with other parameter values (used by finite differences). */
    public NetworkCase withParams(Tensors p) {
        return new NetworkCase(spec, p, x, y, origin, customLoss, customHidden, step);
    }

    /** The same network on another batch of the same widths (a repeated batch, guarded copies); not validated again. */
    public NetworkCase withData(INDArray otherX, INDArray otherY) {
        return new NetworkCase(spec, params, otherX, otherY, origin, customLoss, customHidden, step);
    }

    /** A deep copy, safe to hand to code that might modify its arrays. */
    public NetworkCase copy() {
        return new NetworkCase(spec, params.copy(), x.dup(), y.dup(), origin, customLoss, customHidden, step);
    }

    public NetworkCase withOrigin(String o) {
        return new NetworkCase(spec, params, x, y, o, customLoss, customHidden, step);
    }

    /**
     * This case under a loss the harness does not ship, in place of the spec's; {@code targets}
     * (m × nL) replace Y, or null to keep it. A null loss gives back the built-in one.
     */
    public NetworkCase withLoss(CustomLoss loss, INDArray targets) {
        INDArray t = targets == null ? y : targets;
        if (loss == null) {
            return new NetworkCase(spec, params, x, t, origin, step).withHidden(customHidden);
        }
        if (!loss.accepts(spec.output()) || spec.output() == backprop.harness.api.Activation.SOFTMAX) {
            throw new IllegalArgumentException("NetworkCase: the " + loss.label() + " follows " + loss.outputs()
                    + " outputs, not a " + spec.output().label() + " output; use CustomLoss.following(...) or another head"
                    + " (softmax outputs take only the built-in softmax cross-entropy)");
        }
        // The spec's loss becomes a placeholder (squared error accepts every element-wise output); the custom loss rules.
        NetworkCase checked = new NetworkCase(spec.withLoss(backprop.harness.api.Loss.MSE), params, x, t, origin, step);
        return new NetworkCase(checked.spec, params, x, t, origin, loss, customHidden, step);
    }

    /**
     * This case with every hidden layer under an activation the harness does not ship (null: the
     * spec's own). The spec's hidden activations become identity placeholders.
     */
    public NetworkCase withHidden(CustomActivation hidden) {
        if (hidden == null || spec.layers() < 2) {
            return hidden == null ? new NetworkCase(spec, params, x, y, origin, customLoss, null, step) : this;
        }
        NetSpec placeholder = spec.withActivations(backprop.harness.api.Activation.IDENTITY, spec.output());
        return new NetworkCase(placeholder, params, x, y, origin, customLoss, hidden, step);
    }

    /** The activation replacing the hidden layers', or null. */
    public CustomActivation customHidden() {
        return customHidden;
    }

    /** Layer l's activation, as a report names it. */
    public String activationLabel(int l) {
        return customHidden != null && l < spec.layers() ? customHidden.label() : spec.activation(l).label();
    }

    /** The loss that replaces the spec's, or null when the spec's built-in loss applies. */
    public CustomLoss customLoss() {
        return customLoss;
    }

    /** The loss's formula, custom or built in. */
    public String lossFormula() {
        return customLoss == null ? spec.loss().formula() : customLoss.formula();
    }

    /** The spec's one-line description, naming the custom loss and the layer step where there are. */
    public String describe() {
        String d = customLoss == null ? spec.describe() : spec.describe().replace(spec.loss().label(), customLoss.label());
        if (step != null && spec.layers() > 1) {
            d += ", " + step.label() + " before each hidden activation";
        }
        if (customHidden == null) {
            return d;
        }
        StringBuilder placeholder = new StringBuilder();
        StringBuilder custom = new StringBuilder();
        for (int l = 1; l <= spec.layers(); l++) {
            placeholder.append(l == 1 ? "" : " → ").append(spec.activation(l).label());
            custom.append(l == 1 ? "" : " → ").append(activationLabel(l));
        }
        return d.replace(placeholder.toString(), custom.toString());
    }

    // Skips validation: only for copies of a case that was validated.
    private NetworkCase(NetSpec spec, Tensors params, INDArray x, INDArray y, String origin, CustomLoss customLoss,
                        CustomActivation customHidden, LayerStep step) {
        this.spec = spec;
        this.params = params;
        this.x = x;
        this.y = y;
        this.origin = origin;
        this.customLoss = customLoss;
        this.customHidden = customHidden;
        this.step = step;
    }

    @Override
    public String toString() {
        return describe() + ", m = " + m() + " (" + origin + ")";
    }
}
