package backprop.harness.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import backprop.harness.api.Activation;
import backprop.harness.api.Loss;
import backprop.harness.api.NetSpec;
import backprop.harness.api.Tensors;
import backprop.harness.cases.CaseGenerator;
import backprop.harness.cases.CaseSpace;
import backprop.harness.cases.NetworkCase;
import backprop.harness.check.CaseResult;
import backprop.harness.check.NetworkCheck;
import backprop.harness.core.Nd4jSetup;
import backprop.harness.reference.Reference;
import backprop.harness.testnets.PlainNetwork;

/**
 * The harness's full and fast checks against torch.autograd.gradcheck on the nets of issue 8,
 * calls interleaved (harness, torch, harness, torch, ...) so that load on a shared machine falls
 * on both alike; medians and ratios. Run it with {@code bench/run}, which finds a Python with
 * PyTorch; without one, the harness is timed alone. Not a test: speed is reported, never asserted.
 *
 * <p>Arguments: {@code [python-with-torch|-] [rep-scale] [net-filter] [fast|classic]}; "fast" skips the full
 * checks, "classic" times the classic full check on 784-64-10 too.
 *
 * <p>Columns: "harness full" is {@code Mode.FULL} (every element against the harness's copy, the
 * learner's loss along three directions) and "harness fast" {@code Mode.FAST}, both without the
 * probes for state kept between calls ({@code Probes.OFF}: the same work as gradcheck, and how a
 * property checks most of its cases); "+ probes" are the same with them, as a property checks its
 * first case and a fixed case is checked. "own loss" is {@code Mode.FULL_OWN_LOSS} with the probes,
 * every element against the learner's own loss (2P + 3 loss calls): the full check as it was.
 */
public final class GradcheckBenchmark {
    /**
     * n0, n1, n2, batch, the number of timed full-check rounds (a 784-64-10 gradcheck takes a
     * minute), and of the classic full check's (0: not timed; on 784-64-10 it makes 101,783 ND4J
     * loss calls, run it with the argument "classic").
     */
    private static final int[][] NETS = {{2, 5, 2, 4, 9, 9}, {10, 16, 3, 8, 5, 5}, {64, 32, 10, 16, 3, 3}, {784, 64, 10, 32, 1, 0}};
    private static final int FAST_ROUNDS = 15;
    private static final String HEADER = "| net | P | torch full | harness full | ratio | full + probes | ratio "
            + "| full, own loss, + probes | ratio | torch fast | harness fast | ratio | fast + probes | ratio | rounds full/own/fast |\n"
            + "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n";
    private static final ThreadMXBean THREAD = ManagementFactory.getThreadMXBean();

