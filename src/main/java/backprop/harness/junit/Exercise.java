package backprop.harness.junit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class as the tests of one exercise, named by its folder (e.g.
 * {@code "04-two-layer-network"}). Test methods may then take a {@link Checks} parameter.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(ExerciseExtension.class)
public @interface Exercise {
    /** The exercise folder's name, as under exercises/. */
    String value();
}
