package backprop.harness.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The compiled classes of one exercise folder: every class file under {@code classesRoot} whose
 * package and SourceFile attribute name a .java file under the folder's src/. A source file may
 * hold several classes (nested, anonymous, or package-private top-level ones): all are found.
 */
public final class ExerciseClasses {
    private ExerciseClasses() {
    }

    /** Class files by internal name, for the sources under {@code sourceRoot} (exercises/NN-…/src). */
    public static Map<String, byte[]> of(Path sourceRoot, Path classesRoot) {
        Map<String, byte[]> out = new TreeMap<>();
        for (Path source : javaFiles(sourceRoot)) {
            Path rel = sourceRoot.relativize(source);
            Path pkgDir = rel.getParent() == null ? classesRoot : classesRoot.resolve(rel.getParent().toString());
            String fileName = rel.getFileName().toString();
            if (!Files.isDirectory(pkgDir)) {
                continue;
            }
            try (Stream<Path> s = Files.list(pkgDir)) {
                for (Path c : (Iterable<Path>) s.filter(p -> p.toString().endsWith(".class")).sorted()::iterator) {
                    byte[] bytes = Files.readAllBytes(c);
                    if (fileName.equals(BytecodeCheck.sourceFile(bytes))) {
                        out.put(BytecodeCheck.internalName(bytes), bytes);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    static List<Path> javaFiles(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(root)) {
            return new ArrayList<>(s.filter(p -> p.toString().endsWith(".java") && Files.isRegularFile(p)).sorted().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
