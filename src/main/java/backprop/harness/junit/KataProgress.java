package backprop.harness.junit;

import java.util.Map;
import java.util.TreeMap;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Prints, after a run, one line per exercise: how many of its tests pass, and where to start.
 * A learner's first `mvn test` fails every exercise; this tells them which one to open.
 */
public final class KataProgress implements TestExecutionListener {
    /** Passed and run counts per exercise folder, in folder order. */
    private final Map<String, int[]> counts = new TreeMap<>();
    private int failedElsewhere;

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (!id.isTest() || id.getSource().isEmpty() || !(id.getSource().get() instanceof MethodSource)) {
            return;
        }
        String exercise = exerciseOf(((MethodSource) id.getSource().get()).getClassName());
        if (exercise == null) {
            if (result.getStatus() == TestExecutionResult.Status.FAILED) {
                failedElsewhere++; // ABORTED is a skipped test (an unmet assumption), not a failure
            }
            return;
        }
        int[] c = counts.computeIfAbsent(exercise, k -> new int[2]);
        c[1]++;
        if (result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
            c[0]++;
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        String text = summary();
        String file = System.getProperty("kata.progress.file");
        if (file == null) {
            System.out.print(text);
            System.out.flush();
            return;
        }
        // The build prints it after the test results (ProgressGate), so it is the last thing on screen.
        try {
            java.nio.file.Path p = java.nio.file.Path.of(file);
            java.nio.file.Files.createDirectories(p.getParent());
            java.nio.file.Files.writeString(p, text, java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            System.out.print(text);
        }
    }

    private String summary() {
        if (counts.isEmpty()) {
            return failedElsewhere == 0 ? "" : "FAILED: " + failedElsewhere + " test(s) outside the exercises failed (see above).\n";
        }
        StringBuilder sb = new StringBuilder("\nBackprop Kata: your progress\n");
        String next = null;
        for (Map.Entry<String, int[]> e : counts.entrySet()) {
            int[] c = e.getValue();
            boolean done = c[0] == c[1];
            sb.append(String.format("  %s %-28s %2d of %2d tests pass", done ? "✓" : "✗", e.getKey(), c[0], c[1]));
            if (!done && next == null) {
                next = e.getKey();
                sb.append("   ← next: exercises/").append(next).append("/README.md");
            }
            sb.append('\n');
        }
        sb.append(next == null ? "  Every exercise that ran passes.\n" : "  Run one exercise alone with the command in its README.\n");
        if (failedElsewhere > 0) {
            sb.append("FAILED: ").append(failedElsewhere).append(" test(s) outside the exercises failed (see above).\n");
        }
        return sb.toString();
    }

    private static String exerciseOf(String className) {
        try {
            Exercise ex = Class.forName(className, false, Thread.currentThread().getContextClassLoader()).getAnnotation(Exercise.class);
            return ex == null ? null : ex.value();
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }
}
