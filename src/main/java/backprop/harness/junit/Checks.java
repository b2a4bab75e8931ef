package backprop.harness.junit;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BiConsumer;

import org.opentest4j.AssertionFailedError;

import backprop.harness.api.Tensors;
import backprop.harness.cases.CaseSpace;
import backprop.harness.cases.CustomActivation;
import backprop.harness.cases.CustomLoss;
import backprop.harness.cases.NetworkCase;
import backprop.harness.check.CaseResult;
import backprop.harness.check.Differentiable;
import backprop.harness.check.FiniteDifferences;
import backprop.harness.check.FunctionCheck;
import backprop.harness.check.FunctionResult;
import backprop.harness.check.NetworkCheck;
import backprop.harness.check.NetworkUnderTest;
import backprop.harness.diagnose.Diagnoser;
import backprop.harness.diagnose.Diagnosis;
import backprop.harness.property.NetworkProperty;
import backprop.harness.property.Outcome;
import backprop.harness.property.PointProperty;
import backprop.harness.property.PropertyRunner;
import backprop.harness.property.Shrinker;
import backprop.harness.report.FailureReport;
import backprop.harness.report.FunctionReport;

/**
 * The gradient checks of one test, injected by {@link Exercise}. Each method passes quietly or
 * throws an {@link AssertionFailedError} whose message is the full report for a learner.
 *
 * <pre>{@code
 * @Exercise("04-two-layer-network")
 * class TwoLayerNetworkTest {
 *     @Test
 *     void gradientsAreRightOnRandomNetworks(Checks checks) {
 *         checks.forAll(CaseSpace.networks(), new TwoLayerAdapter());
 *     }
 * }
 * }</pre>
 */
public final class Checks {
    private final String exercise;
    private final String testClass;
    private final String method;
    private final Settings settings;
    private final BiConsumer<String, String> publish;

    Checks(String exercise, String testClass, String method, Settings settings, BiConsumer<String, String> publish) {
        this.exercise = exercise;
        this.testClass = testClass;
        this.method = method;
        this.settings = settings;
        this.publish = publish;
    }

    /** For use outside JUnit (instructors' scripts, the harness's own tests). */
    public static Checks standalone(String exercise) {
        return new Checks(exercise, "", "", Settings.fromSystemProperties(), (k, v) -> { });
    }

    public Settings settings() {
        return settings;
    }

    /** Checks the network on random cases from {@code space}; on failure shrinks and reports the smallest case. */
    public void forAll(CaseSpace space, NetworkUnderTest net) {
        forAll(space, null, net);
    }

    /** As {@link #forAll(CaseSpace, NetworkUnderTest)} under a loss the harness does not ship (null: the space's own). */
    public void forAll(CaseSpace space, CustomLoss loss, NetworkUnderTest net) {
        forAll(space, null, loss, net);
    }

    /** As above with every hidden layer under an activation the harness does not ship (null: the space's own). */
    public void forAll(CaseSpace space, CustomActivation hidden, CustomLoss loss, NetworkUnderTest net) {
        long[] seeds = settings.seeds(testClass + "#" + method);
        Outcome<NetworkCase, CaseResult> outcome = PropertyRunner.run(new NetworkProperty(space, hidden, loss, net), seeds,
                PropertyRunner.Limits.DEFAULT);
        if (outcome instanceof Outcome.Failed<NetworkCase, CaseResult> f) {
            Diagnosis d = Diagnoser.diagnose(f.evidence());
            throw new AssertionFailedError(FailureReport.render(f.shown(), d, new FailureReport.Context(exercise,
                    provenance(f, f.original().spec().shortSizes() + " with m = " + f.original().m()), rerun(f.seed()),
                    f.shownIsShrunk() && f.shrunk().steps() > 0 ? f.original() : null)));
        }
        List<CaseResult> passed = ((Outcome.Passed<NetworkCase, CaseResult>) outcome).results();
        long comparisons = passed.stream().mapToLong(CaseResult::comparisons).sum();
        long skipped = passed.stream().mapToLong(CaseResult::skippedAtKinks).sum();
        if (comparisons == 0) {
            throw new AssertionFailedError(exercise + ": the property compared nothing (" + seeds.length
                    + " cases, every comparison skipped); the harness cannot vouch for this code.");
        }
        String summary = seeds.length + " random cases passed, " + comparisons + " comparisons, "
                + skipped + " finite differences skipped at kinks";
        publish.accept("kata.property", summary);
        if (Boolean.getBoolean("kata.verbose")) {
            System.out.println(exercise + " " + testClass + "#" + method + ": " + summary);
        }
    }

    /** Where the shown case came from: its seed, which try, and how it was shrunk. */
    private static String provenance(Outcome.Failed<?, ?> f, String original) {
        Shrinker.Shrunk<?, ?> s = f.shrunk();
        String shrunk = s.steps() == 0 ? "" : "; shrunk in " + s.steps() + " steps from " + original;
        String bound = s.boundReached() ? "; shrinking bound reached after " + s.attempts()
                + " attempts, so a smaller failing case may exist" : "";
        String shown = f.shownIsShrunk() || s.steps() == 0 ? "" : "; the shrunk case passed the full check, so the original is shown";
        return "seed " + f.seed() + ", random case " + (f.index() + 1) + " of " + f.tries() + shrunk + bound + shown;
    }

