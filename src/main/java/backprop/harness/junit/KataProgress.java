package backprop.harness.junit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Ends a run with the failures grouped by exercise and one progress line per exercise (which
 * one to open next). In the learner build the text goes to -Dkata.progress.file, which the
 * build's last step ({@link ProgressGate}) prints after everything else; otherwise it is printed here.
 */
public final class KataProgress implements TestExecutionListener {
    /** First line of the progress file: whether the build passes. */
    static final String PASS = "PASS";
    static final String FAIL = "FAIL";
    /** What the learner build prints first (the README quotes it). */
    public static final String STARTING = "Backprop Kata: running the exercises' tests…\n";

    private final RunRecord run = new RunRecord();

    @Override
    public void testPlanExecutionStarted(TestPlan plan) {
        if (progressFile() != null) {
            // Surefire is silent in the learner build; say that something is happening.
            System.out.println(STARTING);
            System.out.flush();
        }
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        run.finished(id, result, Thread.currentThread().getContextClassLoader());
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        String text = ProgressText.of(run, LearnerCode.fromSystemProperties());
        if (progressFile() == null) {
            System.out.print(text + totals());
            System.out.flush();
            return;
        }
        try {
            Path p = progressFile();
            Files.createDirectories(p.toAbsolutePath().getParent());
            Files.writeString(p, (run.allPass() ? PASS : FAIL) + "\n" + text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            System.out.print(text);
        }
    }

    private String totals() {
        int run = this.run.elsewhere().run();
        int failed = this.run.elsewhere().failures().size();
        for (RunRecord.Tally t : this.run.exercises().values()) {
            run += t.run();
            failed += t.failures().size();
        }
        return "tests: " + (run - failed) + " passed, " + failed + " failed, " + this.run.skipped() + " skipped\n";
    }

    private static Path progressFile() {
        String file = System.getProperty("kata.progress.file");
        return file == null || file.isBlank() ? null : Path.of(file);
    }
}
