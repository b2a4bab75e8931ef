package backprop.harness.cases;

import java.util.List;
import java.util.SplittableRandom;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import backprop.harness.api.Activation;

/**
 * A loss the harness does not ship, for network cases: its data term J(A, Y) (L2 is added by
 * the harness as for the built-in losses) and how the reference differentiates it, either the
 * instructor's exact ∂J/∂A, or a SameDiff graph of the same definition. Everything about a custom
 * loss is in this one class; {@code checks.forAll(space, loss, network)} uses it.
 *
 * <pre>{@code
 * CustomLoss huber = CustomLoss.exact("Huber loss", "J = 1/m Σ huber_δ(A − Y)", Huber::value, Huber::gradient)
 *         .withTargets((rng, m, k) -> ...);
 * }</pre>
 */
public final class CustomLoss {
    /** J's data term for outputs A and targets Y, both m × nL, including its own 1/m. */
    @FunctionalInterface
    public interface Value {
        double of(INDArray a, INDArray y);
    }

    /** ∂J/∂A, m × nL. */
    @FunctionalInterface
    public interface Gradient {
        INDArray of(INDArray a, INDArray y);
    }

    /** The data term as a SameDiff graph; {@code m} is a scalar holding the batch size to divide by. */
    @FunctionalInterface
    public interface Graph {
        SDVariable build(SameDiff sd, SDVariable a, SDVariable y, SDVariable m);
    }

    /** Targets Y for a batch of m samples and k outputs. */
    @FunctionalInterface
    public interface Targets {
        INDArray draw(SplittableRandom rng, int m, int k);
    }

    /** Standard normal targets: what a regression head is usually checked on. */
    public static final Targets GAUSSIAN = (rng, m, k) -> {
        INDArray y = Nd4j.create(DataType.DOUBLE, m, k);
        for (long i = 0; i < y.length(); i++) {
            y.putScalar(i, gaussian(rng));
        }
        return y;
    };

    private final String label;
    private final String formula;
    private final Value value;
    private final Gradient exact;
    private final Graph graph;
    private final Targets targets;
    private final List<Activation> outputs;

    private CustomLoss(String label, String formula, Value value, Gradient exact, Graph graph, Targets targets,
                       List<Activation> outputs) {
        this.label = label;
        this.formula = formula;
        this.value = value;
        this.exact = exact;
        this.graph = graph;
        this.targets = targets;
        this.outputs = List.copyOf(outputs);
    }

    /** A loss with its exact gradient ∂J/∂A, which the reference chains through SameDiff's network. */
    public static CustomLoss exact(String label, String formula, Value value, Gradient dA) {
        if (label == null || formula == null || value == null || dA == null) {
            throw new IllegalArgumentException("CustomLoss.exact: give a label, a formula, the value J(A, Y) and ∂J/∂A (one was null)");
        }
        return new CustomLoss(label, formula, value, dA, null, GAUSSIAN, List.of(Activation.IDENTITY));
    }

    /** A loss defined once as a SameDiff graph: the reference takes its value and its gradient from SameDiff's autodiff. */
    public static CustomLoss sameDiff(String label, String formula, Graph graph) {
        if (label == null || formula == null || graph == null) {
            throw new IllegalArgumentException("CustomLoss.sameDiff: give a label, a formula and the graph (one was null)");
        }
        return new CustomLoss(label, formula, null, null, graph, GAUSSIAN, List.of(Activation.IDENTITY));
    }

    /** The targets cases are checked on (default: standard normal). */
    public CustomLoss withTargets(Targets t) {
        return new CustomLoss(label, formula, value, exact, graph, t, outputs);
    }

    /** The output activations this loss may follow (default: identity only). */
    public CustomLoss following(Activation... acts) {
        return new CustomLoss(label, formula, value, exact, graph, targets, List.of(acts));
    }

    public String label() {
        return label;
    }

    public String formula() {
        return formula;
    }

    public boolean accepts(Activation output) {
        return outputs.contains(output);
    }

    public List<Activation> outputs() {
        return outputs;
    }

    /** The instructor's value of J, or null when the loss is given only as a graph. */
    public Value value() {
        return value;
    }

    /** The instructor's ∂J/∂A, or null when the loss is given as a graph. */
    public Gradient exactGradient() {
        return exact;
    }

    public Graph graph() {
        return graph;
    }

    public Targets targets() {
        return targets;
    }

    private static double gaussian(SplittableRandom rng) {
        double u = 1 - rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.nextDouble());
    }

    @Override
    public String toString() {
        return label;
    }
}
