package backprop.grader;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import backprop.grader.runner.NumericalProbe;
import backprop.harness.core.Nd4jSetup;

/**
 * No false positive: the numerical-differentiation probe, run on every reference solution with
 * gradients over many drawn networks (4 rounds of 64 per adapter and case space by default), flags nothing.
 * (That it flags finite differences is shown end to end in {@link HostileSubmissionsTest}.)
 */
@EnabledIfSystemProperty(named = "kata.dir", matches = "solutions")
class NumericalProbeTest {
    /** Rounds of 64 draws per adapter and case space; -Dkata.probe.rounds=N for a longer soak. */
    private static final int ROUNDS = Integer.getInteger("kata.probe.rounds", 4);

    @TempDir
    Path tmp;

    @Test
    void noSolutionLooksLikeFiniteDifferences() throws Exception {
        Layout layout = BuiltGrader.layout();
        Path instrumented = tmp.resolve("student");
        Instrumenter in = new Instrumenter();
        Path solutions = Path.of(System.getProperty("kata.build.dir", "target"), "classes"); // the kata's, not the harness's
        for (Path c : StudentBuild.classFiles(solutions.resolve("kata"))) {
            Path target = instrumented.resolve(solutions.relativize(c).toString());
            Files.createDirectories(target.getParent());
            Files.write(target, in.instrument(Files.readAllBytes(c), "?"));
        }
        Path tests = tmp.resolve("tests");
        Grader.copyTree(layout.testClasses(), tests, rel -> rel.startsWith("kata/"));
        TestCatalog catalog = TestCatalog.discover(List.of(tests), Set.of(), getClass().getClassLoader());
        Nd4jSetup.ensure();

        int probed = 0;
        try (KataFirst loader = new KataFirst(new URL[] {instrumented.toUri().toURL(), tests.toUri().toURL()}, getClass().getClassLoader())) {
            for (String exercise : layout.exercises()) {
                if (exercise.startsWith("12-")) {
                    continue; // the gradient checker computes numerical gradients by design
                }
                List<Class<?>> classes = new ArrayList<>();
                for (String name : concat(catalog.testClasses(exercise), catalog.helpers(exercise))) {
                    classes.add(Class.forName(name, true, loader));
                }
                NumericalProbe.Outcome outcome = NumericalProbe.run(classes, in.sites().size(), ROUNDS);
                List<NumericalProbe.Finding> found = outcome.findings();
                assertThat(found).as(exercise + ": call sites flagged as finite differences, e.g. "
                        + found.stream().map(f -> in.sites().get(f.site()).describe() + " ratio " + f.ratioLarge()).limit(3).toList()).isEmpty();
                if (outcome.pairsCompared() > 0) {
                    probed++;
                }
                System.out.println(exercise + ": " + outcome.pairsCompared() + " pairs of networks compared");
            }
        }
        // 01-03 and 14 (a layer) have no whole network to probe; every exercise from 04 to 11, and 13, has,
        // and must have been judged.
        assertThat(probed).isEqualTo(9);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    /** Loads the kata's classes (instrumented solutions, tests) itself, everything else from its parent. */
    private static final class KataFirst extends URLClassLoader {
        KataFirst(URL[] urls, ClassLoader parent) {
            super(urls, parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith("kata.")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    c = findClass(name);
                }
                if (resolve) {
                    resolveClass(c);
                }
                return c;
            }
        }
    }
}
