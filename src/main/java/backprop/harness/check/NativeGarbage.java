package backprop.harness.check;

import org.bytedeco.javacpp.Pointer;

/**
 * Collects garbage when native memory piles up without heap pressure. ND4J frees an array's
 * native buffer only after the JVM has collected the array object, and a learner's loss can
 * allocate a weight-sized temporary per call (w.mul(w)) with next to nothing on the heap: on a
 * 784-64-10 network that grew the resident size by about 400 KB a call, 6 GB after 15,000
 * calls, and a check of every element against the learner's own loss makes 100,000. So every
 * {@value #EVERY} evaluations the resident size is read (a few microseconds), and once it has
 * grown {@value #SLACK_MB} MB past its level at the last collection, the JVM is asked to collect.
 */
final class NativeGarbage {
    static final int EVERY = 64;
    static final long SLACK_MB = 256;

    private static int evaluations;
    private static long level = -1;

    private NativeGarbage() {
    }

    static synchronized void afterEvaluation() {
        if (++evaluations % EVERY != 0) {
            return;
        }
        long resident = Pointer.physicalBytes();
        if (level < 0 || resident < level) {
            level = resident;
        } else if (resident > level + (SLACK_MB << 20)) {
            System.gc();
            level = resident;
        }
    }
}
