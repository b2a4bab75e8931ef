package backprop.harness.check;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import backprop.harness.api.Shapes;
import backprop.harness.api.Tensors;
import backprop.harness.cases.NetworkCase;
import backprop.harness.core.Elements;

/**
 * What a network check observes about a call before comparing any number: whether it threw or
 * returned null, whether its gradients have the right names, shapes, type and finite values, and
 * whether it changed what it was given.
 */
final class CallObservations {
    private CallObservations() {
    }

    /** Presence, shape, type and finiteness of every gradient; records problems and says whether to go on. */
    static boolean wellFormed(CaseResult r, NetworkCase c, Tensors g) {
        boolean ok = true;
        List<String> expected = c.parameterNames();
        for (String name : expected) {
            INDArray a = g.get(name);
            String d = "d" + name;
            if (a == null) {
                r.add(new Problem(Problem.Kind.BAD_OUTPUT, d, d + " is missing (null); expected an array of shape "
                        + Shapes.of(c.expectedShape(name))));
                ok = false;
                continue;
            }
            if (a.dataType() != DataType.DOUBLE) {
                r.add(new Problem(Problem.Kind.NOT_DOUBLE, d, d + " is " + a.dataType()
                        + "; gradient checks need DOUBLE because a finite difference in float32 keeps only about"
                        + " 3 significant digits (float32 has 7, and the subtraction f(θ+h) − f(θ−h) cancels the rest)"));
                ok = false;
                continue;
            }
            if (!java.util.Arrays.equals(a.shape(), c.expectedShape(name))) {
                r.add(new Problem(Problem.Kind.BAD_OUTPUT, d, d + " is " + Shapes.of(a) + " but must be "
                        + Shapes.of(c.expectedShape(name)) + ", the shape of " + name));
                ok = false;
                continue;
            }
            if (!allFinite(a)) {
                r.add(new Problem(Problem.Kind.NOT_FINITE, d, d + " contains NaN or infinity"));
                ok = false;
            }
        }
        List<String> extra = new ArrayList<>(g.names());
        extra.removeAll(expected);
        extra.removeIf(n -> g.get(n) == null);
        if (!extra.isEmpty()) {
            r.add(new Problem(Problem.Kind.BAD_OUTPUT, "d" + extra.get(0), "gradients for " + extra
                    + " were returned, but this network has only " + expected
                    + (extra.stream().anyMatch(backprop.harness.core.ParameterNames::isBias) ? " (its bias is off in this case)" : "")));
            ok = false;
        }
        return ok;
    }

    private static boolean allFinite(INDArray a) {
        for (double v : Elements.toArray(a)) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    static void checkUnchanged(CaseResult r, NetworkCase original, NetworkCase handedOver, String call) {
        if (!Elements.same(original.x(), handedOver.x())) {
            r.add(new Problem(Problem.Kind.MUTATES_INPUT, "X", call + " changed its input X"));
        }
        if (!Elements.same(original.y(), handedOver.y())) {
            r.add(new Problem(Problem.Kind.MUTATES_INPUT, "Y", call + " changed its input Y"));
        }
        for (String n : original.parameterNames()) {
            if (!Elements.same(original.params().get(n), handedOver.params().get(n))) {
                r.add(new Problem(Problem.Kind.MUTATES_INPUT, n, call + " changed the parameter " + n));
            }
        }
    }

    static <T> T attempt(CaseResult r, String step, Supplier<T> call) {
        try {
            T v = call.get();
            if (v == null) {
                r.add(new Problem(Problem.Kind.BAD_OUTPUT, step, step + " returned null"));
            }
            return v;
        } catch (RuntimeException | Error e) {
            rethrowIfFatal(e);
            r.add(new Problem(Problem.kindOf(e), step, describe(e), e));
            return null;
        }
    }

    /** Out of memory and similar are the JVM's problems, not the learner's: let them through. */
    static void rethrowIfFatal(Throwable e) {
        if (e instanceof VirtualMachineError && !(e instanceof StackOverflowError)) {
            throw (VirtualMachineError) e;
        }
    }

    static String describe(Throwable e) {
        if (e instanceof ChangedInPlace) {
            return e.getMessage();
        }
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }
}
