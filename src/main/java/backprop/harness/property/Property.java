package backprop.harness.property;

import java.util.stream.Stream;

/**
 * What the {@link PropertyRunner} needs to know about one kind of case: how to make one from a
 * seed, how to check it, and how to simplify it.
 *
 * @param <C> a case (a network with its data, or a point of a function)
 * @param <R> the result of checking one case
 */
public interface Property<C, R> {
    C generate(long seed);

    /** The quick check run on every random case. */
    R check(C c);

    /** The thorough check of the case that will be shown (by default the quick one). */
    default R explain(C c) {
        return check(c);
    }

    boolean failed(R result);

    /**
     * Whether {@code candidate} fails the same way as {@code original}: shrinking keeps only such
     * candidates, so it cannot wander from one bug to another.
     */
    boolean sameFailure(R original, R candidate);

    /** Whether a failure is worth shrinking (code that is not written yet is not). */
    default boolean shrinkable(R failure) {
        return true;
    }

    /** Simpler neighbours of {@code c}, simplest change first; a finite stream, possibly empty. */
    Stream<C> shrinks(C c);
}
