package backprop.harness.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The learner build's view of the grader's forbidden-API check: before an exercise's tests run,
 * its classes are checked as the grader would check them, and any violation is printed with
 * "this would score 0 when graded", so nobody learns it from their grade.
 */
public final class GradePreview {
    private static final Set<String> WARNED = new HashSet<>();

    private GradePreview() {
    }

    /** Prints the exercise's violations once per JVM; silent when there are none or nothing can be found. */
    public static synchronized void printOnce(String exercise) {
        if (Boolean.getBoolean("kata.grading") || !WARNED.add(exercise)) {
            return; // the grader checks submissions itself, before anything runs
        }
        Path kataDir = Path.of(System.getProperty("kata.dir", "exercises"));
        String text = report(exercise, kataDir, classesRoot(kataDir.resolve(exercise).resolve("src")));
        if (!text.isEmpty()) {
            System.out.println(text);
        }
    }

    /** The warning for {@code exercise}'s classes under {@code classesRoot}, or "" when it passes. */
    public static String report(String exercise, Path kataDir, Path classesRoot) {
        if (classesRoot == null) {
            return "";
        }
        Map<String, byte[]> classes = ExerciseClasses.of(kataDir.resolve(exercise).resolve("src"), classesRoot);
        List<Violation> found = new ArrayList<>();
        for (byte[] c : classes.values()) {
            found.addAll(BytecodeCheck.check(c, name -> name.startsWith("kata/")
                    && java.nio.file.Files.isRegularFile(classesRoot.resolve(name + ".class"))));
        }
        return render(exercise, found);
    }

    /** The text a learner reads: the verdict, each violation, and what to do. */
    public static String render(String exercise, List<Violation> found) {
        if (found.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        sb.append(exercise).append(": this would score 0 when graded: your code uses ")
                .append(found.size() == 1 ? "an API" : found.size() + " APIs").append(" the grader does not allow.\n");
        found.stream().limit(20).forEach(v -> sb.append("  ").append(v.describe()).append('\n'));
        if (found.size() > 20) {
            sb.append("  … and ").append(found.size() - 20).append(" more\n");
        }
        sb.append("  Allowed: the Java language, java.util, Math, System.out, INDArray, the Nd4j factories, Transforms,\n"
                + "  NDArrayIndex, DataType and backprop.harness.api. Compute the result from your own code with these.\n");
        return sb.toString();
    }

    /**
     * Where this JVM loads the exercise's classes from: the class folder that holds the class of
     * one of its source files (the kata's build output, not the harness's, which is a module or a
     * jar of its own). Null when there is none, or it is not a folder.
     */
    static Path classesRoot(Path exerciseSources) {
        List<Path> sources;
        try (Stream<Path> s = Files.walk(exerciseSources)) {
            sources = s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            return null;
        }
        for (Path source : sources) {
            String rel = exerciseSources.relativize(source).toString().replace('\\', '/');
            String classFile = rel.substring(0, rel.length() - ".java".length()) + ".class";
            URL u = GradePreview.class.getClassLoader().getResource(classFile);
            if (u != null && "file".equals(u.getProtocol())) {
                try {
                    Path p = Path.of(u.toURI());
                    for (int i = 0; i < classFile.split("/").length; i++) {
                        p = p.getParent();
                    }
                    return p;
                } catch (URISyntaxException e) {
                    return null;
                }
            }
        }
        return null;
    }
}
