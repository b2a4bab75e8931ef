package backprop.harness.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The forbidden-API check: each way a submission could get marks without the work (or hang,
 * or rewrite its results) is named, with its line and reason; ordinary learner code, and every
 * reference solution, passes.
 */
class BytecodeCheckTest {

    private static final String TEMPLATE = """
            package kata.twolayer;

            import java.util.*;
            import java.util.function.*;
            import org.nd4j.linalg.api.ndarray.INDArray;
            import org.nd4j.linalg.factory.Nd4j;
            import org.nd4j.linalg.ops.transforms.Transforms;

            public final class %s {
                public static Object run(INDArray x) throws Exception {
            %s
                }
            }
            """;

    /** Every hostile snippet of the table below, compiled in one go (one class each): one compiler run, not thirty. */
    private static Map<String, byte[]> hostile;

    private static synchronized Map<String, byte[]> hostileClasses() throws Exception {
        if (hostile == null) {
            Map<String, String> sources = new java.util.TreeMap<>();
            var m = BytecodeCheckTest.class.getDeclaredMethod("aHostileCallIsNamedWithItsLineAndReason", String.class, String.class, String.class, String.class);
            String table = m.getAnnotation(CsvSource.class).textBlock();
            int i = 0;
            for (String row : table.strip().split("\n")) {
                String body = row.split("\\|")[1].strip();
                sources.put("kata/twolayer/Hostile" + i + ".java", TEMPLATE.formatted("Hostile" + i, "        " + body));
                BODIES.put(body, "kata/twolayer/Hostile" + i);
                i++;
            }
            hostile = Javac.compile(sources);
        }
        return hostile;
    }

    private static final Map<String, String> BODIES = new java.util.HashMap<>();

    private static List<Violation> violationsOf(Map<String, byte[]> classes, String className) {
        List<Violation> out = new ArrayList<>();
        classes.forEach((name, bytes) -> {
            if (name.equals(className) || name.startsWith(className + "$")) {
                out.addAll(BytecodeCheck.check(bytes, classes::containsKey));
            }
        });
        return out;
    }

