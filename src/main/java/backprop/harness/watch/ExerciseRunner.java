package backprop.harness.watch;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

import backprop.harness.junit.RunRecord;

/**
 * Runs one exercise's tests, loaded fresh from the last compilation, with the JUnit Platform, on
 * a thread of their own under a time limit ({@link Overrun} when they pass it).
 */
final class ExerciseRunner {
    /** After a stop, how long the run may take to unwind (the harness finishes the test it was in) before it is left behind. */
    static final long UNWIND_MS = 10_000;
    /** CPU time that counts as computing: on a machine with 27 runnable threads per 2 cores a thread still gets 7 % of one. */
    private static final double IDLE_PROGRESS_SECONDS = 0.1;

    /** A run stopped at its limit: which test, how long it had computed, where it was. {@code ended}: it unwound in time. */
    record Overrun(String test, double cpuSeconds, double limitSeconds, StackTraceElement[] stack, boolean ended, double unwindSeconds) { }

    /** What a run found, whether it had to be stopped (overrun null: it ended by itself), and the CPU time its thread used. */
    record Result(RunRecord record, Overrun overrun, double cpuSeconds) { }

    private final Path classes;
    private Launcher launcher = newLauncher();

    ExerciseRunner(Path classes) {
        this.classes = classes;
    }

    // Without the listeners found on the class path: the build's progress listener would print its
    // summary after every run. The verdict is printed by watch mode instead.
    private static Launcher newLauncher() {
        return LauncherFactory.create(LauncherConfig.builder().enableTestExecutionListenerAutoRegistration(false).build());
    }

    /**
     * Runs the exercise's tests; stops them once their thread has used {@code limitSeconds} of CPU
     * time, or has computed nothing for as long on the clock (code that waits): CPU time, so that a
     * correct exercise on a busy machine, which gets a sliver of a core, is not cut short.
     */
    Result run(String exercise, List<Path> packages, double limitSeconds) {
        return run(java.util.Set.of(exercise), packages, limitSeconds, "kata-tests-" + exercise);
    }

    /** Several exercises' tests in one run, into one record (as the learner build runs them all). */
    Result run(java.util.Set<String> exercises, List<Path> packages, double limitSeconds, String threadName) {
        GenerationLoader loader = new GenerationLoader(classes, getClass().getClassLoader());
        RunRecord record = new RunRecord();
        List<ClassSelector> selectors = new ArrayList<>();
        try {
            for (String name : testClasses(packages)) {
                if (exercises.contains(RunRecord.exerciseOf(name, loader))) {
                    selectors.add(selectClass(loader.loadClass(name)));
                }
            }
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("a test class listed a moment ago is gone: " + e.getMessage(), e);
        }
        if (selectors.isEmpty()) {
            return new Result(record, null, 0);
        }
        String[] running = {null};
        Launcher l = launcher;
        RuntimeException[] failed = {null};
        double[] cpu = {0};
        Thread thread = new Thread(() -> {
            try {
                l.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectors).build(), new TestExecutionListener() {
                    @Override
                    public void executionStarted(TestIdentifier id) {
                        if (id.isTest() && id.getSource().orElse(null) instanceof MethodSource m) {
                            running[0] = m.getClassName().substring(m.getClassName().lastIndexOf('.') + 1) + "." + m.getMethodName();
                        }
                    }

                    @Override
                    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                        record.finished(id, result, loader);
                    }
                });
            } catch (RuntimeException e) {
                failed[0] = e;
            } finally {
                cpu[0] = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1e9;
            }
        }, threadName);
        thread.setContextClassLoader(loader);
        thread.setDaemon(true); // one left behind must not keep Ctrl-C from ending watch mode
        Overrun overrun = watch(thread, limitSeconds, running, loader);
        if (overrun != null && !overrun.ended()) {
            launcher = newLauncher(); // the one left behind is still executing
        }
        if (failed[0] != null) {
            throw failed[0];
        }
        return new Result(record, overrun, overrun == null ? cpu[0] : overrun.cpuSeconds());
    }

    private static Overrun watch(Thread thread, double limitSeconds, String[] running, GenerationLoader loader) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        boolean cpuTime = mx.isThreadCpuTimeSupported() && mx.isThreadCpuTimeEnabled();
        long start = System.nanoTime();
        long lastProgress = start;
        double cpuAtLastProgress = 0;
        thread.start();
        try {
            while (true) {
                thread.join(50);
                if (!thread.isAlive()) {
                    return null;
                }
                long now = System.nanoTime();
                double cpu = cpuTime ? Math.max(0, mx.getThreadCpuTime(thread.getId())) / 1e9 : (now - start) / 1e9;
                if (cpu - cpuAtLastProgress >= IDLE_PROGRESS_SECONDS) {
                    cpuAtLastProgress = cpu;
                    lastProgress = now;
                }
                boolean waiting = (now - lastProgress) / 1e9 > limitSeconds;
                if (cpu > limitSeconds || waiting) {
                    StackTraceElement[] stack = thread.getStackTrace();
                    String test = running[0];
                    loader.stop();
                    long stopped = System.nanoTime();
                    thread.join(UNWIND_MS);
                    return new Overrun(test, cpu, limitSeconds, stack, !thread.isAlive(), (System.nanoTime() - stopped) / 1e9);
                }
            }
        } catch (InterruptedException e) {
            loader.stop();
            Thread.currentThread().interrupt();
            return new Overrun(running[0], 0, limitSeconds, new StackTraceElement[0], false, 0);
        }
    }

    /** Top-level classes in the exercise's packages whose names end in Test. */
    private List<String> testClasses(List<Path> packages) {
        List<String> out = new ArrayList<>();
        for (Path pkg : packages) {
            Path dir = classes.resolve(pkg.toString());
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> s = Files.list(dir)) {
                s.map(p -> p.getFileName().toString()).filter(f -> f.endsWith("Test.class") && !f.contains("$")).sorted()
                        .forEach(f -> out.add(pkg.toString().replace('/', '.').replace('\\', '.') + "." + f.substring(0, f.length() - 6)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }
}
