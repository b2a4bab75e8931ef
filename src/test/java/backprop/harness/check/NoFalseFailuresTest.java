package backprop.harness.check;

import backprop.harness.core.Elements;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import backprop.harness.Spaces;
import backprop.harness.cases.CaseGenerator;
import backprop.harness.cases.CaseSpace;
import backprop.harness.cases.NetworkCase;
import backprop.harness.diagnose.Diagnoser;
import backprop.harness.report.FailureReport;
import backprop.harness.testnets.PlainNetwork;

/**
 * A correct network must never fail. The normal build checks a share of cases; the soak run
 * checks as many as {@code -Dkata.soak=N} asks for, e.g.
 * {@code mvn -Psolutions test -Dtest=NoFalseFailuresTest -Dkata.soak=100000}.
 */
class NoFalseFailuresTest {
    /** Enough to cross every head, depth and activation many times in the normal build. */
    private static final int DEFAULT_CASES = 600;

    @Test
    void aCorrectNetworkPassesEveryRandomCase() {
        int n = Integer.getInteger("kata.soak", DEFAULT_CASES);
        soak(Spaces.EVERYTHING, n, 0x5EED_0001L);
    }

    @Test
    void aCorrectReluNetworkPassesEveryRandomCaseWithKinksSkippedNotFailed() {
        int n = Integer.getInteger("kata.soak", DEFAULT_CASES) / 3;
        Tally t = soak(Spaces.RELU, Math.max(n, 1), 0x5EED_0002L);
        assertThat(t.comparisons).as("comparisons made on ReLU networks").isPositive();
    }

    /**
     * Found by the 20,000-case soak: a 5-1-5-2-4 ReLU/leaky-ReLU network whose dW1 element of
     * 6e-6 carried upstream rounding 1.6× past a tolerance scaled per array.
     */
    @Test
    void theDeepLeakyReluCaseTheSoakOnceFailedPasses() {
        NetworkCase c = CaseGenerator.generate(Spaces.EVERYTHING, 502251813736837L);

        CaseResult r = NetworkCheck.run(new PlainNetwork(), c, NetworkCheck.Mode.FULL);

        assertThat(r.problems()).as(c.toString()).isEmpty();
    }

    static final class Tally {
        long comparisons;
        long skipped;
        /** Largest |yours − reference| / allowed seen on correct code: how much room the tolerance leaves. */
        double worstGradientUse;
        double worstLossUse;

        void measure(CaseResult r) {
            Tolerance t = Tolerance.REFERENCE;
            double scale = 0;
            for (TensorComparison tc : r.vsReference()) {
                scale = Math.max(scale, tc.expected().amaxNumber().doubleValue());
            }
            for (TensorComparison tc : r.vsReference()) {
                for (int i = 0; i < tc.length(); i++) {
                    if (tc.isSkipped(i)) {
                        continue;
                    }
                    double a = Elements.get(tc.actual(), i);
                    double e = Elements.get(tc.expected(), i);
                    double allowed = t.atol() + t.rtol() * Math.max(Math.abs(a), Math.abs(e)) + t.stol() * scale;
                    worstGradientUse = Math.max(worstGradientUse, Math.abs(a - e) / allowed);
                }
            }
            if (!Double.isNaN(r.learnerLoss())) {
                Tolerance l = Tolerance.LOSS;
                double allowed = l.atol() + l.rtol() * Math.max(Math.abs(r.learnerLoss()), Math.abs(r.referenceLoss()));
                worstLossUse = Math.max(worstLossUse, Math.abs(r.learnerLoss() - r.referenceLoss()) / allowed);
            }
        }
    }

    private static Tally soak(CaseSpace space, int n, long base) {
        PlainNetwork net = new PlainNetwork();
        SplittableRandom seeds = new SplittableRandom(base);
        List<String> failures = new ArrayList<>();
        Tally t = new Tally();
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            long seed = seeds.nextLong() >>> 1;
            NetworkCase c = CaseGenerator.generate(space, seed);
            CaseResult r = NetworkCheck.run(net, c, NetworkCheck.Mode.FAST);
            t.comparisons += r.comparisons();
            t.skipped += r.skippedAtKinks();
            t.measure(r);
            if (!r.passed() && failures.size() < 3) {
                CaseResult full = NetworkCheck.run(net, c, NetworkCheck.Mode.FULL);
                CaseResult shown = full.passed() ? r : full;
                failures.add(FailureReport.render(shown, Diagnoser.diagnose(List.of(shown)),
                        new FailureReport.Context("harness soak", "seed " + seed, "(soak case " + i + ")")));
            }
        }
        System.out.printf("soak: %d cases, %d comparisons, %d finite differences skipped at kinks, %d false failures, %.1f s;"
                        + " worst use of the tolerance: gradients %.2g, loss %.2g%n",
                n, t.comparisons, t.skipped, failures.size(), (System.nanoTime() - start) / 1e9, t.worstGradientUse, t.worstLossUse);
        assertThat(failures).as("false failures on a correct network").isEmpty();
        return t;
    }
}
