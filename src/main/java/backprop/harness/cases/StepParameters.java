package backprop.harness.cases;

import java.util.SplittableRandom;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import backprop.harness.api.Tensors;

/**
 * A layer step's parameters as the engine moves them about: drawn for a new case, carried to
 * another layer's number when a hidden layer is dropped, cut when a unit is dropped, and their
 * shapes in the kata's letters for the reports. Everything here follows from the declared
 * shapes, so a new step needs nothing in this class.
 */
public final class StepParameters {
    private StepParameters() {
    }

    /** Draws layer l's parameters (width n) into {@code into}, in declaration order. */
    static void draw(LayerStep step, int layer, int width, SplittableRandom rng, Tensors into) {
        for (LayerStep.Parameter p : step.parameters()) {
            long[] shape = p.shape().of(width);
            INDArray a = Nd4j.create(DataType.DOUBLE, shape[0], shape[1]);
            for (long i = 0; i < a.length(); i++) {
                a.putScalar(i, p.init().next(rng));
            }
            into.put(p.name() + layer, a);
        }
    }

    /** Copies layer {@code from}'s parameters into {@code into} as layer {@code to}'s. */
    static void renumber(LayerStep step, Tensors all, int from, int to, Tensors into) {
        for (LayerStep.Parameter p : step.parameters()) {
            into.put(p.name() + to, all.get(p.name() + from).dup());
        }
    }

    /**
     * Layer l's parameters with unit j dropped (its width n becomes n − 1), or false when a
     * declared shape does not shrink by one along an axis (then the neighbour is left out). An
     * axis that grows with n loses index j; an axis that does not keeps everything.
     */
    static boolean dropUnit(LayerStep step, Tensors params, int layer, int width, int j) {
        for (LayerStep.Parameter p : step.parameters()) {
            long[] before = p.shape().of(width);
            long[] after = p.shape().of(width - 1);
            String name = p.name() + layer;
            INDArray a = params.get(name);
            for (int axis = 0; axis < 2; axis++) {
                if (after[axis] == before[axis]) {
                    continue;
                }
                if (after[axis] != before[axis] - 1 || j >= before[axis]) {
                    return false;
                }
                a = without(a, axis, j);
            }
            params.put(name, a);
        }
        return true;
    }

    private static INDArray without(INDArray a, int axis, int j) {
        long n = a.size(axis);
        INDArray keep = null;
        for (long i = 0; i < n; i++) {
            if (i == j) {
                continue;
            }
            INDArray slice = axis == 0 ? a.get(NDArrayIndex.interval(i, i + 1), NDArrayIndex.all())
                    : a.get(NDArrayIndex.all(), NDArrayIndex.interval(i, i + 1));
            keep = keep == null ? slice.dup() : axis == 0 ? Nd4j.vstack(keep, slice) : Nd4j.hstack(keep, slice);
        }
        return keep.dup('c');
    }

    /** A declared shape in letters for layer l: "1 × n1" where an axis grows with the width, its number where it does not. */
    public static String inLetters(LayerStep.Shape shape, int layer, int width) {
        long[] at = shape.of(width);
        long[] small = shape.of(7);
        long[] large = shape.of(8);
        String[] axes = new String[2];
        for (int d = 0; d < 2; d++) {
            boolean grows = large[d] == small[d] + 1 && at[d] == width;
            axes[d] = grows ? "n" + layer : String.valueOf(at[d]);
        }
        return axes[0] + " × " + axes[1];
    }
}
