package backprop.harness.junit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestIdentifier;

/**
 * What one run of the tests found: per exercise (in folder order, whatever order the tests ran
 * in) how many tests ran and passed and which failed, and the same for tests outside the
 * exercises. Filled by a launcher listener; read by {@link ProgressText} and by watch mode.
 */
public final class RunRecord {

    /** One failing test (or a test class that failed before its tests could run: method is null). */
    public record Failure(String testClass, String method, Throwable cause) {
        public String name() {
            String simple = testClass.substring(testClass.lastIndexOf('.') + 1);
            return method == null ? simple : simple + "." + method;
        }
    }

    /** The tests of one exercise, or of everything outside the exercises. */
    public static final class Tally {
        private int passed;
        private int run;
        private final List<Failure> failures = new ArrayList<>();

        public int passed() {
            return passed;
        }

        public int run() {
            return run;
        }

        public List<Failure> failures() {
            return failures;
        }

        public boolean allPass() {
            return failures.isEmpty() && passed == run;
        }
    }

    private final Map<String, Tally> exercises = new TreeMap<>();
    private final Tally elsewhere = new Tally();
    private int skipped;

    /** Records a finished test or container; containers count only when they fail (their tests then never ran). */
    public void finished(TestIdentifier id, TestExecutionResult result, ClassLoader loader) {
        Optional<TestSource> source = id.getSource();
        if (source.isEmpty()) {
            return;
        }
        String testClass;
        String method;
        if (id.isTest() && source.get() instanceof MethodSource m) {
            testClass = m.getClassName();
            method = m.getMethodName();
        } else if (id.isContainer() && source.get() instanceof ClassSource c
                && result.getStatus() == TestExecutionResult.Status.FAILED) {
            testClass = c.getClassName();
            method = null;
        } else {
            return;
        }
        if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
            skipped++; // an unmet assumption: neither a pass nor a failure
            return;
        }
        record(exerciseOf(testClass, loader), testClass, method,
                result.getStatus() == TestExecutionResult.Status.SUCCESSFUL ? null : result.getThrowable().orElse(new AssertionError()));
    }

    /** One test's outcome: {@code failure} null when it passed; {@code exercise} null outside the exercises. */
    void record(String exercise, String testClass, String method, Throwable failure) {
        Tally t = exercise == null ? elsewhere : exercises.computeIfAbsent(exercise, k -> new Tally());
        t.run++;
        if (failure == null) {
            t.passed++;
        } else {
            t.failures.add(new Failure(testClass, method, failure));
        }
    }

    /** Exercise folder name to its tally, in folder order. */
    public Map<String, Tally> exercises() {
        return exercises;
    }

    public Tally elsewhere() {
        return elsewhere;
    }

    public int skipped() {
        return skipped;
    }

    public boolean allPass() {
        return elsewhere.allPass() && exercises.values().stream().allMatch(Tally::allPass);
    }

    /** The first exercise (in folder order) that does not pass yet, or null. */
    public String next() {
        return exercises.entrySet().stream().filter(e -> !e.getValue().allPass()).map(Map.Entry::getKey)
                .findFirst().orElse(null);
    }

    /** The exercise folder named by the class's {@link Exercise} annotation, or null. */
    public static String exerciseOf(String className, ClassLoader loader) {
        try {
            Exercise ex = Class.forName(className, false, loader).getAnnotation(Exercise.class);
            return ex == null ? null : ex.value();
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }
}
