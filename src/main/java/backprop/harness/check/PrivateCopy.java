package backprop.harness.check;

import java.nio.DoubleBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import backprop.harness.api.Tensors;
import backprop.harness.core.Elements;

/**
 * A private copy of a point (and of any other arrays the function is handed, such as X and Y),
 * for finite differences: one element at a time is moved in place and put back, instead of
 * copying every array for every evaluation.
 *
 * <p>The function under test may write into what it is handed. So after every evaluation
 * {@link #repair()} compares each handed array with what it should hold, bit for bit (a
 * vectorised compare of the native buffer against a Java array: about P + |X| + |Y| reads, far
 * less than the forward pass that produced the value), and rewrites it if it changed. Each
 * evaluation thus starts from exactly the values a fresh copy would have had, as before, at the
 * cost of a compare instead of a copy.
 */
final class PrivateCopy {
    /** One array handed to the function: its copy, a view of the copy's memory, and what it should hold. */
    private static final class Slot {
        final INDArray array;
        final DoubleBuffer view;
        final double[] original;
        final double[] expected;

        Slot(INDArray source) {
            if (source.dataType() != DataType.DOUBLE) {
                throw new IllegalArgumentException("finite differences need DOUBLE arrays, got " + source.dataType()
                        + ": in float32 the difference f(θ+h) − f(θ−h) keeps about 3 significant digits");
            }
            array = source.dup('c');
            view = array.data().asNioDouble();
            original = Elements.toArray(source);
            expected = original.clone();
            if (view.capacity() < original.length) {
                throw new IllegalStateException("a " + original.length + "-element copy has a " + view.capacity() + "-element buffer");
            }
        }

        boolean intact() {
            return DoubleBuffer.wrap(expected).mismatch(view.slice(0, expected.length)) < 0;
        }

        void rewrite() {
            view.put(0, expected);
        }

        void set(int i, double v) {
            expected[i] = v;
            view.put(i, v);
        }
    }

    private Tensors point;
    private final Map<String, Slot> named = new LinkedHashMap<>();
    private final List<Slot> others = new ArrayList<>();

    PrivateCopy(Tensors at) {
        point = Tensors.empty();
        for (String n : at.names()) {
            Slot s = new Slot(at.get(n));
            named.put(n, s);
            point.put(n, s.array);
        }
    }

    /** Also guards a private copy of {@code a} (X or Y), and returns that copy to hand over. */
    INDArray guard(INDArray a) {
        Slot s = new Slot(a);
        others.add(s);
        return s.array;
    }

    /** The point to hand to the function (never the caller's arrays); ask again for each evaluation, as a repair may replace it. */
    Tensors point() {
        return point;
    }

    double original(String name, int i) {
        return named.get(name).original[i];
    }

    int length(String name) {
        return named.get(name).original.length;
    }

    /** Moves one element; {@link #reset(String, int)} puts it back. */
    void set(String name, int i, double v) {
        named.get(name).set(i, v);
    }

    void reset(String name, int i) {
        Slot s = named.get(name);
        s.set(i, s.original[i]);
    }

    /** Moves the whole point to θ + h·v, v given per name as flat row-major arrays. */
    void move(Map<String, double[]> v, double h) {
        for (Map.Entry<String, Slot> e : named.entrySet()) {
            Slot s = e.getValue();
            double[] d = v.get(e.getKey());
            for (int i = 0; i < s.expected.length; i++) {
                s.expected[i] = s.original[i] + h * d[i];
            }
            s.rewrite();
        }
    }

    /** Back to θ everywhere. */
    void resetAll() {
        for (Slot s : named.values()) {
            System.arraycopy(s.original, 0, s.expected, 0, s.expected.length);
            s.rewrite();
        }
    }

    /**
     * Puts back whatever the last evaluation changed: a value written into an array, or an array
     * replaced in the point. Returns whether anything had to be put back.
     */
    boolean repair() {
        boolean changed = point.size() != named.size();
        for (Map.Entry<String, Slot> e : named.entrySet()) {
            Slot s = e.getValue();
            changed |= point.get(e.getKey()) != s.array;
            if (!s.intact()) {
                s.rewrite();
                changed = true;
            }
        }
        for (Slot s : others) {
            if (!s.intact()) {
                s.rewrite();
                changed = true;
            }
        }
        if (changed) {
            // An array replaced or added in the point itself: hand over a fresh point next time.
            point = Tensors.empty();
            named.forEach((n, s) -> point.put(n, s.array));
        }
        return changed;
    }
}
