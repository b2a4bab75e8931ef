package backprop.grader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Where the grader's own copy of the kata lives: the repository (for the exercise stubs), its
 * compiled harness, its compiled tests, and the library jars. Never the submission's.
 */
public record Layout(Path root, Path classes, Path testClasses, List<Path> jars) {

    /** Jars the grader needs and an exercise's JVM does not: they stay off the learner's class path. */
    private static final List<String> GRADER_ONLY = List.of("/org/eclipse/jdt/", "/com/fasterxml/jackson/", "/org/yaml/snakeyaml/");

    /** The layout grader/grade builds: target/grader/{classes,test-classes,classpath.txt}. */
    public static Layout built(Path root, Path buildDir) throws IOException {
        String cp = Files.readString(buildDir.resolve("classpath.txt")).trim();
        return new Layout(root, buildDir.resolve("classes"), buildDir.resolve("test-classes"), jarsOf(cp));
    }

    /** Jars named in a class path string (directories dropped: the grader picks its own). */
    public static List<Path> jarsOf(String classPath) {
        List<Path> out = new ArrayList<>();
        for (String e : classPath.split(java.io.File.pathSeparator)) {
            if (e.endsWith(".jar") && !e.isBlank()) {
                out.add(Path.of(e));
            }
        }
        return out;
    }

    /** The jars an exercise's JVM gets: ND4J, JUnit, AssertJ, ASM, logging. */
    public List<Path> runtimeJars() {
        List<Path> out = new ArrayList<>();
        for (Path j : jars) {
            String path = j.toAbsolutePath().toString().replace('\\', '/');
            if (GRADER_ONLY.stream().noneMatch(path::contains) && !j.getFileName().toString().startsWith("surefire")) {
                out.add(j);
            }
        }
        return out;
    }

    /** The exercise folders, in order, from the grader's own exercises/. */
    public List<String> exercises() throws IOException {
        try (var s = Files.list(root.resolve("exercises"))) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(n -> n.matches("\\d\\d-.*")).sorted().toList();
        }
    }

    static final Set<String> EXEMPT_FROM_PROBE = Set.of("12-gradient-checker");
}
