package backprop.harness.junit;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The text that ends a run: the failures grouped by exercise in folder order, each report once,
 * then one progress line per exercise. An exercise whose every failure is a stub's "not
 * implemented yet" is not started: it shows no reports, except the next exercise, which lists
 * what its stubs ask for.
 */
public final class ProgressText {
    private ProgressText() {
    }

    public static String of(RunRecord run, LearnerCode code) {
        StringBuilder sb = new StringBuilder();
        String next = run.next();
        for (Map.Entry<String, RunRecord.Tally> e : run.exercises().entrySet()) {
            RunRecord.Tally t = e.getValue();
            if (t.failures().isEmpty()) {
                continue;
            }
            if (notStarted(t)) {
                if (e.getKey().equals(next)) {
                    sb.append(header(e.getKey() + ": not started")).append(stubRequests(t, code));
                }
                continue;
            }
            sb.append(header(e.getKey() + ": " + t.failures().size() + " of " + t.run() + " tests fail"));
            failures(sb, t, code);
        }
        if (!run.elsewhere().failures().isEmpty()) {
            sb.append(header("tests outside the exercises: " + run.elsewhere().failures().size() + " fail"));
            failures(sb, run.elsewhere(), code);
        }
        return sb.append(summary(run)).toString();
    }

    /** One line per exercise, the next one marked. */
    public static String summary(RunRecord run) {
        if (run.exercises().isEmpty()) {
            return run.elsewhere().failures().isEmpty() ? ""
                    : "FAILED: " + run.elsewhere().failures().size() + " test(s) outside the exercises failed (see above).\n";
        }
        StringBuilder sb = new StringBuilder("\nBackprop Kata: your progress\n");
        String next = run.next();
        for (Map.Entry<String, RunRecord.Tally> e : run.exercises().entrySet()) {
            sb.append(line(e.getKey(), e.getValue(), e.getKey().equals(next))).append('\n');
        }
        sb.append(next == null ? "  Every exercise that ran passes.\n" : "  Run one exercise alone with the command in its README.\n");
        if (!run.elsewhere().failures().isEmpty()) {
            sb.append("FAILED: ").append(run.elsewhere().failures().size()).append(" test(s) outside the exercises failed (see above).\n");
        }
        return sb.toString();
    }

    /** "✗ 04-two-layer-network   1 of  4 tests pass   ← next: …" */
    public static String line(String exercise, RunRecord.Tally t, boolean next) {
        String s = String.format("  %s %-28s %2d of %2d tests pass", t.allPass() ? "✓" : "✗", exercise, t.passed(), t.run());
        if (next) {
            return s + "   ← next: exercises/" + exercise + "/README.md";
        }
        return notStarted(t) ? s + "   not started" : s;
    }

    /**
     * The failures a learner should read first, first: a mistake in written code before a stub
     * still to write, then in the order the tests stand in their files (JUnit's own order is
     * deliberately arbitrary), by class and the line of the test method that threw.
     */
    public static List<RunRecord.Failure> inReadingOrder(RunRecord.Tally t) {
        return t.failures().stream().sorted(Comparator.comparing((RunRecord.Failure f) -> f.cause() != null && FailureText.isStub(f.cause()))
                .thenComparing(RunRecord.Failure::testClass).thenComparingInt(ProgressText::testLine)).toList();
    }

    private static int testLine(RunRecord.Failure f) {
        if (f.cause() != null) {
            for (StackTraceElement e : f.cause().getStackTrace()) {
                if (e.getClassName().equals(f.testClass())) {
                    return e.getLineNumber();
                }
            }
        }
        return Integer.MAX_VALUE;
    }

    /** Every failure is a stub that still throws, and nothing passes. */
    public static boolean notStarted(RunRecord.Tally t) {
        return t.passed() == 0 && !t.failures().isEmpty()
                && t.failures().stream().allMatch(f -> f.cause() != null && FailureText.isStub(f.cause()));
    }

    private static void failures(StringBuilder sb, RunRecord.Tally t, LearnerCode code) {
        for (RunRecord.Failure f : inReadingOrder(t)) {
            sb.append("✗ ").append(f.name()).append('\n').append(FailureText.of(f, code)).append("\n\n");
        }
    }

    /** The stubs' distinct "not implemented yet: …" lines, in the order of the stubs' files and lines: what to write first. */
    public static String stubRequests(RunRecord.Tally t, LearnerCode code) {
        SortedMap<String, String> lines = new TreeMap<>();
        for (RunRecord.Failure f : t.failures()) {
            for (Throwable c = f.cause(); c != null; c = c.getCause()) {
                String m = c.getMessage();
                int at = m == null ? -1 : m.indexOf("not implemented yet");
                if (at >= 0) {
                    int end = m.indexOf('\n', at);
                    String text = m.substring(at, end < 0 ? m.length() : end).strip();
                    StackTraceElement where = code.firstFrame(c);
                    String key = where == null ? "~" + text : String.format("%s:%06d", where.getFileName(), where.getLineNumber());
                    lines.putIfAbsent(key, text);
                    break;
                }
            }
        }
        StringBuilder sb = new StringBuilder("Its " + t.run() + " tests wait for:\n");
        new LinkedHashSet<>(lines.values()).forEach(l -> sb.append("  ").append(l).append('\n'));
        return sb.toString();
    }

    private static String header(String title) {
        return "── " + title + " " + "─".repeat(Math.max(3, 72 - title.length())) + "\n";
    }
}
