package backprop.harness.watch;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

import backprop.harness.junit.RunRecord;

/** Runs one exercise's tests, loaded fresh from the last compilation, with the JUnit Platform. */
final class ExerciseRunner {
    // Without the listeners found on the class path: the build's progress listener would print its
    // summary after every run. The verdict is printed by watch mode instead.
    private final Launcher launcher = LauncherFactory.create(
            LauncherConfig.builder().enableTestExecutionListenerAutoRegistration(false).build());
    private final Path classes;

    ExerciseRunner(Path classes) {
        this.classes = classes;
    }

    RunRecord run(String exercise, List<Path> packages) {
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        GenerationLoader loader = new GenerationLoader(classes, getClass().getClassLoader());
        RunRecord record = new RunRecord();
        try {
            Thread.currentThread().setContextClassLoader(loader);
            List<ClassSelector> selectors = new ArrayList<>();
            for (String name : testClasses(packages)) {
                if (exercise.equals(RunRecord.exerciseOf(name, loader))) {
                    selectors.add(selectClass(loader.loadClass(name)));
                }
            }
            if (selectors.isEmpty()) {
                return record;
            }
            launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectors).build(), new TestExecutionListener() {
                @Override
                public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                    record.finished(id, result, loader);
                }
            });
            return record;
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("a test class listed a moment ago is gone: " + e.getMessage(), e);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    /** Top-level classes in the exercise's packages whose names end in Test. */
    private List<String> testClasses(List<Path> packages) {
        List<String> out = new ArrayList<>();
        for (Path pkg : packages) {
            Path dir = classes.resolve(pkg.toString());
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> s = Files.list(dir)) {
                s.map(p -> p.getFileName().toString()).filter(f -> f.endsWith("Test.class") && !f.contains("$")).sorted()
                        .forEach(f -> out.add(pkg.toString().replace('/', '.').replace('\\', '.') + "." + f.substring(0, f.length() - 6)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }
}
