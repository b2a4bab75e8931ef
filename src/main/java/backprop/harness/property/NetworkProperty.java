package backprop.harness.property;

import java.util.List;
import java.util.stream.Stream;

import backprop.harness.cases.CaseGenerator;
import backprop.harness.cases.CaseSpace;
import backprop.harness.cases.NetworkCase;
import backprop.harness.cases.NetworkShrinks;
import backprop.harness.check.CaseResult;
import backprop.harness.check.NetworkCheck;
import backprop.harness.check.NetworkUnderTest;
import backprop.harness.check.Problem;
import backprop.harness.diagnose.Cause;
import backprop.harness.diagnose.Diagnoser;

/**
 * "The learner's network is right on every case of this space." Shrinking keeps a candidate only
 * when it fails in the same family of ways and, where the original failure had a specific cause,
 * shows that cause too: so the case shown is one that exhibits the stated cause.
 */
public final class NetworkProperty implements Property<NetworkCase, CaseResult> {
    private final CaseSpace space;
    private final NetworkUnderTest net;
    private CaseResult causesOf;
    private List<Cause> originalCauses;

    public NetworkProperty(CaseSpace space, NetworkUnderTest net) {
        this.space = space;
        this.net = net;
    }

    @Override
    public NetworkCase generate(long seed) {
        return CaseGenerator.generate(space, seed);
    }

    @Override
    public CaseResult check(NetworkCase c) {
        return NetworkCheck.run(net, c, NetworkCheck.Mode.FAST);
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

    @Override
    public Stream<NetworkCase> shrinks(NetworkCase c) {
        return NetworkShrinks.of(c, space);
    }
}
