package backprop.harness.check;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

import backprop.harness.api.Tensors;

/**
 * A scalar function of named arrays with its gradient: the general form of everything the
 * kata checks below a whole network (an activation, a loss, one dense layer). To check a
 * function with array output F(x) and a backward pass, wrap it as value = Σ G ⊙ F(x) for a
 * fixed random G, whose gradient is backward(G), and hold G fixed:
 * {@code Differentiable.of(value, gradient).holding("G")}.
 */
public interface Differentiable {
    double value(Tensors at);

    /** One array per differentiated name in {@code at}, each of that array's shape; held names may be left out. */
    Tensors gradient(Tensors at);

    /**
     * Names of the point's inputs that are data, not variables: targets Y, an upstream gradient G,
     * a hyper-parameter such as Huber's δ. They are handed to {@link #value} and {@link #gradient}
     * and must stay unchanged, but they are neither differentiated nor expected in the gradient.
     */
    default Set<String> fixed() {
        return Set.of();
    }

    /** This function with {@code names} (and any it already held) held fixed. */
    default Differentiable holding(String... names) {
        Differentiable self = this;
        Set<String> all = new LinkedHashSet<>(self.fixed());
        all.addAll(List.of(names));
        Set<String> held = java.util.Collections.unmodifiableSet(all);
        return new Differentiable() {
            @Override
            public double value(Tensors at) {
                return self.value(at);
            }

            @Override
            public Tensors gradient(Tensors at) {
                return self.gradient(at);
            }

            @Override
            public Set<String> fixed() {
                return held;
            }
        };
    }

    /** A function from its value and its gradient, e.g. {@code Differentiable.of(at -> loss(at), at -> Tensors.of("A", dA(at)))}. */
    static Differentiable of(ToDoubleFunction<Tensors> value, Function<Tensors, Tensors> gradient) {
        return new Differentiable() {
            @Override
            public double value(Tensors at) {
                return value.applyAsDouble(at);
            }

            @Override
            public Tensors gradient(Tensors at) {
                return gradient.apply(at);
            }
        };
    }
}
