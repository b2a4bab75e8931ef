package backprop.harness.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The harness's shape, as docs/HARNESS.md draws it: packages depend only on those below them
 * (read from the compiled classes with the JDK's jdeps), exercise code imports only the learner
 * API, and no source file outgrows what a reader can hold in mind.
 */
class ArchitectureTest {
    /** Bottom to top; a package may use only packages to its left. */
    static final List<String> LAYERS = List.of("sandbox", "api", "core", "cases", "reference", "check", "diagnose", "property",
            "report", "junit", "watch");

    static final int MAX_LINES = 300;

    @Test
    void harnessPackagesDependOnlyOnPackagesBelowThem() {
        Map<String, Set<String>> deps = packageDependencies();
        List<String> violations = new ArrayList<>();
        deps.forEach((from, tos) -> {
            for (String to : tos) {
                int a = LAYERS.indexOf(from);
                int b = LAYERS.indexOf(to);
                if (a >= 0 && b >= 0 && b > a) {
                    violations.add(from + " -> " + to);
                }
            }
        });
        assertThat(deps).as("jdeps found the harness's packages").containsKeys("check", "junit");
        assertThat(violations).as("dependencies that point up the layers " + LAYERS + " (a cycle, or a misplaced class)")
                .isEmpty();
    }

    @Test
    void exerciseCodeImportsOnlyTheLearnerApiOfTheHarness() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (String tree : List.of("exercises", "solutions")) {
            try (Stream<Path> s = Files.walk(Path.of(tree))) {
                for (Path f : s.filter(p -> p.toString().endsWith(".java")).toList()) {
                    for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                        if (line.startsWith("import backprop.") && !line.startsWith("import backprop.harness.api.")) {
                            wrong.add(f + ": " + line);
                        }
                    }
                }
            }
        }
        assertThat(wrong).as("exercise code may import backprop.harness.api only").isEmpty();
    }

    @Test
    void noHarnessSourceFileIsLongerThanAReaderCanHoldInMind() throws IOException {
        List<String> long_ = new ArrayList<>();
        try (Stream<Path> s = Files.walk(Path.of("src", "main", "java"))) {
            for (Path f : s.filter(p -> p.toString().endsWith(".java")).toList()) {
                long n = Files.readAllLines(f, StandardCharsets.UTF_8).size();
                if (n > MAX_LINES) {
                    long_.add(f + " (" + n + " lines)");
                }
            }
        }
        assertThat(long_).as("files over " + MAX_LINES + " lines: split them by job").isEmpty();
    }

    /** "check" -> {"api", "cases", ...} for every package under backprop.harness, from the compiled classes. */
    private static Map<String, Set<String>> packageDependencies() {
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow(() -> new IllegalStateException("this JDK has no jdeps"));
        // The harness is a module of its own (harness/pom.xml); kata.xml passes where it compiled to.
        Path classes = Path.of(System.getProperty("kata.harness.classes", "harness/target/classes"));
        StringWriter out = new StringWriter();
        int rc = jdeps.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "-verbose:package", "-filter:none",
                classes.toString());
        assertThat(rc).as("jdeps on " + classes + ":\n" + out).isZero();
        Pattern edge = Pattern.compile("^\\s+backprop\\.harness\\.([a-z.]+)\\s+->\\s+backprop\\.harness\\.([a-z.]+)", Pattern.MULTILINE);
        Map<String, Set<String>> deps = new TreeMap<>();
        Matcher m = edge.matcher(out.toString());
        while (m.find()) {
            if (!m.group(1).equals(m.group(2))) {
                deps.computeIfAbsent(m.group(1), k -> new TreeSet<>()).add(m.group(2));
            }
        }
        return deps;
    }
}
