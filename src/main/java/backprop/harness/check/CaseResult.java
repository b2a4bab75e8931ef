package backprop.harness.check;

import backprop.harness.api.Tensors;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import backprop.harness.cases.NetworkCase;

/** Everything one check of one case found: the problems, and the comparisons behind them. */
public final class CaseResult {
    private final NetworkCase networkCase;
    private final List<Problem> problems = new ArrayList<>();
    private final List<TensorComparison> vsReference = new ArrayList<>();
    private final List<TensorComparison> vsFiniteDifferences = new ArrayList<>();
    double learnerLoss = Double.NaN;
    double referenceLoss = Double.NaN;
    backprop.harness.api.Tensors learnerGradients;
    backprop.harness.api.Tensors referenceGradients;
    backprop.harness.api.Tensors secondCallGradients;
    int directionsCompared;
    int directionsSkipped;
    boolean atKink;
    boolean finiteDifferencesOfHarnessCopy;
    BatchProbe.Finding batchProbe;

    CaseResult(NetworkCase networkCase) {
        this.networkCase = networkCase;
    }

    void add(Problem p) {
        problems.add(p);
    }

    void addReference(TensorComparison c) {
        vsReference.add(c);
    }

    void addFiniteDifference(TensorComparison c) {
        vsFiniteDifferences.add(c);
    }

    public NetworkCase networkCase() {
        return networkCase;
    }

    public boolean passed() {
        return problems.isEmpty();
    }

    /** Problems, most important first. */
    public List<Problem> problems() {
        List<Problem> sorted = new ArrayList<>(problems);
        sorted.sort(Comparator.comparing(Problem::kind));
        return sorted;
    }

    /** The kind of the most important problem, or null if the case passed. */
    public Problem.Kind kind() {
        return passed() ? null : problems().get(0).kind();
    }

    public List<TensorComparison> vsReference() {
        return vsReference;
    }

    public List<TensorComparison> vsFiniteDifferences() {
        return vsFiniteDifferences;
    }

    public TensorComparison referenceComparison(String name) {
        return vsReference.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
    }

    public TensorComparison finiteDifferenceComparison(String name) {
        return vsFiniteDifferences.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
    }

    public double learnerLoss() {
        return learnerLoss;
    }

    public double referenceLoss() {
        return referenceLoss;
    }

    public backprop.harness.api.Tensors learnerGradients() {
        return learnerGradients;
    }

    public backprop.harness.api.Tensors referenceGradients() {
        return referenceGradients;
    }

    /** Gradients from the second of two identical calls, when they differed from the first. */
    public backprop.harness.api.Tensors secondCallGradients() {
        return secondCallGradients;
    }

    /** Calls with another batch size (see {@link BatchProbe}), or null when not made. */
    public BatchProbe.Finding batchProbe() {
        return batchProbe;
    }

    /** Number of scalar comparisons made (elements and directions), for "compared nothing" checks. */
    public int comparisons() {
        int n = directionsCompared;
        for (TensorComparison c : vsReference) {
            n += c.compared();
        }
        for (TensorComparison c : vsFiniteDifferences) {
            n += c.compared();
        }
        return n;
    }

    /** Finite-difference elements or directions skipped because a kink lay within the step. */
    public int skippedAtKinks() {
        int n = directionsSkipped;
        for (TensorComparison c : vsFiniteDifferences) {
            n += c.skipped();
        }
        return n;
    }

    /**
     * How plainly this case fails, in allowances (see {@link Tolerance#excess}): for a wrong loss
     * the loss's, otherwise the worst gradient element's against the reference or finite
     * differences. NaN where the failure is not a number out of tolerance (a crash, a bad shape).
     */
    public double excess() {
        if (kind() == Problem.Kind.WRONG_LOSS) {
            return Tolerance.LOSS.excess(learnerLoss, referenceLoss, 0, 0);
        }
        double worst = Double.NaN;
        for (List<TensorComparison> list : List.of(vsReference, vsFiniteDifferences)) {
            for (TensorComparison c : list) {
                if (c.compared() > 0) {
                    worst = Double.isNaN(worst) ? c.worstExcess() : Math.max(worst, c.worstExcess());
                }
            }
        }
        return worst;
    }

    /**
     * True when {@link #vsFiniteDifferences()} holds finite differences of the harness's plain-Java
     * copy of the network, not of the learner's loss: only ever on a case that passed (NetworkCheck.Mode.FULL).
     */
    public boolean finiteDifferencesOfHarnessCopy() {
        return finiteDifferencesOfHarnessCopy;
    }

    /** True when some ReLU-type unit sits exactly on its kink, so gradients there are a convention. */
    public boolean atKink() {
        return atKink;
    }
}
