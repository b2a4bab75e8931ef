package backprop.harness.check;

import backprop.harness.api.Tensors;
import backprop.harness.core.Elements;

/**
 * Thrown by a test's adapter when learner code changed, in place, an array it was given or had
 * returned earlier (the forward cache handed to backward): the check records it as a changed
 * input, never as an exception of the learner's.
 */
public final class ChangedInPlace extends RuntimeException {
    private final String array;

    private ChangedInPlace(String message, String array) {
        super(message, null, false, false);
        this.array = array;
    }

    /** Which array changed, e.g. "A1". */
    public String array() {
        return array;
    }

    /**
     * Fails when any array of {@code after} differs, bit for bit, from its copy in {@code before}.
     *
     * @param call  what was called, e.g. "backward(cache, Y, params)"
     * @param whose what the arrays are, e.g. "the forward cache"
     */
    public static void requireUnchanged(String call, String whose, Tensors before, Tensors after) {
        for (String n : before.names()) {
            if (!Elements.same(before.get(n), after.get(n))) {
                throw new ChangedInPlace(call + " changed " + n + " of " + whose + " in place", n);
            }
        }
    }
}
