package backprop.harness.cases;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

import backprop.harness.api.Shapes;
import backprop.harness.api.Tensors;

/**
 * A step with its own named parameters that every hidden layer applies between Z{l} = A{l-1} ·
 * W{l} + b{l} and its activation: batch normalisation with γ and β, a per-unit scale, a learnt
 * shift. Declared once, in the test: the parameters (a short name, a shape as a function of the
 * layer's width n{l}, how to draw them), the step's value in plain Java and the same definition
 * as a SameDiff graph (the reference differentiates that). Layer l's parameters are named by the
 * short name and l: gamma1, beta1, gamma2, …; the learner's gradients use the same names.
 * {@code CaseSpace.withLayerStep(step)} puts it in every case of a space.
 *
 * <pre>{@code
 * LayerStep scale = LayerStep.of("scale", "Z̃ = s ⊙ Z", (z, p) -> z.mulRowVector(p.get("s")),
 *         (sd, z, p) -> z.mul(p.get("s")))
 *     .withParameter("s", LayerStep.ROW, rng -> rng.nextDouble(0.5, 2));
 * }</pre>
 *
 * <p>The step must be smooth (finite differences skip no kinks inside it) and must treat a batch
 * and the same samples repeated twice alike, row for row: the reference evaluates a batch of one
 * as two copies, and the check calls the learner on the repeated batch. Per-sample steps and
 * batch statistics taken as means (batch normalisation with the 1/m variance) do. L2 applies to
 * W only, as for b.
 */
public final class LayerStep {
    /** The step's output for Z (m × n) and this layer's parameters, by their short names; m × n. */
    @FunctionalInterface
    public interface Value {
        INDArray of(INDArray z, Tensors params);
    }

    /** The same step as a SameDiff graph on Z, with this layer's parameters by their short names. */
    @FunctionalInterface
    public interface Graph {
        SDVariable build(SameDiff sd, SDVariable z, Map<String, SDVariable> params);
    }

    /** A parameter's shape (rows, columns) in a layer of width n. */
    @FunctionalInterface
    public interface Shape {
        long[] of(int width);
    }

    /** One element of a parameter's starting value. */
    @FunctionalInterface
    public interface Init {
        double next(SplittableRandom rng);
    }

    /** One row of n{l}: a value per unit, shared by every sample (γ and β of batch normalisation). */
    public static final Shape ROW = n -> new long[] {1, n};

    /** One number for the whole layer. */
    public static final Shape SCALAR = n -> new long[] {1, 1};

    /** A declared parameter: its short name, its shape by width, how its elements are drawn. */
    public record Parameter(String name, Shape shape, Init init) {
    }

    private final String label;
    private final String formula;
    private final Value value;
    private final Graph graph;
    private final List<Parameter> parameters;

    private LayerStep(String label, String formula, Value value, Graph graph, List<Parameter> parameters) {
        this.label = label;
        this.formula = formula;
        this.value = value;
        this.graph = graph;
        this.parameters = List.copyOf(parameters);
    }

    /** A step with no parameters yet; add them with {@link #withParameter}. */
    public static LayerStep of(String label, String formula, Value value, Graph graph) {
        if (label == null || formula == null || value == null || graph == null) {
            throw new IllegalArgumentException("LayerStep.of: give a label, a formula, the value in plain Java and the SameDiff"
                    + " graph (one was null)");
        }
        return new LayerStep(label, formula, value, graph, List.of());
    }

    /**
     * This step with one more parameter. The short name is letters only (the layer's number
     * follows it) and neither W nor b; the shape must be a matrix for every width.
     */
    public LayerStep withParameter(String name, Shape shape, Init init) {
        if (name == null || !name.matches("[A-Za-z]+") || name.equals("W") || name.equals("b") || shape == null || init == null) {
            throw new IllegalArgumentException("LayerStep " + label + ": a parameter needs a name of letters only, not W or b (got "
                    + name + "), a shape and an initialisation (one was null)");
        }
        if (parameters.stream().anyMatch(p -> p.name().equals(name))) {
            throw new IllegalArgumentException("LayerStep " + label + ": the parameter " + name + " is declared twice");
        }
        for (int width = 1; width <= 2; width++) {
            long[] s = shape.of(width);
            if (s == null || s.length != 2 || s[0] < 1 || s[1] < 1) {
                throw new IllegalArgumentException("LayerStep " + label + ": the shape of " + name + " for a layer of width "
                        + width + " is " + Arrays.toString(s) + "; give rows and columns, both at least 1");
            }
        }
        List<Parameter> more = new ArrayList<>(parameters);
        more.add(new Parameter(name, shape, init));
        return new LayerStep(label, formula, value, graph, more);
    }

    public String label() {
        return label;
    }

    public String formula() {
        return formula;
    }

    public List<Parameter> parameters() {
        return parameters;
    }

    public Graph graph() {
        return graph;
    }

    /** Layer l's parameter names, in declaration order: gamma1, beta1. */
    public List<String> names(int layer) {
        return parameters.stream().map(p -> p.name() + layer).toList();
    }

    /** The declared parameter behind a full name (gamma1 → gamma), or null when it is not this step's. */
    public Parameter parameter(String fullName) {
        for (Parameter p : parameters) {
            if (fullName.startsWith(p.name()) && fullName.substring(p.name().length()).matches("\\d+")) {
                return p;
            }
        }
        return null;
    }

    /** Layer l's parameters out of all of a case's, under their short names; copies, so a value that writes into them spoils nothing. */
    public Tensors of(Tensors all, int layer) {
        Tensors t = Tensors.empty();
        for (Parameter p : parameters) {
            t.put(p.name(), all.get(p.name() + layer).dup());
        }
        return t;
    }

    /** The step's output for Z and one layer's parameters (short names), checked to be Z's shape. */
    public INDArray value(INDArray z, Tensors layerParams) {
        INDArray out = value.of(z, layerParams);
        if (out == null || !Arrays.equals(out.shape(), z.shape())) {
            throw new IllegalArgumentException("LayerStep " + label + ": its value must have Z's shape " + Shapes.of(z)
                    + ", got " + (out == null ? "null" : Shapes.of(out)) + "; check the Value given to LayerStep.of");
        }
        return out;
    }

    @Override
    public String toString() {
        return label;
    }
}
