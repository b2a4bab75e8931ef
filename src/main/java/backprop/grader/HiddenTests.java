package backprop.grader;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.jdt.core.compiler.batch.BatchCompiler;

/** An instructor's extra test classes, compiled against the grader's own stubs and harness (strictly: they must compile). */
final class HiddenTests {
    private HiddenTests() {
    }

    static Path compile(Layout layout, Path dir, Path work, Path harness, Path tests, List<Path> jars) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("hidden_tests: " + dir + " is not a directory");
        }
        Path stubs = work.resolve("stubs");
        Path out = work.resolve("hidden");
        Files.createDirectories(out);
        List<Path> cp = new ArrayList<>(List.of(harness, tests));
        cp.addAll(jars);
        compileStrict(layout.root().resolve("exercises"), stubs, cp, "the grader's exercise stubs");
        cp.add(1, stubs);
        compileStrict(dir, out, cp, "the hidden tests in " + dir);
        return out;
    }

    private static void compileStrict(Path sources, Path out, List<Path> cp, String what) throws IOException {
        List<String> args = new ArrayList<>(List.of("-17", "-encoding", "UTF-8", "-nowarn", "-g", "-parameters", "-d", out.toString(),
                "-cp", StudentBuild.join(cp)));
        try (Stream<Path> s = Files.walk(sources)) {
            s.filter(p -> p.toString().endsWith(".java")).sorted().forEach(p -> args.add(p.toString()));
        }
        StringWriter w = new StringWriter();
        if (!BatchCompiler.compile(args.toArray(String[]::new), new PrintWriter(w), new PrintWriter(w), null)) {
            throw new IllegalStateException(what + " do not compile:\n" + w);
        }
    }

}
