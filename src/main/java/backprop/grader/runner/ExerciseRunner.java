package backprop.grader.runner;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.opentest4j.AssertionFailedError;

import backprop.grader.Signed;
import backprop.harness.core.Nd4jSetup;

/**
 * Runs one exercise's tests in a JVM of its own and reports each test to the grader as a signed
 * line on stdout. The key is read from stdin first, before any learner class loads; the learner's
 * System.out is sent to stderr, so stdout carries the runner's lines only (and any line that is
 * not signed is dropped by the grader anyway).
 *
 * <p>Arguments: exercise, call-site count (0: no probe), then test class names; a class name after
 * "--probe-only" is searched for network adapters but not run as tests.
 */
public final class ExerciseRunner {
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[;\\d]*[ -/]*[@-~]");
    private static final int MAX_MESSAGE = 20_000;

    private static byte[] key;
    private static PrintStream channel;
    private static long seq;

    private ExerciseRunner() {
    }

    public static void main(String[] args) throws Exception {
        key = HexFormat.of().parseHex(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII)).readLine().trim());
        System.setIn(InputStream.nullInputStream());
        channel = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream toStderr = new PrintStream(new FileOutputStream(FileDescriptor.err) {
            @Override
            public void close() {
                // the learner's System.out.close() must not close the JVM's stderr
            }
        }, true, StandardCharsets.UTF_8);
        System.setOut(toStderr);
        emit("start");

        int sites = Integer.parseInt(args[1]);
        List<String> testClasses = new ArrayList<>();
        List<String> probeOnly = new ArrayList<>();
        boolean helpers = false;
        for (int i = 2; i < args.length; i++) {
            if (args[i].equals("--probe-only")) {
                helpers = true;
            } else {
                (helpers ? probeOnly : testClasses).add(args[i]);
            }
        }
        Nd4jSetup.ensure();
        if (sites > 0) {
            probe(sites, testClasses, probeOnly);
        }
        runTests(testClasses);
        emit("done");
        channel.flush();
        // Whatever the learner's code left running (threads, hooks) ends here, before it can write anything.
        ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
        Runtime.getRuntime().halt(0);
    }

    private static void probe(int sites, List<String> testClasses, List<String> probeOnly) {
        List<Class<?>> classes = new ArrayList<>();
        for (String name : concat(testClasses, probeOnly)) {
            try {
                classes.add(Class.forName(name, true, ExerciseRunner.class.getClassLoader()));
            } catch (ClassNotFoundException | LinkageError | RuntimeException e) {
                // a class that does not load is reported by the tests
            }
        }
        for (NumericalProbe.Finding f : NumericalProbe.run(classes, sites).findings()) {
            emit("numerical", Integer.toString(f.site()), Double.toString(f.ratioLarge()), Double.toString(f.ratioSmall()),
                    Long.toString(f.paramsLarge()), Long.toString(f.paramsSmall()), Integer.toString(f.batch()));
        }
    }

    private static void runTests(List<String> testClasses) {
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request();
        for (String c : testClasses) {
            request.selectors(DiscoverySelectors.selectClass(c));
        }
        LauncherDiscoveryRequest r = request.configurationParameter("junit.jupiter.extensions.autodetection.enabled", "false").build();
        Launcher launcher = LauncherFactory.create();
        launcher.execute(r, new Reporter());
    }

    /**
     * Collects each graded test's outcome and emits it when it ends: a test method, or a
     * parameterised method over all its invocations ({@link Invocations}: one item, passed only
     * when every case passed).
     */
    private static final class Reporter implements TestExecutionListener {
        private TestPlan plan;
        private final Map<String, String> failures = new LinkedHashMap<>();
        private final Map<String, Invocations> invocations = new LinkedHashMap<>();

        @Override
        public void testPlanExecutionStarted(TestPlan testPlan) {
            plan = testPlan;
        }

        @Override
        public void executionStarted(TestIdentifier id) {
            if (isGraded(id)) {
                emit("running", id.getUniqueId());
            }
        }

        @Override
        public void executionSkipped(TestIdentifier id, String reason) {
            if (isGraded(id)) {
                emit("test", id.getUniqueId(), "failed", "This test was skipped: " + reason, "0", "0");
            }
        }

        @Override
        public void executionFinished(TestIdentifier id, TestExecutionResult result) {
            Optional<Throwable> t = result.getThrowable();
            boolean ok = result.getStatus() == TestExecutionResult.Status.SUCCESSFUL;
            String message = ok ? null : t.map(ExerciseRunner::describe).orElse("failed (" + result.getStatus() + ")");
            if (t.isPresent() && fatal(t.get()) != null) {
                emit("fatal", fatal(t.get()), id.getDisplayName());
            }
            Optional<TestIdentifier> graded = gradedAncestor(id);
            if (graded.isPresent() && !graded.get().equals(id) && id.isTest()) {
                invocations.computeIfAbsent(graded.get().getUniqueId(), k -> new Invocations()).add(id.getDisplayName(), message);
            } else if (!ok && graded.isPresent()) {
                failures.putIfAbsent(graded.get().getUniqueId(), message);
            } else if (!ok) {
                emit("container", id.getUniqueId(), message);
            }
            if (isGraded(id)) {
                String failure = failures.get(id.getUniqueId());
                Invocations cases = invocations.remove(id.getUniqueId());
                if (cases == null) {
                    emit("test", id.getUniqueId(), failure == null ? "passed" : "failed", failure == null ? "" : failure, "0", "0");
                } else {
                    boolean passed = failure == null && cases.allPass();
                    String output = failure == null ? cases.output() : failure + "\n\n" + cases.output();
                    emit("test", id.getUniqueId(), passed ? "passed" : "failed", output,
                            Integer.toString(cases.total()), Integer.toString(cases.passed()));
                }
            }
        }

        private boolean isGraded(TestIdentifier id) {
            return id.getSource().filter(MethodSource.class::isInstance).isPresent()
                    && plan.getParent(id).flatMap(p -> p.getSource()).filter(MethodSource.class::isInstance).isEmpty();
        }

        private Optional<TestIdentifier> gradedAncestor(TestIdentifier id) {
            Optional<TestIdentifier> at = Optional.of(id);
            while (at.isPresent()) {
                if (isGraded(at.get())) {
                    return at;
                }
                at = plan.getParent(at.get());
            }
            return Optional.empty();
        }
    }

    /** What the test saw, as text a learner can act on: the harness's report, or the exception with its place in learner code. */
    static String describe(Throwable t) {
        String text;
        if (t instanceof AssertionFailedError || t instanceof AssertionError) {
            text = t.getMessage() == null ? t.toString() : t.getMessage();
        } else {
            StringBuilder sb = new StringBuilder("Your code threw ").append(t.getClass().getName());
            if (t.getMessage() != null) {
                sb.append(": ").append(t.getMessage());
            }
            int shown = 0;
            for (StackTraceElement e : t.getStackTrace()) {
                if (e.getClassName().startsWith("kata.") && shown++ < 6) {
                    sb.append("\n    at ").append(e);
                }
            }
            if (t instanceof NoSuchMethodError || t instanceof NoClassDefFoundError || t instanceof AbstractMethodError) {
                sb.append("\n  A class or method the tests call is missing or has a different signature: keep the"
                        + " exercise's class names and method signatures as the stub declares them.");
            }
            Throwable cause = t.getCause();
            if (cause != null && cause != t) {
                sb.append("\nCaused by: ").append(describe(cause));
            }
            text = sb.toString();
        }
        text = ANSI.matcher(text).replaceAll("");
        return text.length() > MAX_MESSAGE ? text.substring(0, MAX_MESSAGE) + "\n… (report cut at " + MAX_MESSAGE + " characters)" : text;
    }

    /** A failure that means the JVM itself was pushed over (the whole exercise scores 0), or null. */
    static String fatal(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            // The harness may have turned the error into a report: its text still names it.
            String text = String.valueOf(c.getMessage());
            if (c instanceof StackOverflowError || text.contains("java.lang.StackOverflowError")) {
                return "stackoverflow";
            }
            if (c instanceof OutOfMemoryError || text.contains("java.lang.OutOfMemoryError")) {
                return "oom";
            }
        }
        return null;
    }

    private static synchronized void emit(String... fields) {
        channel.println(Signed.line(key, seq++, fields));
        channel.flush();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

}