    /**
     * Checks the network on one fixed case, every element against the reference and against
     * finite differences of the learner's own loss, as the exercises' READMEs say: fixed cases
     * are small (the question's XOR batch), so the classic check costs milliseconds here.
     */
    public void network(NetworkCase c, NetworkUnderTest net) {
        CaseResult r = NetworkCheck.run(net, c, NetworkCheck.Mode.FULL_OWN_LOSS);
        if (!r.passed()) {
            throw new AssertionFailedError(FailureReport.render(r, Diagnoser.diagnose(List.of(r)),
                    new FailureReport.Context(exercise, c.origin(), rerun(null))));
        }
        if (r.comparisons() == 0) {
            throw new AssertionFailedError(exercise + ": nothing was compared on " + c + " (every element sat on a kink)");
        }
    }

    /** Checks a function's gradient at one point against central differences of its value. */
    public void gradient(String what, Differentiable f, Tensors at) {
        gradient(what, f, at, null, FiniteDifferences.KinkGuard.NONE);
    }

    /**
     * As {@link #gradient(String, Differentiable, Tensors)}, also against an exact gradient where
     * known ({@code exact} may be null), with a guard that tells when a step crosses a kink.
     */
    public void gradient(String what, Differentiable f, Tensors at, Tensors exact, FiniteDifferences.KinkGuard guard) {
        FunctionResult r = FunctionCheck.run(f, at, guard, exact);
        if (!r.passed()) {
            throw new AssertionFailedError(FunctionReport.render(what, r, Diagnoser.diagnose(r),
                    new FailureReport.Context(exercise, "fixed point", rerun(null))));
        }
        requireCompared(what, r);
    }

    /**
     * Starting weights (W1, W2, ...; several draws stacked as rows are welcome): zero mean and a
     * spread of about 1/fan-in, the fan-in being each array's number of rows (its inputs).
     */
    public void initialisation(String what, Tensors weights) {
        initialisation(what, weights, java.util.Map.of());
    }

    /** As {@link #initialisation(String, Tensors)}, with the fan-in of stacked draws given per name. */
    public void initialisation(String what, Tensors weights, java.util.Map<String, Integer> fanIn) {
        List<String> problems = backprop.harness.check.InitialisationCheck.problems(weights, fanIn);
        if (!problems.isEmpty()) {
            StringBuilder sb = new StringBuilder(exercise + ": " + what + ": the starting weights are off\n\nMost likely cause:\n");
            for (String p : problems) {
                sb.append(backprop.harness.report.FailureReport.wrapBullet(p)).append('\n');
            }
            throw new AssertionFailedError(sb.toString().stripTrailing());
        }
    }

    /** A source of random points for {@link #forAllPoints}. */
    @FunctionalInterface
    public interface Points {
        Tensors at(SplittableRandom rng);
    }

    /** Checks a function's gradient at random points; on failure rounds the point while it fails the same way. */
    public void forAllPoints(String what, Points points, Differentiable f, FiniteDifferences.KinkGuard guard) {
        forAllPoints(what, points, f, guard, null);
    }

    /** As above, also against an exact gradient at each point ({@code exact} returns it for a point). */
    public void forAllPoints(String what, Points points, Differentiable f, FiniteDifferences.KinkGuard guard,
                             java.util.function.Function<Tensors, Tensors> exact) {
        long[] seeds = settings.seeds(testClass + "#" + method);
        Outcome<Tensors, FunctionResult> outcome = PropertyRunner.run(new PointProperty(points::at, f, guard, exact), seeds,
                PropertyRunner.Limits.DEFAULT);
        if (outcome instanceof Outcome.Failed<Tensors, FunctionResult> fail) {
            throw new AssertionFailedError(FunctionReport.render(what, fail.shown(), Diagnoser.diagnose(fail.shown()),
                    new FailureReport.Context(exercise, provenance(fail, "the random point"), rerun(fail.seed()))));
        }
        for (FunctionResult r : ((Outcome.Passed<Tensors, FunctionResult>) outcome).results()) {
            requireCompared(what, r);
        }
    }

    public void forAllPoints(String what, Points points, Differentiable f) {
        forAllPoints(what, points, f, FiniteDifferences.KinkGuard.NONE);
    }

    private void requireCompared(String what, FunctionResult r) {
        if (r.compared() == 0) {
            throw new AssertionFailedError(exercise + ": " + what + ": nothing was compared (every element sat on a kink)");
        }
    }

    private String rerun(Long seed) {
        String test = testClass.isEmpty() ? "" : " -Dtest='" + testClass + (method.isEmpty() ? "" : "#" + method) + "'";
        return "mvn test" + (settings.solutions() ? " -Psolutions" : "") + test + (seed == null ? "" : " -Dkata.seed=" + seed);
    }
}
