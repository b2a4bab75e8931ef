package backprop.harness.watch;

/** How long a watch run may compute before it is stopped ({@link ExerciseRunner}). */
final class RunLimit {
    /**
     * CPU seconds a run's test thread may use, per {@link WatchMode#LEARNER_TRIES} tries per
     * property, before watch mode stops it (-Dkata.watch.limit sets the limit itself). With the
     * solutions the slowest exercise, 08, used 1.8–2.2 s of CPU time in four fresh watch JVMs, and
     * a failing 04 (shrinking) 0.9 s (docs/HARNESS.md): 10 s is about five times the slowest, so a
     * machine half as fast still passes with room to spare, and a real endless loop is reported
     * within 10 s of computing. CPU time, not the clock: a loaded machine gives a correct run a
     * sliver of a core, and must not cut it short.
     */
    static final double LIMIT_SECONDS = 10;

    /** {@link #LIMIT_SECONDS} for the learner build's tries, more for more (-Dkata.tries=100: 50 s). */
    static double seconds() {
        String set = System.getProperty("kata.watch.limit");
        if (set != null) {
            return Double.parseDouble(set);
        }
        int tries = Integer.getInteger("kata.tries", WatchMode.LEARNER_TRIES);
        return LIMIT_SECONDS * Math.max(1.0, tries / (double) WatchMode.LEARNER_TRIES);
    }

    private RunLimit() {
    }
}
