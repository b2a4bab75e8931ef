package kata.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;

import backprop.harness.api.Shapes;
import backprop.harness.core.Elements;
import backprop.harness.check.Tolerance;

/** Element-by-element comparison of two arrays, failing with the elements that differ beside each other. */
public final class SameValues {
    /** Lines of differing elements shown; the count of the rest is printed. */
    private static final int SHOWN = 6;

    private SameValues() {
    }

    /** Asserts that {@code actual} has the shape of {@code expected} and every element within {@code tolerance}. */
    public static void assertSameValues(String what, INDArray actual, INDArray expected, Tolerance tolerance) {
        assertThat(actual).as(what + " is missing (null)").isNotNull();
        assertThat(Shapes.of(actual)).as(what + ": its shape").isEqualTo(Shapes.of(expected));
        List<String> off = new ArrayList<>();
        double[] a = Elements.toArray(actual);
        double[] e = Elements.toArray(expected);
        for (int i = 0; i < a.length; i++) {
            if (!tolerance.accepts(a[i], e[i])) {
                off.add(Elements.label(actual, i) + "  got " + a[i] + "  expected " + e[i]);
            }
        }
        int n = off.size();
        List<String> shown = n > SHOWN ? new ArrayList<>(off.subList(0, SHOWN)) : off;
        if (n > SHOWN) {
            shown.add("… and " + (n - SHOWN) + " more");
        }
        assertThat(shown).as(what + ": " + n + " of " + a.length + " elements outside " + tolerance.describe("expected"))
                .isEmpty();
    }
}
