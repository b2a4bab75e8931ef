package backprop.harness.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import backprop.harness.junit.LearnerCode;

/**
 * Which exercises watch mode checks again when one is saved, read from the kata as it is: the
 * untouched stubs and the kata's tests, compiled as watch mode compiles them.
 */
class DependentsTest {
    @TempDir
    Path classes;

    @Test
    void theExercisesThatRunAnotherOnesCodeAreFoundInTheCompiledClasses() throws Exception {
        KataLayout layout = KataLayout.of(Path.of(""));
        new EcjCompiler(WatchMode.classpath(), classes).compile(layout.allSources());
        Map<String, List<Path>> packages = new LinkedHashMap<>();
        layout.exerciseNames().forEach(e -> packages.put(e, layout.packagesOf(e)));

        Dependents d = Dependents.read(classes, packages, LearnerCode.in(layout.exercises())::wrote);

        Map<String, List<String>> users = new LinkedHashMap<>();
        layout.exerciseNames().forEach(e -> users.put(e, List.copyOf(d.of(e))));
        assertThat(users.remove("04-two-layer-network")).as("05 and 09 test against 04's network, 06–08 build on it")
                .containsExactly("05-course-notation", "06-batches-and-scaling", "07-l2-regularisation", "08-gradient-descent", "09-deep-network");
        assertThat(users.remove("09-deep-network")).as("10's network is 09's with a softmax head; 09's test calling 04 does not make 10 use 04")
                .containsExactly("10-softmax-cross-entropy");
        assertThat(users).as("every other exercise: nothing else runs its code").allSatisfy((e, u) -> assertThat(u).as(e).isEmpty());
    }
}
