package backprop.harness.watch;

import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.jdt.core.compiler.batch.BatchCompiler;

/**
 * Eclipse's compiler, in this JVM (warm after the first call). As in the learner build it
 * proceeds past errors: a method that does not compile becomes one that throws its compile
 * error, so the tests report it and every other method is still checked.
 */
final class EcjCompiler {
    private final String classpath;
    private final Path out;

    /** Writes to {@code out}, which comes first on the class path so the last compilation's classes win. */
    EcjCompiler(List<Path> classpath, Path out) {
        List<String> cp = new ArrayList<>();
        cp.add(out.toString());
        classpath.forEach(p -> cp.add(p.toString()));
        this.classpath = String.join(File.pathSeparator, cp);
        this.out = out;
    }

    /** Compiles the files; returns the compiler's error messages (empty when it compiled cleanly). */
    String compile(List<Path> sources) {
        List<String> args = new ArrayList<>(List.of("-17", "-encoding", "UTF-8", "-g", "-nowarn",
                "-proceedOnError", "-d", out.toString(), "-cp", classpath));
        sources.forEach(s -> args.add(s.toString()));
        StringWriter messages = new StringWriter();
        PrintWriter w = new PrintWriter(messages);
        BatchCompiler.compile(args.toArray(String[]::new), w, w, null);
        w.flush();
        return messages.toString().strip();
    }
}
