package backprop.harness.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Named arrays in a fixed order: a network's parameters (W1, b1, W2, ...) or a learner's
 * gradients for them. Arrays are held by reference; {@link #copy()} makes a deep copy.
 */
public final class Tensors {
    private final Map<String, INDArray> arrays;

    private Tensors(Map<String, INDArray> arrays) {
        this.arrays = arrays;
    }

    public static Tensors empty() {
        return new Tensors(new LinkedHashMap<>());
    }

    /** Name, array, name, array, ... e.g. {@code Tensors.of("W1", dW1, "b1", db1)}. */
    public static Tensors of(Object... nameArrayPairs) {
        if (nameArrayPairs.length % 2 != 0) {
            throw new IllegalArgumentException("Tensors.of takes name/array pairs, got an odd number of arguments (" + nameArrayPairs.length + ")");
        }
        Tensors t = empty();
        for (int i = 0; i < nameArrayPairs.length; i += 2) {
            if (!(nameArrayPairs[i] instanceof String)) {
                throw new IllegalArgumentException("Tensors.of: argument " + i + " should be a name (String), got " + nameArrayPairs[i]);
            }
            Object a = nameArrayPairs[i + 1];
            if (a != null && !(a instanceof INDArray)) {
                throw new IllegalArgumentException("Tensors.of: the value for " + nameArrayPairs[i] + " should be an INDArray, got " + a.getClass().getSimpleName());
            }
            t.put((String) nameArrayPairs[i], (INDArray) a);
        }
        return t;
    }

    public static Tensors of(Map<String, INDArray> map) {
        Tensors t = empty();
        map.forEach(t::put);
        return t;
    }

    /** Adds or replaces; a null array is kept so that it can be reported as missing. */
    public Tensors put(String name, INDArray array) {
        arrays.put(name, array);
        return this;
    }

    public INDArray get(String name) {
        return arrays.get(name);
    }

    public boolean has(String name) {
        return arrays.containsKey(name) && arrays.get(name) != null;
    }

    public List<String> names() {
        return List.copyOf(arrays.keySet());
    }

    public Map<String, INDArray> asMap() {
        return Collections.unmodifiableMap(arrays);
    }

    public int size() {
        return arrays.size();
    }

    /** Total number of scalar elements over all arrays. */
    public long elementCount() {
        long n = 0;
        for (INDArray a : arrays.values()) {
            n += a == null ? 0 : a.length();
        }
        return n;
    }

    /** Deep copy: every array duplicated, so the copy can be handed to code that might modify it. */
    public Tensors copy() {
        Tensors t = empty();
        arrays.forEach((k, v) -> t.put(k, v == null ? null : v.dup()));
        return t;
    }

    /** A new Tensors with f applied to each (name, array). */
    public Tensors map(BiFunction<String, INDArray, INDArray> f) {
        Tensors t = empty();
        arrays.forEach((k, v) -> t.put(k, f.apply(k, v)));
        return t;
    }

    /** "W1 3×5, b1 1×5, ..." */
    public String shapes() {
        StringBuilder sb = new StringBuilder();
        arrays.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append(' ').append(Shapes.of(v)));
        return sb.toString();
    }

    @Override
    public String toString() {
        return "Tensors[" + shapes() + "]";
    }
}
