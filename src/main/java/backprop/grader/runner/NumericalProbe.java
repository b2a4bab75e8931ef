package backprop.grader.runner;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

import backprop.harness.cases.CaseGenerator;
import backprop.harness.cases.CaseSpace;
import backprop.harness.cases.NetworkCase;
import backprop.harness.check.NetworkUnderTest;

/**
 * Tells backpropagation from numerical differentiation by counting. Backprop runs the forward
 * computation a fixed number of times per gradients() call, whatever the network's size; finite
 * differences run it about twice per parameter. So for each call site of learner code that one
 * loss() call executes L times, the probe counts its executions G in one gradients() call, on a
 * small and a large network with the same batch size: G / L growing with the parameter count P,
 * to P / 4 or more, is the signature of finite differences. Per-sample loops and per-element
 * helpers leave G / L constant (the batch size is held fixed), so correct code is not flagged.
 */
public final class NumericalProbe {
    /** A ratio this large cannot come from a backward pass that reuses one forward pass. */
    static final double MIN_RATIO = 16;
    static final int DRAWS = 64;

    /** One flagged call site: its id, the executions ratio on the large and the small network, and their sizes. */
    public record Finding(int site, double ratioLarge, double ratioSmall, long paramsLarge, long paramsSmall, int batch) { }

    /** What a probe found, and how many pairs of networks it compared (0: it could not judge). */
    public record Outcome(List<Finding> findings, int pairsCompared) { }

    private NumericalProbe() {
    }

    /** Every call site that behaves like finite differences, for any network adapter and case space in {@code classes}. */
    public static Outcome run(List<Class<?>> classes, int sites) {
        return run(classes, sites, 1);
    }

    /** As {@link #run(List, int)}, over {@code rounds} disjoint sets of drawn cases (the grader's own tests use many). */
    public static Outcome run(List<Class<?>> classes, int sites, int rounds) {
        List<NetworkUnderTest> nets = new ArrayList<>();
        List<CaseSpace> spaces = new ArrayList<>();
        for (Class<?> c : classes) {
            collect(c, nets, spaces);
        }
        List<Finding> out = new ArrayList<>();
        int compared = 0;
        for (NetworkUnderTest net : nets) {
            for (CaseSpace space : spaces) {
                for (int round = 0; round < rounds; round++) {
                    try {
                        compared += probe(net, space, sites, round * (long) DRAWS, out) ? 1 : 0;
                    } catch (RuntimeException | StackOverflowError | LinkageError e) {
                        break; // Code that throws is judged by the tests; the probe only judges code that runs.
                    }
                }
            }
        }
        return new Outcome(out, compared);
    }

    /** Whether the pair of networks was compared (false: too little spread in sizes to judge). */
    private static boolean probe(NetworkUnderTest net, CaseSpace space, int sites, long firstSeed, List<Finding> out) {
        NetworkCase large = null;
        for (long seed = firstSeed + 1; seed <= firstSeed + DRAWS; seed++) {
            NetworkCase c = CaseGenerator.generate(space, seed);
            if (large == null || size(c) > size(large)) {
                large = c;
            }
        }
        NetworkCase small = null;
        for (long seed = firstSeed + 1; seed <= firstSeed + DRAWS; seed++) {
            NetworkCase c = CaseGenerator.generate(space, seed);
            if (c.m() == large.m() && (small == null || size(c) < size(small))) {
                small = c;
            }
        }
        if (small == null || size(large) < 20 || size(large) < 3 * size(small)) {
            return false; // too little spread in sizes to tell a constant from a count that grows
        }
        double[] ratioLarge = ratios(net, large, sites);
        double[] ratioSmall = ratios(net, small, sites);
        double threshold = Math.max(MIN_RATIO, size(large) / 4.0);
        for (int s = 0; s < sites; s++) {
            if (ratioLarge[s] >= threshold && ratioLarge[s] >= 2 * ratioSmall[s]) {
                out.add(new Finding(s, ratioLarge[s], ratioSmall[s], size(large), size(small), large.m()));
            }
        }
        return true;
    }

    /** Per site: executions in one gradients() call over executions in one loss() call (0 where loss() never runs it). */
    private static double[] ratios(NetworkUnderTest net, NetworkCase c, int sites) {
        NetworkCase forLoss = c.copy();
        NetworkCase forGradients = c.copy();
        int[] loss;
        int[] grad;
        CallSites.start(sites);
        try {
            net.loss(forLoss);
        } finally {
            loss = CallSites.stop();
        }
        CallSites.start(sites);
        try {
            net.gradients(forGradients);
        } finally {
            grad = CallSites.stop();
        }
        double[] r = new double[sites];
        for (int s = 0; s < sites; s++) {
            r[s] = loss[s] == 0 ? 0 : (double) grad[s] / loss[s];
        }
        return r;
    }

    private static long size(NetworkCase c) {
        return c.params().elementCount();
    }

    private static void collect(Class<?> c, List<NetworkUnderTest> nets, List<CaseSpace> spaces) {
        for (Field f : c.getDeclaredFields()) {
            if (!Modifier.isStatic(f.getModifiers())) {
                continue;
            }
            try {
                if (NetworkUnderTest.class.isAssignableFrom(f.getType())) {
                    f.setAccessible(true);
                    Object v = f.get(null);
                    if (v != null) {
                        nets.add((NetworkUnderTest) v);
                    }
                } else if (f.getType() == CaseSpace.class) {
                    f.setAccessible(true);
                    Object v = f.get(null);
                    if (v != null) {
                        spaces.add((CaseSpace) v);
                    }
                }
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                // a field the probe cannot read is one fewer adapter to probe
            }
        }
        if (NetworkUnderTest.class.isAssignableFrom(c) && !c.isInterface() && !Modifier.isAbstract(c.getModifiers())) {
            try {
                Constructor<?> k = c.getDeclaredConstructor();
                k.setAccessible(true);
                nets.add((NetworkUnderTest) k.newInstance());
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                // adapters that need arguments are reached through the tests' static fields
            }
        }
    }
}
