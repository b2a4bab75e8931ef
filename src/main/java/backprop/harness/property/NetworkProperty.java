package backprop.harness.property;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.nd4j.linalg.api.ndarray.INDArray;

import backprop.harness.cases.CaseGenerator;
import backprop.harness.cases.CaseSpace;
import backprop.harness.cases.CustomActivation;
import backprop.harness.cases.CustomLoss;
import backprop.harness.cases.NetworkCase;
import backprop.harness.cases.NetworkShrinks;
import backprop.harness.check.CaseResult;
import backprop.harness.check.NetworkCheck;
import backprop.harness.check.NetworkUnderTest;
import backprop.harness.check.Problem;
import backprop.harness.core.Elements;
import backprop.harness.diagnose.Cause;
import backprop.harness.diagnose.Diagnoser;

/**
 * "The learner's network is right on every case of this space." Shrinking keeps a candidate only
 * when it fails in the same family of ways and, where the original failure had a specific cause,
 * shows that cause too, and only while the error stays far out of tolerance ({@link Visibility}):
 * so the case shown is one that exhibits the stated cause, plainly.
 */
public final class NetworkProperty implements Property<NetworkCase, CaseResult> {
    private final CaseSpace space;
    private final NetworkUnderTest net;
    private final CustomLoss loss;
    private final CustomActivation hidden;
    private CaseResult causesOf;
    private List<Cause> originalCauses;
    /** Whether a case with m ≥ 2 (BatchProbe needs two rows) has been checked with the probes. */
    private boolean probedABatch;
    /** Whether any case has failed: from then on every check probes, as the report's evidence needs. */
    private boolean failing;

    public NetworkProperty(CaseSpace space, NetworkUnderTest net) {
        this(space, null, null, net);
    }

    /**
     * @param hidden an activation the harness does not ship, in place of the space's hidden ones, or null
     * @param loss   a loss the harness does not ship, in place of the space's, or null
     */
    public NetworkProperty(CaseSpace space, CustomActivation hidden, CustomLoss loss, NetworkUnderTest net) {
        this.space = space;
        this.hidden = hidden;
        this.loss = loss;
        this.net = net;
    }

    @Override
    public NetworkCase generate(long seed) {
        NetworkCase c = CaseGenerator.generate(space, seed).withHidden(hidden);
        if (loss == null) {
            return c;
        }
        // Targets from their own stream, so the network drawn for a seed is the same under any loss.
        INDArray y = loss.targets().draw(new SplittableRandom(~seed), c.m(), c.spec().width(c.spec().layers()));
        return c.withLoss(loss, y);
    }

    /**
     * The fast check. The probes for state kept between calls (NetworkCheck.Probes: two more
     * loss and five more gradient calls) run on the first cases, until one with m ≥ 2 has had
     * them, and on every case once one has failed: shrinking, the extra failing cases and the
     * shown case all carry them. A passing case in between needs none: the learner's object is
     * shared by the whole run, so state kept from one case shows as a wrong first call on a
     * later one, which fails, and is then checked again with the probes so that its evidence
     * names the state.
     */
    @Override
    public CaseResult check(NetworkCase c) {
        boolean probe = failing || !probedABatch;
        CaseResult r = NetworkCheck.run(net, c, NetworkCheck.Mode.FAST, probe ? NetworkCheck.Probes.ON : NetworkCheck.Probes.OFF);
        probedABatch |= probe && c.m() >= 2;
        if (r.passed()) {
            return r;
        }
        failing = true;
        if (probe) {
            return r;
        }
        CaseResult probed = NetworkCheck.run(net, c, NetworkCheck.Mode.FAST, NetworkCheck.Probes.ON);
        return probed.passed() ? r : probed;
    }

    @Override
    public CaseResult explain(NetworkCase c) {
        return NetworkCheck.run(net, c, NetworkCheck.Mode.FULL);
    }

    @Override
    public boolean failed(CaseResult r) {
        return !r.passed();
    }

    @Override
    public boolean shrinkable(CaseResult r) {
        return r.kind() != Problem.Kind.NOT_IMPLEMENTED && r.kind() != Problem.Kind.NOT_COMPILED;
    }

    @Override
    public boolean sameFailure(CaseResult original, CaseResult candidate) {
        Problem.Kind a = original.kind();
        Problem.Kind b = candidate.kind();
        if (a.family() != b.family() || (a.family() == Problem.Family.CRASH && a != b)) {
            return false;
        }
        if (!Visibility.keeps(original.excess(), candidate.excess())) {
            return false;
        }
        List<Cause> wanted = specificCauses(original);
        if (wanted.isEmpty()) {
            return true;
        }
        List<Cause> found = Diagnoser.diagnose(List.of(candidate)).causes();
        return wanted.stream().anyMatch(w -> found.stream().anyMatch(f -> f.id() == w.id()));
    }

    /** The original failure's specific causes, computed once per failure. */
    private List<Cause> specificCauses(CaseResult original) {
        if (causesOf != original) {
            causesOf = original;
            originalCauses = Diagnoser.diagnose(List.of(original)).causes().stream()
                    .filter(c -> !c.id().generic()).toList();
        }
        return originalCauses;
    }

    private static boolean sameCase(NetworkCase a, NetworkCase b) {
        if (!a.spec().equals(b.spec()) || !Elements.same(a.x(), b.x()) || !Elements.same(a.y(), b.y())) {
            return false;
        }
        return a.parameterNames().stream().allMatch(n -> Elements.same(a.params().get(n), b.params().get(n)));
    }

    @Override
    public Stream<NetworkCase> shrinks(NetworkCase c) {
        if (loss == null && hidden == null) {
            return NetworkShrinks.of(c, space);
        }
        // The neighbours are built from the spec alone; the custom parts go back on, where they fit.
        // A neighbour that only changed what the custom parts overwrite (the hidden activation, the
        // loss) is the same case again: accepting it would "shrink" in circles up to the bound.
        return NetworkShrinks.of(c, space).filter(n -> loss == null || loss.accepts(n.spec().output()))
                .map(n -> n.withHidden(hidden).withLoss(loss, null)).filter(n -> !sameCase(n, c));
    }
}
