package backprop.harness.sandbox;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.eclipse.jdt.core.compiler.batch.BatchCompiler;

/** Compiles Java sources given as text (Eclipse's compiler, in-process) for tests of the bytecode check. */
final class Javac {
    private Javac() {
    }

    /** Class files by internal name; the sources are keyed by path ("kata/twolayer/TwoLayerNetwork.java"). */
    static Map<String, byte[]> compile(Map<String, String> sources) {
        try {
            Path dir = Files.createTempDirectory("kata-javac-");
            Path src = dir.resolve("src");
            Path out = dir.resolve("out");
            List<String> args = new ArrayList<>(List.of("-17", "-g", "-nowarn", "-proceedOnError", "-d", out.toString(),
                    "-cp", System.getProperty("java.class.path")));
            for (Map.Entry<String, String> e : sources.entrySet()) {
                Path p = src.resolve(e.getKey());
                Files.createDirectories(p.getParent());
                Files.writeString(p, e.getValue());
                args.add(p.toString());
            }
            StringWriter log = new StringWriter();
            BatchCompiler.compile(args.toArray(String[]::new), new PrintWriter(log), new PrintWriter(log), null);
            Map<String, byte[]> classes = new TreeMap<>();
            if (Files.isDirectory(out)) {
                try (Stream<Path> s = Files.walk(out)) {
                    for (Path c : (Iterable<Path>) s.filter(p -> p.toString().endsWith(".class"))::iterator) {
                        String rel = out.relativize(c).toString().replace('\\', '/');
                        classes.put(rel.substring(0, rel.length() - ".class".length()), Files.readAllBytes(c));
                    }
                }
            }
            if (classes.isEmpty()) {
                throw new IllegalStateException("nothing compiled:\n" + log);
            }
            return classes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
