package backprop.harness.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every exercise folder looks the same and is wired up: a README that names the one command
 * that runs it, one package of code under src/, the same files in solutions/, a test class
 * marked with the folder's name, and compiled by the build without being named in any POM.
 */
class ExerciseLayoutTest {

    static List<Path> exercises() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("exercises"))) {
            return s.filter(Files::isDirectory).sorted().toList();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exercises")
    void everyExerciseFolderHasTheSameFilesAndIsWiredUp(Path folder) throws IOException {
        String name = folder.getFileName().toString();
        Path src = folder.resolve("src");
        assertThat(folder.resolve("README.md")).as(name + " has a README.md").isRegularFile();
        assertThat(src).as(name + " has a src folder").isDirectory();

        List<Path> sources;
        try (Stream<Path> s = Files.walk(src)) {
            sources = s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        assertThat(sources).as(name + " has code to edit").isNotEmpty();
        List<String> packages = sources.stream().map(p -> src.relativize(p.getParent()).toString().replace('\\', '/'))
                .distinct().toList();
        assertThat(packages).as(name + ": all its code in one package").hasSize(1);
        String pkgDir = packages.get(0);

        for (Path f : sources) {
            Path solution = Path.of("solutions").resolve(Path.of("exercises").relativize(f));
            assertThat(solution).as("solutions/ has the same file as " + f).isRegularFile();
        }

        String readme = Files.readString(folder.resolve("README.md"), StandardCharsets.UTF_8);
        assertThat(readme).as(name + "/README.md names the command that runs this exercise alone")
                .contains("mvn test -Dtest='" + pkgDir + "/**'");

        // Found, not listed: course-parent adds every exercises/*/src as a source root, so the
        // build compiled this folder without anyone naming it in a POM.
        Path compiled = Path.of(System.getProperty("kata.build.dir", "target"), "classes").resolve(pkgDir);
        assertThat(compiled).as("the build compiled " + name + " (course-parent finds exercise folders by themselves)")
                .isDirectory();

        Path tests = Path.of("src", "test", "java").resolve(pkgDir);
        assertThat(tests).as("the tests of " + name + " live in src/test/java/" + pkgDir).isDirectory();
        boolean marked;
        try (Stream<Path> s = Files.list(tests)) {
            marked = s.filter(p -> p.toString().endsWith("Test.java")).anyMatch(p -> read(p).contains("@Exercise(\"" + name + "\")"));
        }
        assertThat(marked).as("a test class in src/test/java/" + pkgDir + " carries @Exercise(\"" + name + "\")").isTrue();
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
