package backprop.harness.watch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where things are in a kata checkout: the learner's code under exercises/NN-name/src, the
 * kata's tests under src/test/java/kata (one package per exercise, as in the exercise's src).
 */
record KataLayout(Path exercises, Path tests) {

    static KataLayout of(Path project) {
        return new KataLayout(project.resolve("exercises"), project.resolve("src/test/java/kata"));
    }

    /** The exercise folders (01-sigmoid, …), in order. */
    List<String> exerciseNames() {
        try (Stream<Path> s = Files.list(exercises)) {
            return s.filter(p -> Files.isDirectory(p.resolve("src"))).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The exercise a changed file belongs to, or null when it is not a Java file of one. */
    String exerciseOf(Path changed) {
        Path rel;
        try {
            rel = exercises.toAbsolutePath().relativize(changed.toAbsolutePath());
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (rel.getNameCount() < 3 || rel.startsWith("..") || !rel.getName(1).toString().equals("src")
                || !rel.getFileName().toString().endsWith(".java")) {
            return null;
        }
        return rel.getName(0).toString();
    }

    /** The packages (kata.twolayer, …) an exercise's src holds, as folders relative to src. */
    List<Path> packagesOf(String exercise) {
        Path src = exercises.resolve(exercise).resolve("src");
        try (Stream<Path> s = Files.walk(src)) {
            return s.filter(p -> p.toString().endsWith(".java")).map(p -> src.relativize(p.getParent())).distinct().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The exercise's own sources. Its tests are compiled once, at the start: only exercises/ is
     * watched, and a test class loaded afresh links to the learner's classes as last compiled.
     */
    List<Path> sourcesOf(String exercise) {
        return javaFiles(exercises.resolve(exercise).resolve("src"));
    }

    /** Every learner source and every kata test. */
    List<Path> allSources() {
        List<Path> out = new ArrayList<>();
        for (String e : exerciseNames()) {
            out.addAll(javaFiles(exercises.resolve(e).resolve("src")));
        }
        out.addAll(javaFiles(tests));
        return out;
    }

    private static List<Path> javaFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
