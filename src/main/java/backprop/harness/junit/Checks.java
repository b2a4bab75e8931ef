package backprop.harness.junit;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BiConsumer;

import org.opentest4j.AssertionFailedError;

import backprop.harness.cases.CaseGenerator;
import backprop.harness.cases.CaseSpace;
import backprop.harness.cases.NetworkCase;
import backprop.harness.cases.Shrinker;
import backprop.harness.api.Tensors;
import backprop.harness.check.CaseResult;
import backprop.harness.check.Differentiable;
import backprop.harness.check.FiniteDifferences;
import backprop.harness.check.FunctionCheck;
import backprop.harness.check.FunctionResult;
import backprop.harness.check.NetworkCheck;
import backprop.harness.check.NetworkUnderTest;
import backprop.harness.check.Problem;
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
        long[] seeds = settings.seeds(testClass + "#" + method);
        long comparisons = 0;
        long skipped = 0;
        for (int i = 0; i < seeds.length; i++) {
            NetworkCase c = CaseGenerator.generate(space, seeds[i]);
            CaseResult r = NetworkCheck.run(net, c, NetworkCheck.Mode.FAST);
            if (!r.passed()) {
                failNetwork(space, net, r, seeds, i);
            }
            comparisons += r.comparisons();
            skipped += r.skippedAtKinks();
        }
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

    /** Checks the network on one fixed case, every element against the reference and finite differences. */
    public void network(NetworkCase c, NetworkUnderTest net) {
        CaseResult r = NetworkCheck.run(net, c, NetworkCheck.Mode.FULL);
        if (!r.passed()) {
            throw new AssertionFailedError(FailureReport.render(r, new FailureReport.Context(exercise,
                    c.origin(), rerun(null))));
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
            throw new AssertionFailedError(FunctionReport.render(what, r, new FailureReport.Context(exercise, "fixed point", rerun(null))));
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

    /** Checks a function's gradient at random points; reports the seed of the first failing one. */
    public void forAllPoints(String what, Points points, Differentiable f, FiniteDifferences.KinkGuard guard) {
        long[] seeds = settings.seeds(testClass + "#" + method);
        for (int i = 0; i < seeds.length; i++) {
            Tensors at = points.at(new SplittableRandom(seeds[i]));
            FunctionResult r = FunctionCheck.run(f, at, guard, null);
            if (!r.passed()) {
                String prov = "seed " + seeds[i] + ", random point " + (i + 1) + " of " + seeds.length;
                throw new AssertionFailedError(FunctionReport.render(what, r, new FailureReport.Context(exercise, prov, rerun(seeds[i]))));
            }
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

    /** Failing cases examined besides the shown one, so that a diagnosis rests on more than one small case. */
    static final int EXTRA_EVIDENCE = 3;

    private void failNetwork(CaseSpace space, NetworkUnderTest net, CaseResult r, long[] seeds, int index) {
        long seed = seeds[index];
        int tries = seeds.length;
        FailureReport.Context stub = new FailureReport.Context(exercise, "", rerun(seed));
        if (r.kind() == Problem.Kind.NOT_IMPLEMENTED || r.kind() == Problem.Kind.NOT_COMPILED) {
            throw new AssertionFailedError(FailureReport.render(r, stub));
        }
        Problem.Kind kind = r.kind();
        Shrinker.Result shrunk = Shrinker.shrink(r.networkCase(), space, cand -> {
            CaseResult cr = NetworkCheck.run(net, cand, NetworkCheck.Mode.FAST);
            return !cr.passed() && sameFamily(cr.kind(), kind);
        });
        CaseResult full = NetworkCheck.run(net, shrunk.smallest(), NetworkCheck.Mode.FULL);
        if (full.passed()) {
            full = NetworkCheck.run(net, r.networkCase(), NetworkCheck.Mode.FULL);
        }
        List<CaseResult> evidence = new ArrayList<>();
        evidence.add(full);
        if (full.networkCase() != r.networkCase()) {
            evidence.add(r);
        }
        // More failing cases from fresh seeds: a cause must hold in all of them to be stated as fact.
        SplittableRandom more = new SplittableRandom(seed ^ 0x5DEECE66DL);
        for (int k = 0; k < 30 && evidence.size() < 2 + EXTRA_EVIDENCE; k++) {
            CaseResult extra = NetworkCheck.run(net, CaseGenerator.generate(space, more.nextLong() >>> 1), NetworkCheck.Mode.FAST);
            if (!extra.passed() && sameFamily(extra.kind(), kind)) {
                evidence.add(extra);
            }
        }
        String prov = "seed " + seed + ", random case " + (index + 1) + " of " + tries
                + (shrunk.steps() == 0 ? "" : "; shrunk in " + shrunk.steps() + " steps from " + r.networkCase().spec().shortSizes()
                + " with m = " + r.networkCase().m());
        throw new AssertionFailedError(FailureReport.render(full, evidence, new FailureReport.Context(exercise, prov, rerun(seed))));
    }

    /**
     * Shrinking keeps to failures of the same kind, so it cannot wander from a wrong gradient to a
     * crash, or from a wrong loss to a case where the loss happens to come out right.
     */
    private static boolean sameFamily(Problem.Kind a, Problem.Kind b) {
        return a == b || (family(a) == family(b) && family(a) != 3);
    }

    private static int family(Problem.Kind k) {
        switch (k) {
            case EXCEPTION: case NOT_IMPLEMENTED: case NOT_COMPILED: return 0;
            case NOT_DOUBLE: case BAD_OUTPUT: case NOT_FINITE: return 1;
            case MUTATES_INPUT: case NOT_REPEATABLE: return 2;
            default: return 3;
        }
    }

    private String rerun(Long seed) {
        String test = testClass.isEmpty() ? "" : " -Dtest='" + testClass + (method.isEmpty() ? "" : "#" + method) + "'";
        return "mvn test" + (settings.solutions() ? " -Psolutions" : "") + test + (seed == null ? "" : " -Dkata.seed=" + seed);
    }
}
