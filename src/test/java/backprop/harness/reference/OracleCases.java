package backprop.harness.reference;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Predicate;

import backprop.harness.Spaces;
import backprop.harness.api.Activation;
import backprop.harness.api.Loss;
import backprop.harness.cases.CaseGenerator;
import backprop.harness.cases.CaseSpace;
import backprop.harness.cases.CaseSpace.Head;
import backprop.harness.cases.NetworkCase;
import backprop.harness.cases.PreActivations;

/**
 * Writes cases from the harness's own generator for tools/oracle/pytorch_oracle.py to answer.
 * Two sets: {@code fixtures} (a few hundred, each group forcing one thing the reference must get
 * right, committed with PyTorch's answers) and {@code soak N} (N cases of everything, for the
 * long comparison in docs/ORACLE.md); {@code seed S} writes the one case of Spaces.EVERYTHING a
 * soak names by its seed. Run through tools/oracle/fixtures.sh or soak.sh.
 */
public final class OracleCases {
    static final Activation[] HIDDEN = {Activation.IDENTITY, Activation.SIGMOID, Activation.TANH, Activation.RELU,
        Activation.LEAKY_RELU};
    static final Head[] HEADS = {Head.of(Activation.SIGMOID, Loss.MSE), Head.of(Activation.IDENTITY, Loss.MSE),
        Head.of(Activation.TANH, Loss.MSE), Head.of(Activation.SIGMOID, Loss.BCE), Head.of(Activation.SOFTMAX, Loss.SOFTMAX_CE)};

    /** Base seed of the soak's cases. */
    static final long SOAK_SEED = 0x0AC1E_0001L;

    private OracleCases() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("fixtures")) {
            List<OracleJson.Entry> cases = fixtures();
            OracleJson.writeCases(Path.of(args[1]), cases, "backprop.harness.reference.OracleCases fixtures");
            System.out.println("wrote " + cases.size() + " cases to " + args[1]);
        } else if (args.length == 3 && args[0].equals("soak")) {
            int n = Integer.parseInt(args[1]);
            List<OracleJson.Entry> cases = new ArrayList<>();
            draw(cases, Spaces.EVERYTHING, "everything", n, SOAK_SEED, c -> true);
            OracleJson.writeCases(Path.of(args[2]), cases, "backprop.harness.reference.OracleCases soak " + n);
            System.out.println("wrote " + cases.size() + " cases to " + args[2]);
        } else if (args.length == 3 && args[0].equals("seed")) {
            // One case of the harness's widest space, as a soak or a report names it by seed.
            long seed = Long.parseLong(args[1]);
            List<OracleJson.Entry> one = List.of(new OracleJson.Entry("seed " + seed, "everything",
                    CaseGenerator.generate(Spaces.EVERYTHING, seed), Double.NaN, null));
            OracleJson.writeCases(Path.of(args[2]), one, "backprop.harness.reference.OracleCases seed " + seed);
            System.out.println("wrote seed " + seed + " to " + args[2]);
        } else {
            System.err.println("usage: OracleCases fixtures FILE | soak N FILE | seed S FILE   (see docs/ORACLE.md)");
            System.exit(2);
        }
    }

    /** Every hidden activation with every head, then biases, L2, m = 1, saturation and no hidden layer. */
    static List<OracleJson.Entry> fixtures() {
        List<OracleJson.Entry> out = new ArrayList<>();
        CaseSpace all = Spaces.EVERYTHING;
        long base = 0x0AC1E_1000L;
        for (Activation f : HIDDEN) {
            for (Head h : HEADS) {
                draw(out, all.withHiddenLayers(1, 3).withHiddenActivations(f).withHeads(h),
                        f.label() + " hidden, " + h.output().label() + " + " + h.loss().label(), 8, base++, c -> true);
            }
        }
        for (Head h : HEADS) {
            draw(out, all.withHiddenLayers(0, 0).withHeads(h), "no hidden layer, " + h.output().label() + " + " + h.loss().label(),
                    4, base++, c -> true);
        }
        for (Activation f : HIDDEN) {
            draw(out, all.withHiddenActivations(f).withSaturation(1.0), f.label() + " hidden, one layer saturated", 8, base++, c -> true);
        }
        draw(out, all.withBiases(CaseSpace.Biases.ALWAYS), "every bias on", 12, base++, c -> true);
        draw(out, all.withBiases(CaseSpace.Biases.NEVER), "every bias off", 12, base++, c -> true);
        draw(out, all, "L2 on", 20, base++, c -> c.spec().lambda() > 0);
        draw(out, all.withBatch(1, 1), "m = 1", 20, base++, c -> true);
        return out;
    }

    /**
     * Adds n cases of the space that satisfy {@code keep}, skipping any with a ReLU-type unit
     * within 1e-9 of its kink: there the gradient is not defined (PyTorch and ND4J pick
     * different one-sided slopes at exactly 0), and the harness skips such cases too.
     */
    static void draw(List<OracleJson.Entry> out, CaseSpace space, String covers, int n, long base, Predicate<NetworkCase> keep) {
        SplittableRandom seeds = new SplittableRandom(base);
        int kept = 0;
        while (kept < n) {
            long seed = seeds.nextLong() >>> 1;
            NetworkCase c = CaseGenerator.generate(space, seed);
            if (!keep.test(c) || (c.spec().hasKinks() && PreActivations.nearestKink(PreActivations.kinked(c, c.params())) < 1e-9)) {
                continue;
            }
            out.add(new OracleJson.Entry("seed " + seed, covers, c, Double.NaN, null));
            kept++;
        }
    }
}
