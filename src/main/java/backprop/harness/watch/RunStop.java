package backprop.harness.watch;

/**
 * How watch mode stops a run that went past its time limit: {@link LoopChecks} puts a call of
 * {@link #check} at the start of every method and before every backward jump (every loop) of the
 * kata's classes, and once their {@link GenerationLoader} is stopped the next call throws
 * {@link Stopped}. Thread.stop would need no instrumentation, but Java 20 and later refuse it
 * (UnsupportedOperationException) and the kata runs on Java 17 and later.
 */
public final class RunStop {
    private RunStop() {
    }

    /** Called by instrumented code; {@code from} is the calling class, whose loader says which run it belongs to. */
    public static void check(Class<?> from) {
        if (from.getClassLoader() instanceof GenerationLoader g && g.stopped()) {
            throw new Stopped();
        }
    }

    /**
     * An Error, so that a learner's {@code catch (Exception e)} does not swallow it; without a
     * stack trace, since it may be thrown many times while the harness unwinds.
     */
    public static final class Stopped extends Error {
        private static final long serialVersionUID = 1L;

        Stopped() {
            super("stopped by watch mode: the run went past its time limit", null, false, false);
        }
    }
}
