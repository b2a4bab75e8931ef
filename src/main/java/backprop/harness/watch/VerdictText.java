package backprop.harness.watch;

import java.util.List;
import java.util.Locale;

import backprop.harness.junit.FailureText;
import backprop.harness.junit.LearnerCode;
import backprop.harness.junit.ProgressText;
import backprop.harness.junit.RunRecord;

/** Watch mode's verdicts: a failing exercise's (its line, the first report), and an exercise checked again's one line. */
final class VerdictText {
    private VerdictText() {
    }

    /** The progress line, then the first failure in reading order, or what the stubs ask for. */
    static String failing(String exercise, RunRecord.Tally t, String took, LearnerCode code) {
        StringBuilder sb = new StringBuilder(ProgressText.line(exercise, t, false).strip()).append("   ").append(took).append("\n\n");
        if (ProgressText.notStarted(t)) {
            return sb.append(ProgressText.stubRequests(t, code)).toString();
        }
        List<RunRecord.Failure> failures = ProgressText.inReadingOrder(t);
        RunRecord.Failure first = failures.get(0);
        sb.append("✗ ").append(first.name()).append('\n').append(FailureText.of(first, code)).append('\n');
        if (failures.size() > 1) {
            List<String> others = failures.stream().skip(1).map(f -> f.method() == null ? f.name() : f.method()).toList();
            sb.append("\nand ").append(others.size()).append(" more failing: ")
                    .append(String.join(", ", others.subList(0, Math.min(3, others.size()))))
                    .append(others.size() > 3 ? ", … (mvn test shows every report)" : "").append('\n');
        }
        return sb.toString();
    }

    /** "  ✗ 06-batches-and-scaling   3 of  9 tests pass   first failing: BatchesTest.…": its own save shows the report. */
    static String userLine(String user, ExerciseRunner.Result r, double limit) {
        RunRecord.Tally t = r.record().exercises().get(user);
        if (r.overrun() != null) {
            return String.format(Locale.ROOT, "  ✗ %-28s did not return within %.0f s (save one of its files for the details)", user, limit);
        }
        if (t == null) {
            return "  " + user + ": no tests found";
        }
        List<RunRecord.Failure> failing = ProgressText.inReadingOrder(t);
        boolean started = !ProgressText.notStarted(t);
        return ProgressText.line(user, t, false) + (failing.isEmpty() || !started ? "" : "   first failing: " + failing.get(0).name());
    }
}
