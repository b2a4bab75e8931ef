package backprop.harness.cases;

import backprop.harness.api.Loss;
import backprop.harness.api.NetSpec;
import backprop.harness.api.Shapes;
import backprop.harness.api.Tensors;

import java.util.Arrays;

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

    public NetworkCase(NetSpec spec, Tensors params, INDArray x, INDArray y, String origin) {
        this.spec = require(spec, "spec");
        this.params = require(params, "params");
        this.x = require(x, "X");
        this.y = require(y, "Y");
        this.origin = origin == null ? "fixed case" : origin;
        this.customLoss = null;
        this.customHidden = null;
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
        for (String name : spec.parameterNames()) {
            if (!params.has(name)) {
                throw new IllegalArgumentException("NetworkCase: parameter " + name + " is missing; the spec " + spec.shortSizes()
                        + " needs " + spec.parameterNames());
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
            if (!spec.parameterNames().contains(name)) {
                throw new IllegalArgumentException("NetworkCase: unexpected parameter " + name + "; the spec " + spec.describe()
                        + " has " + spec.parameterNames());
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

    /** Shape the spec demands of parameter {@code name} (W{l}: n{l-1} × n{l}; b{l}: 1 × n{l}). */
    public long[] expectedShape(String name) {
        int l = Integer.parseInt(name.substring(1));
        if (name.startsWith("W")) {
            return new long[] {spec.width(l - 1), spec.width(l)};
        }
        return new long[] {1, spec.width(l)};
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
        return new NetworkCase(spec, p, x, y, origin, customLoss, customHidden);
    }

    /** A deep copy, safe to hand to code that might modify its arrays. */
    public NetworkCase copy() {
        return new NetworkCase(spec, params.copy(), x.dup(), y.dup(), origin, customLoss, customHidden);
    }

    public NetworkCase withOrigin(String o) {
        return new NetworkCase(spec, params, x, y, o, customLoss, customHidden);
    }

    /**
     * This case under a loss the harness does not ship, in place of the spec's; {@code targets}
     * (m × nL) replace Y, or null to keep it. A null loss gives back the built-in one.
     */
    public NetworkCase withLoss(CustomLoss loss, INDArray targets) {
        INDArray t = targets == null ? y : targets;
        if (loss == null) {
            return new NetworkCase(spec, params, x, t, origin).withHidden(customHidden);
        }
        if (!loss.accepts(spec.output()) || spec.output() == backprop.harness.api.Activation.SOFTMAX) {
            throw new IllegalArgumentException("NetworkCase: the " + loss.label() + " follows " + loss.outputs()
                    + " outputs, not a " + spec.output().label() + " output; use CustomLoss.following(...) or another head"
                    + " (softmax outputs take only the built-in softmax cross-entropy)");
        }
        // The spec's loss becomes a placeholder (squared error accepts every element-wise output); the custom loss rules.
        NetworkCase checked = new NetworkCase(spec.withLoss(backprop.harness.api.Loss.MSE), params, x, t, origin);
        return new NetworkCase(checked.spec, params, x, t, origin, loss, customHidden);
    }

    /**
     * This case with every hidden layer under an activation the harness does not ship (null: the
     * spec's own). The spec's hidden activations become identity placeholders.
     */
    public NetworkCase withHidden(CustomActivation hidden) {
        if (hidden == null || spec.layers() < 2) {
            return hidden == null ? new NetworkCase(spec, params, x, y, origin, customLoss, null) : this;
        }
        NetSpec placeholder = spec.withActivations(backprop.harness.api.Activation.IDENTITY, spec.output());
        return new NetworkCase(placeholder, params, x, y, origin, customLoss, hidden);
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

    /** The spec's one-line description, naming the custom loss where there is one. */
    public String describe() {
        String d = customLoss == null ? spec.describe() : spec.describe().replace(spec.loss().label(), customLoss.label());
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
                        CustomActivation customHidden) {
        this.spec = spec;
        this.params = params;
        this.x = x;
        this.y = y;
        this.origin = origin;
        this.customLoss = customLoss;
        this.customHidden = customHidden;
    }

    @Override
    public String toString() {
        return describe() + ", m = " + m() + " (" + origin + ")";
    }
}
