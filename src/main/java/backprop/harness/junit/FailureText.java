package backprop.harness.junit;

/**
 * The text of one failing test for a learner: the harness's own report as it is, or for an
 * assertion or exception anywhere else, its message with the line in the learner's file where
 * it was thrown and the test's line that called it (surefire's trimmed trace shows only the latter).
 */
public final class FailureText {
    private FailureText() {
    }

    public static String of(RunRecord.Failure f, LearnerCode code) {
        Throwable e = f.cause();
        if (e == null) {
            return "failed, without saying why";
        }
        while (e instanceof ExceptionInInitializerError && e.getCause() != null) {
            e = e.getCause(); // a static initialiser threw: what it threw is the news
        }
        if (isHarnessReport(e)) {
            return e.getMessage().strip();
        }
        StringBuilder sb = new StringBuilder();
        StackTraceElement learner = learnerFrame(e, code);
        String message = e.getMessage() == null ? "" : e.getMessage().strip();
        if (message.startsWith("Unresolved compilation problem")) {
            sb.append("your code does not compile yet");
            if (learner != null) {
                sb.append(", in ").append(frame(learner));
            }
            sb.append(":\n  ").append(message.substring(message.indexOf(':') + 1).strip().replace("\n", "\n  "));
            return sb.toString();
        }
        if (e instanceof AssertionError) {
            sb.append(message.isEmpty() ? "an assertion failed" : message);
        } else if (isStub(e)) {
            sb.append(message);
        } else {
            sb.append(e.getClass().getSimpleName()).append(message.isEmpty() ? "" : ": " + message);
        }
        if (learner != null) {
            StackTraceElement top = e.getStackTrace().length > 0 ? e.getStackTrace()[0] : null;
            if (top != null && !top.equals(learner) && !(e instanceof AssertionError)) {
                sb.append("\n  thrown in ").append(frame(top)).append(", called from your code at ").append(frame(learner));
            } else {
                sb.append("\n  in your code at ").append(frame(learner));
            }
        }
        StackTraceElement test = testFrame(e, f.testClass());
        if (test != null) {
            sb.append("\n  ").append(e instanceof AssertionError && learner == null ? "checked at " : "from the test at ")
                    .append(test.getFileName()).append(':').append(test.getLineNumber());
        }
        return sb.toString();
    }

    /** A stub's "not implemented yet", thrown directly or reported by the harness. */
    public static boolean isStub(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("not implemented yet")) {
                return true;
            }
        }
        return false;
    }

    /** The harness's reports are complete texts: the check that threw is in the harness. */
    private static boolean isHarnessReport(Throwable e) {
        StackTraceElement[] trace = e.getStackTrace();
        return e instanceof AssertionError && e.getMessage() != null && trace.length > 0
                && trace[0].getClassName().startsWith("backprop.harness.");
    }

    private static StackTraceElement learnerFrame(Throwable e, LearnerCode code) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            StackTraceElement f = code.firstFrame(t);
            if (f != null) {
                return f;
            }
        }
        return null;
    }

    private static StackTraceElement testFrame(Throwable e, String testClass) {
        for (StackTraceElement f : e.getStackTrace()) {
            if (f.getClassName().equals(testClass) || f.getClassName().startsWith(testClass + "$")) {
                return f;
            }
        }
        return null;
    }

    private static String frame(StackTraceElement f) {
        String cls = f.getClassName().substring(f.getClassName().lastIndexOf('.') + 1);
        return cls + "." + f.getMethodName() + "(" + f.getFileName() + ":" + f.getLineNumber() + ")";
    }
}
