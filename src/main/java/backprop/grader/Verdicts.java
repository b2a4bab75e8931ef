package backprop.grader;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import backprop.harness.sandbox.Violation;

/** Why an exercise scores 0 as a whole, in words a student can act on: forbidden APIs, its JVM's end, finite differences. */
final class Verdicts {
    private Verdicts() {
    }

    static String forbidden(String exercise, List<Violation> found) {
        StringBuilder sb = new StringBuilder(exercise + " scores 0: its code uses ")
                .append(found.size() == 1 ? "an API" : found.size() + " APIs").append(" the grader does not allow, so it was not run.\n");
        found.stream().limit(20).forEach(v -> sb.append("  ").append(v.describe()).append('\n'));
        if (found.size() > 20) {
            sb.append("  … and ").append(found.size() - 20).append(" more\n");
        }
        sb.append("Allowed: the Java language, java.util, Math, System.out, INDArray, the Nd4j factories, Transforms, NDArrayIndex,\n"
                + "DataType and backprop.harness.api. Your own `mvn test` prints the same list (\"this would score 0 when graded\").\n"
                + "Exercises that use this one's classes were graded against its untouched stub.");
        return sb.toString();
    }

    static String jvmProblem(String exercise, ExerciseJvm.Run run, TestCatalog catalog, Assignment assignment) {
        String during = run.running == null ? "" : ", during \"" + nameOf(catalog, exercise, run.running) + "\"";
        if (run.timedOut) {
            int limit = assignment.timeLimit(exercise);
            return exercise + " scores 0: its tests did not finish within " + limit + " s"
                    + (run.wallClock ? " of CPU time: it stopped computing, and was ended after " + Math.round(run.seconds)
                            + " s on the clock, waiting" : " of CPU time") + during
                    + ". An endless loop, or code that waits for something? Every other exercise was graded as usual.";
        }
        if (run.fatal != null) {
            String[] f = run.fatal.split("\u0000", 2);
            String what = f[0].equals("stackoverflow") ? "the stack overflowed (StackOverflowError): a method that calls itself without end?"
                    : "the JVM ran out of memory: arrays that grow without end, or kept from every iteration?";
            return exercise + " scores 0: " + what + " (in \"" + (f.length > 1 ? f[1] : "?") + "\")";
        }
        if (!run.done) {
            String err = run.stderrTail + run.stdoutTail;
            if (err.contains("OutOfMemoryError")) {
                return exercise + " scores 0: the JVM ran out of memory (heap capped at " + assignment.heap(exercise) + " MB)" + during
                        + ": arrays that grow without end, or kept from every iteration?";
            }
            if (err.contains("StackOverflowError")) {
                return exercise + " scores 0: the stack overflowed" + during + ": a method that calls itself without end?";
            }
            if (err.contains("A fatal error has been detected") || run.exitCode == 134 || run.exitCode == 139) {
                return exercise + " scores 0: the JVM crashed (exit code " + run.exitCode + ")" + during + ".";
            }
            return exercise + " scores 0: its JVM ended before its tests finished (exit code " + run.exitCode + ")" + during
                    + ". Does your code end the JVM (System.exit, Runtime.halt)?";
        }
        return null;
    }

    static String numerical(String exercise, ExerciseJvm.Run run, List<Instrumenter.Site> sites) {
        // Only sites in the exercise's own code count: another exercise's code is judged in its own grading.
        // The site named is one in a method the learner wrote (forward, loss), not a constructor or a lambda.
        List<String[]> own = new ArrayList<>();
        for (String[] f : run.numerical) {
            int site = Integer.parseInt(f[0]);
            if (site < sites.size() && exercise.equals(sites.get(site).exercise())) {
                own.add(f);
            }
        }
        own.sort(Comparator.comparingInt((String[] f) -> synthetic(sites.get(Integer.parseInt(f[0])).method()) ? 1 : 0)
                .thenComparing(f -> -Double.parseDouble(f[1])));
        for (String[] f : own) {
            Instrumenter.Site s = sites.get(Integer.parseInt(f[0]));
            return exercise + " scores 0: its gradients come from evaluating the loss again and again (numerical differentiation),"
                    + " not from backpropagation.\n"
                    + "  For one call of the gradients on a network with " + f[3] + " parameters (batch of " + f[5] + "), "
                    + s.describe() + " ran " + Math.round(Double.parseDouble(f[1])) + " times as often as for one loss;"
                    + " with " + f[4] + " parameters, " + Math.round(Double.parseDouble(f[2])) + " times.\n"
                    + "  Backpropagation runs the forward computation once, whatever the number of parameters; finite differences"
                    + " run it about twice per parameter. Write the backward pass the exercise's README describes.";
        }
        return null;
    }

    static String containerReason(ExerciseJvm.Run run, TestCatalog.GradedTest t) {
        for (Map.Entry<String, String> c : run.containers.entrySet()) {
            if (t.uniqueId().startsWith(c.getKey())) {
                return ": the test class failed before it:\n" + c.getValue();
            }
        }
        return ": its JVM reported no result for it.";
    }

    private static boolean synthetic(String method) {
        return method.startsWith("<") || method.startsWith("lambda$") || method.startsWith("access$");
    }

    private static String nameOf(TestCatalog catalog, String exercise, String uniqueId) {
        return catalog.tests(exercise).stream().filter(t -> uniqueId.startsWith(t.uniqueId())).map(TestCatalog.GradedTest::name)
                .findFirst().orElse(uniqueId);
    }

}
