package backprop.harness.junit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Which classes the learner wrote: those whose source lies under the exercise folders
 * (exercises/NN-name/src/…). A stack frame in one of them is a line the learner can open.
 */
public final class LearnerCode {
    private final Set<String> classes;

    private LearnerCode(Set<String> classes) {
        this.classes = classes;
    }

    /** The classes under {@code kataDir}/NN-name/src; none when the folder is missing. */
    public static LearnerCode in(Path kataDir) {
        Set<String> names = new HashSet<>();
        if (!Files.isDirectory(kataDir)) {
            return new LearnerCode(names);
        }
        try (Stream<Path> exercises = Files.list(kataDir)) {
            for (Path src : exercises.map(e -> e.resolve("src")).filter(Files::isDirectory).toList()) {
                try (Stream<Path> files = Files.walk(src)) {
                    files.filter(f -> f.toString().endsWith(".java")).forEach(f -> {
                        String rel = src.relativize(f).toString().replace('\\', '/');
                        names.add(rel.substring(0, rel.length() - ".java".length()).replace('/', '.'));
                    });
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new LearnerCode(names);
    }

    /** From -Dkata.dir (exercises or solutions), relative to the working directory as Maven sets it. */
    public static LearnerCode fromSystemProperties() {
        return in(Path.of(System.getProperty("kata.dir", "exercises")));
    }

    public boolean wrote(String className) {
        int nested = className.indexOf('$');
        return classes.contains(nested < 0 ? className : className.substring(0, nested));
    }

    /** The first frame of the throwable in the learner's code, or null. */
    public StackTraceElement firstFrame(Throwable e) {
        for (StackTraceElement f : e.getStackTrace()) {
            if (wrote(f.getClassName())) {
                return f;
            }
        }
        return null;
    }
}
