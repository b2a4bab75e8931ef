package backprop.grader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Where the grader's own copy of the kata lives: the repository (for the exercise stubs), the
 * harness's classes (a folder), its compiled tests, and the library jars. Never the submission's.
 */
public record Layout(Path root, Path classes, Path testClasses, List<Path> jars) {

    /** Jars the grader needs and an exercise's JVM does not: they stay off the learner's class path. */
    private static final List<String> GRADER_ONLY = List.of("/org/eclipse/jdt/", "/com/fasterxml/jackson/", "/org/yaml/snakeyaml/");

    /**
     * The layout grader/setup builds: target/grader/{test-classes,classpath.txt}. The harness is on
     * that class path: its module's classes in this repository, its jar in a course built on the
     * installed artifact (unpacked here once, into harness/).
     */
    public static Layout built(Path root, Path buildDir) throws IOException {
        String cp = Files.readString(buildDir.resolve("classpath.txt")).trim();
        return new Layout(root, harnessOn(cp, buildDir), buildDir.resolve("test-classes"), jarsOf(cp));
    }

    /** The class path entry that holds backprop.harness, as a folder. */
    static Path harnessOn(String classPath, Path buildDir) throws IOException {
        for (String e : classPath.split(java.io.File.pathSeparator)) {
            Path p = Path.of(e);
            if (Files.isRegularFile(p.resolve("backprop/grader/Grade.class"))) { // not the tests' backprop/ folders
                return p;
            }
            if (p.getFileName() != null && p.getFileName().toString().startsWith("backprop-harness") && e.endsWith(".jar")) {
                return unpacked(p, buildDir.resolve("harness"));
            }
        }
        throw new IOException("the grader's class path (" + buildDir.resolve("classpath.txt")
                + ") has no backprop-harness: run grader/setup again");
    }

    /** The jar's classes in {@code to}, unpacked again whenever the jar is not the one unpacked last. */
    private static Path unpacked(Path jar, Path to) throws IOException {
        String stamp = jar.toAbsolutePath() + " " + Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis();
        Path marker = to.resolve("unpacked-from.txt");
        if (Files.isRegularFile(marker) && Files.readString(marker).equals(stamp)) {
            return to;
        }
        if (Files.exists(to)) {
            try (java.util.stream.Stream<Path> s = Files.walk(to)) {
                for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        try (java.nio.file.FileSystem zip = java.nio.file.FileSystems.newFileSystem(jar)) {
            Grader.copyTree(zip.getPath("/"), to, rel -> !rel.startsWith("META-INF/maven/"));
        }
        Files.writeString(marker, stamp);
        return to;
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
