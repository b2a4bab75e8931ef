package backprop.grader.runner;

/**
 * Execution counts of the call sites in learner code. The grader inserts {@code hit(id)} before
 * every call instruction of the learner's classes; the probe switches counting on around one
 * loss() or gradients() call. Off, a hit is one field read.
 */
public final class CallSites {
    private static int[] counts = new int[0];
    private static boolean on;

    private CallSites() {
    }

    public static void hit(int site) {
        if (on && site < counts.length) {
            counts[site]++;
        }
    }

    static void start(int sites) {
        counts = new int[sites];
        on = true;
    }

    static int[] stop() {
        on = false;
        return counts.clone();
    }
}
