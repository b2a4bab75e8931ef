package backprop.harness.watch;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import backprop.harness.junit.LearnerCode;

/** The verdict on a run stopped at its time limit: what happened, where the learner's code was, what to do. */
final class OverrunText {
    private OverrunText() {
    }

    static String of(String exercise, ExerciseRunner.Overrun o, LearnerCode code) {
        StringBuilder sb = new StringBuilder("✗ ").append(exercise).append(": your code did not return within ")
                .append(String.format(Locale.ROOT, "%.0f", o.limitSeconds())).append(" s")
                .append(o.test() == null ? "" : ", in " + o.test()).append('\n');
        List<StackTraceElement> learner = new ArrayList<>();
        StackTraceElement kata = null;
        for (StackTraceElement f : o.stack()) {
            if (code.wrote(f.getClassName())) {
                learner.add(f);
            } else if (kata == null && f.getClassName().startsWith("kata.")) {
                kata = f;
            }
        }
        if (!learner.isEmpty()) {
            sb.append("  It was running ").append(frame(learner.get(0)));
            learner.stream().skip(1).limit(3).forEach(f -> sb.append(",\n    called from ").append(frame(f)));
            sb.append(".\n  An endless loop, or one far too slow? Check that each loop there ends (what its condition tests"
                    + " changes inside it)\n  and that a method that calls itself reaches a case where it does not.\n");
        } else if (kata == null) {
            sb.append("  It was not in your code when it was stopped (in the harness or a library, called by the test);"
                    + " a very slow computation?\n");
        } else {
            sb.append("  It was in the test's own code at ").append(frame(kata)).append(", not in yours.\n");
        }
        sb.append(o.ended() ? "  Watch mode stopped that run and keeps watching: save again to check.\n"
                : "  Watch mode keeps watching, but that run could not be stopped (it is inside a library call) and goes on in the"
                        + " background,\n  using a processor: if everything slows down, stop watch mode (Ctrl-C) and start it again.\n");
        return sb.toString();
    }

    /** "TwoLayerNetwork.backward(TwoLayerNetwork.java:42)" */
    private static String frame(StackTraceElement f) {
        String cls = f.getClassName().substring(f.getClassName().lastIndexOf('.') + 1);
        return cls + "." + f.getMethodName() + "(" + f.getFileName() + ":" + f.getLineNumber() + ")";
    }
}