    private GradcheckBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String python = args.length > 0 && !args[0].equals("-") ? args[0] : null;
        double scale = args.length > 1 ? Double.parseDouble(args[1]) : 1;
        String only = args.length > 2 ? args[2] : "";
        boolean fastOnly = args.length > 3 && args[3].equals("fast");
        boolean classic = args.length > 3 && args[3].equals("classic");
        Nd4jSetup.ensure();
        Torch torch = python == null ? null : new Torch(python);
        System.out.printf(Locale.ROOT, "harness: NetworkCheck.run on a correct ND4J network (PlainNetwork), OMP_NUM_THREADS=%s, maxPhysicalBytes=%s%n",
                System.getenv("OMP_NUM_THREADS"), System.getProperty("org.bytedeco.javacpp.maxPhysicalBytes", "(default)"));
        System.out.println(torch == null ? "torch: not found (set KATA_TORCH_PYTHON); harness alone"
                : "torch: " + torch.version + ", torch.autograd.gradcheck, default eps/atol/rtol, 1 thread");
        // The JIT and ND4J's first calls: a first row would otherwise carry them.
        for (int i = 0; i < 30; i++) {
            harness(net(2, 5, 2, 4), NetworkCheck.Mode.FAST, NetworkCheck.Probes.OFF);
            harness(net(2, 5, 2, 4), NetworkCheck.Mode.FAST, NetworkCheck.Probes.ON);
            harness(net(10, 16, 3, 8), NetworkCheck.Mode.FULL, NetworkCheck.Probes.ON);
            harness(net(10, 16, 3, 8), NetworkCheck.Mode.FULL_OWN_LOSS, NetworkCheck.Probes.ON);
        }
        System.out.println();
        // Wall time, and CPU time: on a shared machine a process waits for a core as often as it
        // runs, and CPU time (this thread's; the torch worker's process time, one thread) counts
        // only the running.
        StringBuilder wall = new StringBuilder(HEADER);
        StringBuilder cpu = new StringBuilder(HEADER);
        for (int[] n : NETS) {
            String name = n[0] + "-" + n[1] + "-" + n[2];
            if (!only.isEmpty() && !Arrays.asList(only.split(",")).contains(name)) {
                continue;
            }
            NetworkCase c = net(n[0], n[1], n[2], n[3]);
            long p = c.params().elementCount();
            if (torch != null) {
                torch.setUp(n);
            }
            int fullRounds = Math.max(1, (int) Math.round(n[4] * scale));
            int fastRounds = Math.max(1, (int) Math.round(FAST_ROUNDS * scale));
            int classicRounds = n[5] == 0 ? (classic ? 1 : 0) : Math.max(1, (int) Math.round(n[5] * scale));
            // Warm-up, untimed: JIT, the reference graph, torch's first call. Ten of each, as two
            // left 10-16-3's fast check at twice its later CPU time for a whole run of 15 rounds.
            for (int i = 0; i < 10; i++) {
                harness(c, NetworkCheck.Mode.FAST, NetworkCheck.Probes.ON);
                harness(c, NetworkCheck.Mode.FAST, NetworkCheck.Probes.OFF);
            }
            if (torch != null) {
                torch.run("fast");
                torch.run("fast");
            }
            System.err.printf("%s: %d fast rounds, then %d full ...%n", name, fastRounds, fullRounds);
            double[][] fast = rounds(c, NetworkCheck.Mode.FAST, NetworkCheck.Probes.OFF, torch, "fast", fastRounds);
            double[][] probed = rounds(c, NetworkCheck.Mode.FAST, NetworkCheck.Probes.ON, torch, "fast", fastRounds);
            double[][] full = fastOnly ? new double[4][] : rounds(c, NetworkCheck.Mode.FULL, NetworkCheck.Probes.OFF, torch, "full", fullRounds);
            double[][] fullProbed = fastOnly ? new double[4][]
                    : rounds(c, NetworkCheck.Mode.FULL, NetworkCheck.Probes.ON, torch, "full", fullRounds);
            double[][] own = fastOnly || classicRounds == 0 ? new double[4][]
                    : rounds(c, NetworkCheck.Mode.FULL_OWN_LOSS, NetworkCheck.Probes.ON, torch, "full", classicRounds);
            for (int k = 0; k < 2; k++) {
                // Each ratio against the torch calls interleaved with the same harness calls.
                (k == 0 ? wall : cpu).append(String.format(Locale.ROOT,
                        "| %s (m = %d) | %,d | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %d/%d/%d |%n",
                        name, n[3], p, time(full[2 * k + 1]), time(full[2 * k]), ratio(full[2 * k], full[2 * k + 1]),
                        time(fullProbed[2 * k]), ratio(fullProbed[2 * k], fullProbed[2 * k + 1]),
                        time(own[2 * k]), ratio(own[2 * k], own[2 * k + 1]),
                        time(fast[2 * k + 1]), time(fast[2 * k]), ratio(fast[2 * k], fast[2 * k + 1]),
                        time(probed[2 * k]), ratio(probed[2 * k], probed[2 * k + 1]),
                        fastOnly ? 0 : fullRounds, fastOnly ? 0 : classicRounds, fastRounds));
            }
        }
        System.out.println("Wall time, medians:");
        System.out.println(wall);
        System.out.println("CPU time, medians:");
        System.out.print(cpu);
        System.out.println();
        parts(only);
        System.out.println();
        propertyCase();
        if (torch != null) {
            torch.close();
        }
    }

    /**
     * Rounds of (harness, torch) pairs, in seconds: rows 0 and 1 wall time of the harness and
     * torch, rows 2 and 3 their CPU time (NaN without torch).
     */
    private static double[][] rounds(NetworkCase c, NetworkCheck.Mode mode, NetworkCheck.Probes probes, Torch torch, String tmode,
                                     int n) throws IOException {
        double[][] t = new double[4][n];
        for (int i = 0; i < n; i++) {
            double[] h = harness(c, mode, probes);
            double[] o = torch == null ? new double[] {Double.NaN, Double.NaN} : torch.run(tmode);
            t[0][i] = h[0];
            t[1][i] = o[0];
            t[2][i] = h[1];
            t[3][i] = o[1];
        }
        return t;
    }

    /** One check: its wall time and this thread's CPU time, in seconds. */
    private static double[] harness(NetworkCase c, NetworkCheck.Mode mode, NetworkCheck.Probes probes) {
        long c0 = THREAD.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        CaseResult r = NetworkCheck.run(new PlainNetwork(), c, mode, probes);
        double[] s = {(System.nanoTime() - t0) / 1e9, (THREAD.getCurrentThreadCpuTime() - c0) / 1e9};
        if (!r.passed()) {
            throw new IllegalStateException("the harness rejected a correct network: " + r.problems());
        }
        if (mode == NetworkCheck.Mode.FULL && !r.finiteDifferencesOfHarnessCopy()) {
            throw new IllegalStateException("the full check fell back to the learner's own loss on a correct network: its time"
                    + " would be the classic check's");
        }
        return s;
    }

    /** What one call of each part costs, warm: the learner's loss and gradients, and the reference. */
    private static void parts(String only) {
        System.out.println("| net | loss() | gradients() | reference (SameDiff) |");
        System.out.println("|---|---|---|---|");
        PlainNetwork net = new PlainNetwork();
        for (int[] n : NETS) {
            String name = n[0] + "-" + n[1] + "-" + n[2];
            if (!only.isEmpty() && !Arrays.asList(only.split(",")).contains(name)) {
                continue;
            }
            NetworkCase c = net(n[0], n[1], n[2], n[3]);
            int rounds = 41;
            double[][] t = new double[3][rounds];
            for (int i = -10; i < rounds; i++) {
                long t0 = System.nanoTime();
                net.loss(c);
                long t1 = System.nanoTime();
                net.gradients(c);
                long t2 = System.nanoTime();
                Reference.evaluate(c);
                long t3 = System.nanoTime();
                if (i >= 0) {
                    t[0][i] = (t1 - t0) / 1e9;
                    t[1][i] = (t2 - t1) / 1e9;
                    t[2][i] = (t3 - t2) / 1e9;
                }
            }
            System.out.printf(Locale.ROOT, "| %s (m = %d) | %s | %s | %s |%n", name, n[3], time(t[0]), time(t[1]), time(t[2]));
        }
    }

    /** A property case of exercise 04 (its case space, fast mode), warm: generation plus the check. */
    private static void propertyCase() {
        CaseSpace space = CaseSpace.networks().withHiddenLayers(1, 1).withInputs(1, 4).withWidth(1, 6).withOutputs(1, 3).withBatch(1, 6)
                .withHiddenActivations(Activation.SIGMOID)
                .withHeads(CaseSpace.Head.of(Activation.SIGMOID, Loss.MSE), CaseSpace.Head.of(Activation.SIGMOID, Loss.BCE))
                .withBiases(CaseSpace.Biases.ALWAYS);
        PlainNetwork net = new PlainNetwork();
        for (int i = 0; i < 50; i++) {
            NetworkCheck.run(net, CaseGenerator.generate(space, 1000 + i), NetworkCheck.Mode.FAST, NetworkCheck.Probes.OFF);
            NetworkCheck.run(net, CaseGenerator.generate(space, 1000 + i), NetworkCheck.Mode.FAST, NetworkCheck.Probes.ON);
        }
        int n = 200;
        double[][] t = new double[2][n];
        for (int i = 0; i < n; i++) {
            // Alternated, so that load falls on both alike.
            for (int k = 0; k < 2; k++) {
                long t0 = System.nanoTime();
                CaseResult r = NetworkCheck.run(net, CaseGenerator.generate(space, 5000 + i), NetworkCheck.Mode.FAST,
                        k == 0 ? NetworkCheck.Probes.OFF : NetworkCheck.Probes.ON);
                t[k][i] = (System.nanoTime() - t0) / 1e9;
                if (!r.passed()) {
                    throw new IllegalStateException("the harness rejected a correct network: " + r.problems());
                }
            }
        }
        System.out.printf(Locale.ROOT, "two-layer property case (exercise 04's case space, fast check, warm, %d cases, wall): median %s,"
                + " with the probes (a property's first case) %s%n", n, time(t[0]), time(t[1]));
    }

    /** Sigmoid hidden layer, softmax cross-entropy; weights N(0, 1/fan-in), one-hot targets, fixed seed. */
    public static NetworkCase net(int n0, int n1, int n2, int m) {
        NetSpec spec = NetSpec.of(n0, n1, n2).withHead(Activation.SOFTMAX, Loss.SOFTMAX_CE);
        SplittableRandom rng = new SplittableRandom(42);
        Tensors p = Tensors.of("W1", gaussian(rng, n0, n1, 1 / Math.sqrt(n0)), "b1", gaussian(rng, 1, n1, 0.1),
                "W2", gaussian(rng, n1, n2, 1 / Math.sqrt(n1)), "b2", gaussian(rng, 1, n2, 0.1));
        INDArray x = gaussian(rng, m, n0, 1);
        INDArray y = Nd4j.zeros(DataType.DOUBLE, m, n2);
        for (int i = 0; i < m; i++) {
            y.putScalar(i, rng.nextInt(n2), 1.0);
        }
        return new NetworkCase(spec, p, x, y, "benchmark " + n0 + "-" + n1 + "-" + n2);
    }

    private static INDArray gaussian(SplittableRandom rng, int rows, int cols, double sd) {
        double[] v = new double[rows * cols];
        for (int i = 0; i < v.length; i++) {
            v[i] = sd * Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
        }
        return Nd4j.createFromArray(v).reshape(rows, cols);
    }

    static double median(double[] t) {
        if (t == null) {
            return Double.NaN;
        }
        double[] s = t.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    static String time(double[] t) {
        double s = median(t);
        if (Double.isNaN(s)) {
            return "–";
        }
        return s >= 1 ? String.format(Locale.ROOT, "%.2f s", s)
                : String.format(Locale.ROOT, s >= 0.01 ? "%.1f ms" : "%.2f ms", s * 1000);
    }

    static String ratio(double[] harness, double[] torch) {
        double r = median(harness) / median(torch);
        return Double.isNaN(r) ? "–" : String.format(Locale.ROOT, r < 10 ? "%.2f×" : "%.0f×", r);
    }

    /** A Python process running bench/gradcheck_worker.py, one command per line. */
    @SuppressWarnings("try") // close() waits for the worker to exit, so it may be interrupted
    private static final class Torch implements AutoCloseable {
        private final Process process;
        private final PrintWriter in;
        private final BufferedReader out;
        final String version;

        Torch(String python) throws IOException {
            process = new ProcessBuilder(python, "-u", "bench/gradcheck_worker.py").redirectError(ProcessBuilder.Redirect.INHERIT).start();
            in = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
            out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            version = ask("version");
        }

        void setUp(int[] n) throws IOException {
            ask("net " + n[0] + " " + n[1] + " " + n[2] + " " + n[3]);
        }

        /** Wall and CPU seconds of one gradcheck call. */
        double[] run(String mode) throws IOException {
            String[] w = ask(mode).split(" ");
            return new double[] {Double.parseDouble(w[0]), Double.parseDouble(w[1])};
        }

        private String ask(String line) throws IOException {
            in.println(line);
            String reply = out.readLine();
            if (reply == null || reply.startsWith("error")) {
                throw new IOException("the torch worker answered " + reply + " to " + line);
            }
            return reply;
        }

        @Override
        public void close() throws InterruptedException {
            in.println("quit");
            process.waitFor();
        }
    }
}
