package backprop.grader;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The grader as this build compiled it: harness and runner in the harness module's output, the kata's tests in the test output. */
final class BuiltGrader {
    private BuiltGrader() {
    }

    static Layout layout() {
        try {
            Path testClasses = Path.of(BuiltGrader.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            // Surefire may start the test JVM from a manifest-only jar; it names the real class path here.
            String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            // The harness module's classes, or its jar (mvn verify) unpacked, as grader/setup's build has them.
            Path classes = Layout.harnessOn(cp, Path.of(System.getProperty("kata.build.dir", "target"), "built-grader"));
            return new Layout(Path.of("").toAbsolutePath(), classes, testClasses, Layout.jarsOf(cp));
        } catch (URISyntaxException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A copy of the reference solutions as a student's exercises/ tree, with {@code edits} (file under exercises/ → new text). */
    static Path submission(Path dir, Map<String, String> edits) throws Exception {
        Path exercises = dir.resolve("exercises");
        Grader.copyTree(Path.of("solutions"), exercises, rel -> rel.endsWith(".java"));
        for (Map.Entry<String, String> e : edits.entrySet()) {
            Path f = exercises.resolve(e.getKey());
            if (e.getValue() == null) {
                Files.delete(f);
            } else {
                Files.writeString(f, e.getValue());
            }
        }
        return dir;
    }

    /** The solution's text of one file, for edits. */
    static String solution(String rel) throws Exception {
        return Files.readString(Path.of("solutions").resolve(rel));
    }

    /** {@code source} with {@code member} added before the class's closing brace. */
    static String withMember(String source, String member) {
        int end = source.lastIndexOf('}');
        return source.substring(0, end) + "\n" + member + "\n}\n";
    }

    /** What grader/setup leaves behind, pointing at this build's output, in {@code tmp}/build. */
    static Path build(Path tmp) throws Exception {
        Layout l = layout();
        Path build = Files.createDirectories(tmp.resolve("build"));
        Grader.copyTree(l.classes(), build.resolve("classes"), rel -> true);
        Grader.copyTree(l.testClasses(), build.resolve("test-classes"), rel -> true);
        Files.writeString(build.resolve("classpath.txt"),
                build.resolve("classes") + java.io.File.pathSeparator + StudentBuild.join(l.jars()));
        return build;
    }
}