    /** One learner class whose method body is {@code body}; imports cover what the bodies use. */
    private static List<Violation> violations(String body) {
        Map<String, byte[]> classes = Javac.compile(Map.of("kata/twolayer/Hostile.java", TEMPLATE.formatted("Hostile", body)));
        return violationsOf(classes, "kata/twolayer/Hostile");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            exit                   | System.exit(0); return null;                                                          | java.lang.System.exit              | ends the JVM
            halt                   | Runtime.getRuntime().halt(0); return null;                                            | java.lang.Runtime.halt             | ends the JVM
            shutdown hook          | Runtime.getRuntime().addShutdownHook(null); return null;                              | addShutdownHook                    | shutdown hook
            thread                 | new Thread(() -> { }).start(); return null;                                           | java.lang.Thread                   | threads
            executor               | return java.util.concurrent.Executors.newSingleThreadExecutor();                       | java.util.concurrent.Executors     | threads
            system property        | return System.setProperty("kata.tries", "1");                                          | java.lang.System.setProperty       | grader's settings
            secret seed            | return Long.getLong("kata.grading.seed");                                              | java.lang.Long.getLong             | system properties
            environment            | return System.getenv("HOME");                                                          | java.lang.System.getenv            | environment
            reflection             | return Class.forName("backprop.harness.junit.Settings").getDeclaredFields();          | java.lang.Class.forName            | reflection
            field reflection       | return x.getClass().getDeclaredField("x");                                             | java.lang.Class.getDeclaredField   | reflection
            autodiff               | return org.nd4j.autodiff.samediff.SameDiff.create();                                   | org.nd4j.autodiff.samediff.SameDiff | autodiff
            harness reference      | return backprop.harness.reference.Reference.class;                                     | backprop.harness.reference         | reference gradients
            harness internals      | return backprop.harness.check.FiniteDifferences.class;                                 | backprop.harness.check             | learner-facing
            reading solutions      | return java.nio.file.Files.readString(java.nio.file.Path.of("solutions/x.java"));     | java.nio.file.Files.readString     | files
            forged report          | new java.io.FileWriter("target/kata-progress.txt").write("pass"); return null;       | java.io.FileWriter                 | files
            detached process       | return new ProcessBuilder("sh", "-c", "sleep 60 &").start();                          | java.lang.ProcessBuilder           | processes
            runtime exec           | return Runtime.getRuntime().exec("true");                                             | java.lang.Runtime.exec             | other processes
            run-time compilation   | return javax.tools.ToolProvider.getSystemJavaCompiler();                              | javax.tools.ToolProvider           | compiles or runs
            stack walker           | return StackWalker.getInstance().walk(s -> s.count());                                 | java.lang.StackWalker              | stack inspection
            stack trace            | return new Throwable().getStackTrace();                                                | java.lang.Throwable.getStackTrace  | stack inspection
            class loader           | return ClassLoader.getSystemClassLoader();                                             | java.lang.ClassLoader              | class loading
            method handle          | return java.lang.invoke.MethodHandles.lookup();                                         | java.lang.invoke.MethodHandles     | reflection
            exit by reference      | IntConsumer e = System::exit; e.accept(0); return null;                                | java.lang.System.exit              | ends the JVM
            parallel stream        | return new ArrayList<Integer>().parallelStream().count();                               | parallelStream                     | other threads
            nd4j files             | Nd4j.saveBinary(x, new java.io.File("x")); return null;                                | Nd4j.saveBinary                    | files
            nd4j numpy file        | return Nd4j.createFromNpyFile(null);                                                   | Nd4j.createFromNpyFile             | files
            nd4j executioner       | return Nd4j.getExecutioner();                                                           | Nd4j.getExecutioner                | executioner
            timer                  | return new Timer();                                                                     | java.util.Timer                    | threads
            network                | return new java.net.URL("http://example.com").openStream();                           | java.net.URL                       | network
            unsafe                 | return sun.misc.Unsafe.class;                                                           | sun.misc.Unsafe                    | JDK internals
            """)
    void aHostileCallIsNamedWithItsLineAndReason(String what, String body, String reference, String reason) throws Exception {
        Map<String, byte[]> classes = hostileClasses();
        String className = BODIES.get(body);
        List<Violation> found = violationsOf(classes, className);
        String simple = className.substring(className.lastIndexOf('/') + 1);

        assertThat(found).as(what).isNotEmpty();
        assertThat(found).as(what).anySatisfy(v -> {
            assertThat(v.describe()).contains(reference).contains(reason);
            assertThat(v.className()).isEqualTo("kata.twolayer." + simple);
            assertThat(v.line()).as("the line of the call in " + simple + ".java").isEqualTo(11);
            assertThat(v.describe()).startsWith(simple + ".java:11, in kata.twolayer." + simple + ".");
        });
    }

    @Test
    void ordinaryLearnerCodePasses() {
        List<Violation> found = violations("""
                        record Pair(INDArray a, double b) { }
                        enum Kind { A, B }
                        Kind k = Kind.valueOf("A");
                        switch (k) { case A -> System.out.println("a " + k); default -> System.err.printf("%s%n", k); }
                        assert x != null : "x";
                        List<Double> l = new ArrayList<>(Arrays.asList(1.0, 2.0));
                        Map<String, INDArray> m = new LinkedHashMap<>();
                        m.put("W1", Nd4j.zeros(2, 3).addi(Nd4j.rand(2, 3)));
                        DoubleUnaryOperator f = Math::tanh;
                        double[] v = x.dup().data().asDouble();
                        double s = l.stream().mapToDouble(Double::doubleValue).sum() + f.applyAsDouble(v.length) + new Random(1).nextGaussian();
                        INDArray z = Transforms.sigmoid(x.mmul(x.transpose()), true).get(org.nd4j.linalg.indexing.NDArrayIndex.all());
                        return new Pair(z.castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE), s + StrictMath.exp(1) + System.nanoTime());
                """);

        assertThat(found).isEmpty();
    }

    @Test
    void aClassExtendingThreadIsNamed() {
        Map<String, byte[]> classes = Javac.compile(Map.of("kata/twolayer/Worker.java",
                "package kata.twolayer;\npublic class Worker extends Thread { }\n"));

        List<Violation> found = BytecodeCheck.check(classes.get("kata/twolayer/Worker"), classes::containsKey);

        assertThat(found).anySatisfy(v -> assertThat(v.describe()).contains("extends java.lang.Thread").contains("threads"));
    }

    @Test
    void everyExerciseOfThisBuildPassesTheCheck() throws Exception {
        // -Psolutions compiles solutions/, the learner build exercises/: whichever this build holds must pass.
        Path kataDir = Path.of(System.getProperty("kata.dir", "solutions"));
        // The kata's classes, not the harness's (a module of its own): where the learner build finds them too.
        Path classes = Path.of(System.getProperty("kata.build.dir", "target"), "classes").toAbsolutePath();
        assertThat(GradePreview.classesRoot(kataDir.resolve("01-sigmoid").resolve("src")))
                .as("where the learner build's grade preview looks for 01's classes").isEqualTo(classes);
        List<String> exercises;
        try (Stream<Path> s = Files.list(kataDir)) {
            exercises = s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertThat(exercises).as("the exercise folders of this build").hasSizeGreaterThanOrEqualTo(14);
        for (String e : exercises) {
            Map<String, byte[]> found = ExerciseClasses.of(kataDir.resolve(e).resolve("src"), classes);
            assertThat(found).as(e + "'s classes in " + classes).isNotEmpty();
            assertThat(GradePreview.report(e, kataDir, classes)).as(e).isEmpty();
        }
    }

    @Test
    void theLearnersWarningSaysTheExerciseWouldScoreZeroAndWhatIsAllowed() {
        String text = GradePreview.render("04-two-layer-network", violations("        System.exit(1); return null;"));

        assertThat(text).startsWith("04-two-layer-network: this would score 0 when graded")
                .contains("Hostile.java:11").contains("java.lang.System.exit").contains("Allowed:");
    }
}
