package backprop.grader;

import static backprop.grader.BuiltGrader.solution;
import static backprop.grader.BuiltGrader.withMember;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Submissions that try to get marks without the work, or to hang or break the grading, each
 * graded end to end: the reference solutions with one exercise altered. The bytecode cases run
 * no JVM (the check stops them first); the runtime cases run one JVM per exercise with few tries
 * and short limits. They read solutions/, so they run in the -Psolutions build only.
 */
@EnabledIfSystemProperty(named = "kata.dir", matches = "solutions")
class HostileSubmissionsTest {
    @TempDir
    Path tmp;

    private JsonNode grade(Path submission, String assignmentYaml, List<String> only, Map<String, ExerciseJvm.Run> runs) throws Exception {
        Path yaml = tmp.resolve("assignment.yaml");
        Files.writeString(yaml, assignmentYaml);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Grader.Report report = new Grader(BuiltGrader.layout(), Assignment.read(yaml), new PrintStream(log, true, StandardCharsets.UTF_8))
                .grade(submission, only, Files.createDirectories(tmp.resolve("work")));
        Path results = tmp.resolve("results.json");
        ResultsWriter.gradescope(results, report.outcomes(), report.output(), report.seconds());
        ResultsWriter.junitXml(tmp.resolve("junit.xml"), report.outcomes(), report.seconds());
        runs.putAll(report.runs());
        return GradescopeFormat.validate(results);
    }

    private static List<JsonNode> testsOf(JsonNode results, String exercise) {
        List<JsonNode> out = new java.util.ArrayList<>();
        results.get("tests").forEach(t -> {
            if (t.get("name").asText().startsWith(exercise + ": ")) {
                out.add(t);
            }
        });
        assertThat(out).as(exercise + "'s tests").isNotEmpty();
        return out;
    }

    private static void allZeroSaying(JsonNode results, String exercise, String... phrases) {
        for (JsonNode t : testsOf(results, exercise)) {
            assertThat(t.get("status").asText()).as(t.get("name").asText()).isEqualTo("failed");
            assertThat(t.get("score").asDouble()).isZero();
            assertThat(t.get("output").asText()).as(t.get("name").asText()).contains(phrases);
        }
    }

    @Test
    void everyForbiddenApiScoresZeroNamingTheCallTheLineAndWhyWithoutRunningAnything() throws Exception {
        Map<String, String> edits = new LinkedHashMap<>();
        Map<String, String[]> expected = new LinkedHashMap<>();
        hostile(edits, expected, "01-sigmoid/src/kata/sigmoid/Sigmoid.java", "static void quit() { System.exit(0); }",
                "java.lang.System.exit", "ends the JVM");
        hostile(edits, expected, "02-losses-and-output-delta/src/kata/losses/Losses.java", "static void quit() { Runtime.getRuntime().halt(0); }",
                "java.lang.Runtime.halt", "ends the JVM");
        hostile(edits, expected, "03-dense-layer/src/kata/dense/Dense.java",
                "static void leak() { Thread t = new Thread(() -> { while (true) { } }); t.start(); }", "java.lang.Thread", "threads outlive");
        hostile(edits, expected, "04-two-layer-network/src/kata/twolayer/TwoLayerNetwork.java",
                "static void hook() { Runtime.getRuntime().addShutdownHook(new Thread(() -> { })); }", "addShutdownHook", "shutdown hook");
        hostile(edits, expected, "05-course-notation/src/kata/coursenotation/CourseNetwork.java",
                "static void forge() throws java.io.IOException { java.nio.file.Files.writeString(java.nio.file.Path.of(\"target/kata-progress.txt\"), \"pass\"); }",
                "java.nio.file.Files.writeString", "reads or writes files");
        hostile(edits, expected, "06-batches-and-scaling/src/kata/batches/Batches.java",
                "static void detach() throws java.io.IOException { new ProcessBuilder(\"sh\", \"-c\", \"(sleep 2; sed -i s/failures=.1./failures=0/ target/surefire-reports/*.xml) &\").start(); }",
                "java.lang.ProcessBuilder", "other processes");
        hostile(edits, expected, "07-l2-regularisation/src/kata/l2/L2Regularisation.java",
                "static { System.setProperty(\"kata.tries\", \"1\"); }", "java.lang.System.setProperty", "grader's settings");
        hostile(edits, expected, "08-gradient-descent/src/kata/gradientdescent/GradientDescent.java",
                "static Object peek() throws Exception { return Class.forName(\"backprop.harness.junit.Settings\").getDeclaredMethods(); }",
                "java.lang.Class.forName", "reflection");
        hostile(edits, expected, "09-deep-network/src/kata/deep/DeepNetwork.java",
                "static Object graph() { return org.nd4j.autodiff.samediff.SameDiff.create(); }", "SameDiff", "autodiff");
        hostile(edits, expected, "10-softmax-cross-entropy/src/kata/softmax/SoftmaxNetwork.java",
                "static Object reference() { return backprop.harness.reference.Reference.class; }", "backprop.harness.reference.Reference",
                "reference gradients");
        hostile(edits, expected, "11-debug-the-question/src/kata/debug/QuestionNetwork.java",
                "static int compile() throws Exception { String s = java.nio.file.Files.readString(java.nio.file.Path.of(\"solutions/11-debug-the-question/src/kata/debug/QuestionNetwork.java\"));"
                        + " return javax.tools.ToolProvider.getSystemJavaCompiler().run(null, null, null, s); }",
                "javax.tools.ToolProvider", "compiles or runs other code");
        hostile(edits, expected, "12-gradient-checker/src/kata/gradientchecker/GradientChecker.java",
                "static boolean underTest() { return StackWalker.getInstance().walk(s -> s.anyMatch(f -> f.getClassName().startsWith(\"org.junit\"))); }",
                "java.lang.StackWalker", "stack inspection");
        hostile(edits, expected, "13-huber-regression/src/kata/huber/HuberRegression.java",
                "static String secret() { return System.getenv(\"KATA_SEED\"); }", "java.lang.System.getenv", "the environment");
        hostile(edits, expected, "14-batch-normalisation/src/kata/batchnorm/BatchNorm.java",
                "static Object phone() throws Exception { return new java.net.URL(\"http://127.0.0.1/\").openStream(); }",
                "java.net.URL", "network");
        Path sub = BuiltGrader.submission(tmp.resolve("sub"), edits);
        Map<String, ExerciseJvm.Run> runs = new LinkedHashMap<>();

        JsonNode results = grade(sub, "tries: 5\n", List.of(), runs);

        assertThat(runs).as("JVMs started: none, every exercise is stopped by the bytecode check").isEmpty();
        assertThat(results.get("score").asDouble()).isZero();
        for (Map.Entry<String, String[]> e : expected.entrySet()) {
            String exercise = e.getKey();
            String file = edits.keySet().stream().filter(k -> k.startsWith(exercise)).findFirst().orElseThrow();
            String fileName = file.substring(file.lastIndexOf('/') + 1);
            allZeroSaying(results, exercise, exercise + " scores 0", "does not allow", fileName + ":", e.getValue()[0], e.getValue()[1]);
        }
        assertThat(results.get("output").asText()).contains("01-sigmoid                    0 of 13 tests pass");
        assertThat(Files.readString(tmp.resolve("junit.xml"))).contains("<testsuite name=\"04-two-layer-network\"").contains("<failure message=");
    }

    private static void hostile(Map<String, String> edits, Map<String, String[]> expected, String file, String member, String reference,
            String reason) throws Exception {
        edits.put(file, withMember(solution(file), "    " + member));
        expected.put(file.substring(0, file.indexOf('/')), new String[] {reference, reason});
    }

    @Test
    void loopOutOfMemoryStackOverflowFiniteDifferencesAndCompileErrorsEachScoreWhatTheyDeserveAndTheRestIsGradedAsUsual() throws Exception {
        Map<String, String> edits = new LinkedHashMap<>();
        String sigmoid = "01-sigmoid/src/kata/sigmoid/Sigmoid.java";
        edits.put(sigmoid, withMember(solution(sigmoid).replace("public static double of(double z) {",
                "public static double of(double z) {\n        if (z != 1234.5) {\n            return deeper(z);\n        }"),
                "    private static double deeper(double z) {\n        return deeper(z + 1) + 1;\n    }"));
        String course = "05-course-notation/src/kata/coursenotation/CourseNetwork.java";
        edits.put(course, solution(course).replace("public static INDArray addBiasColumn(INDArray A) {",
                "public static INDArray addBiasColumn(INDArray A) {\n        java.util.List<double[]> hoard = new java.util.ArrayList<>();\n"
                        + "        for (int i = 0; i < Integer.MAX_VALUE; i++) {\n            hoard.add(new double[1 << 20]);\n        }"));
        String dense = "03-dense-layer/src/kata/dense/Dense.java";
        edits.put(dense, solution(dense).replace("return X.mmul(W).addRowVector(b);",
                "long spin = 0;\n        while (spin >= 0) {\n            spin = (spin + 1) % 1000;\n        }\n        return X.mmul(W).addRowVector(b);"));
        String two = "04-two-layer-network/src/kata/twolayer/TwoLayerNetwork.java";
        edits.put(two, finiteDifferences(solution(two)));
        String checker = "12-gradient-checker/src/kata/gradientchecker/GradientChecker.java";
        edits.put(checker, solution(checker).replace("return Math.abs(analytic - numerical) / scale;", "return \"not a number\";"));
        Path sub = BuiltGrader.submission(tmp.resolve("sub"), edits);
        Map<String, ExerciseJvm.Run> runs = new LinkedHashMap<>();
        String yaml = """
                seed: 20261130
                tries: 5
                jobs: 2
                exercises:
                  01-sigmoid: {}
                  02-losses-and-output-delta: {}
                  03-dense-layer: {time_limit_seconds: 8}
                  04-two-layer-network: {}
                  05-course-notation: {heap_mb: 256}
                  12-gradient-checker: {}
                """;

        JsonNode results = grade(sub, yaml, List.of(), runs);

        allZeroSaying(results, "01-sigmoid", "01-sigmoid scores 0: the stack overflowed");
        allZeroSaying(results, "05-course-notation", "ran out of memory (heap capped at 256 MB)");
        allZeroSaying(results, "03-dense-layer", "did not finish within 8 s of CPU time", "An endless loop");
        assertThat(runs.get("03-dense-layer").cpuSeconds).as("the loop is ended at its limit of CPU time").isBetween(8.0, 10.0);
        allZeroSaying(results, "04-two-layer-network", "numerical differentiation", "TwoLayerNetwork.java:");
        for (JsonNode t : testsOf(results, "02-losses-and-output-delta")) {
            assertThat(t.get("status").asText()).as("an untouched exercise of the same submission: " + t.get("name")).isEqualTo("passed");
        }
        List<JsonNode> checks = testsOf(results, "12-gradient-checker");
        assertThat(checks).as("12: tests of methods that compile still pass").anySatisfy(t -> assertThat(t.get("status").asText()).isEqualTo("passed"));
        assertThat(checks).as("12: tests that call the broken method fail, naming the compile error").anySatisfy(t -> {
            assertThat(t.get("status").asText()).isEqualTo("failed");
            assertThat(t.get("output").asText()).contains("Your code does not compile").contains("GradientChecker.java line")
                    .contains("Type mismatch");
        });
    }

    /** Exercise 04's backward replaced by central differences of its own loss: right answers, no backprop. */
    private static String finiteDifferences(String source) {
        int start = source.indexOf("    public static Gradients backward(");
        int end = source.indexOf("\n    }\n", start) + "\n    }\n".length();
        String fd = """
                    public static Gradients backward(Cache c, INDArray Y, Params p, Loss loss) {
                        INDArray[] ps = {p.W1(), p.b1(), p.W2(), p.b2()};
                        INDArray[] gs = new INDArray[4];
                        double h = 1e-6;
                        for (int k = 0; k < 4; k++) {
                            gs[k] = ps[k].mul(0);
                            for (int i = 0; i < ps[k].length(); i++) {
                                INDArray[] plus = copies(ps);
                                INDArray[] minus = copies(ps);
                                plus[k].putScalar(i, ps[k].getDouble(i) + h);
                                minus[k].putScalar(i, ps[k].getDouble(i) - h);
                                double up = loss(forward(c.X(), new Params(plus[0], plus[1], plus[2], plus[3])), Y, loss);
                                double down = loss(forward(c.X(), new Params(minus[0], minus[1], minus[2], minus[3])), Y, loss);
                                gs[k].putScalar(i, (up - down) / (2 * h));
                            }
                        }
                        return new Gradients(gs[0], gs[1], gs[2], gs[3]);
                    }

                    private static INDArray[] copies(INDArray[] a) {
                        INDArray[] out = new INDArray[a.length];
                        for (int i = 0; i < a.length; i++) {
                            out[i] = a[i].dup();
                        }
                        return out;
                    }
                """;
        return source.substring(0, start) + fd + source.substring(end);
    }

    @Test
    void anEmptySubmissionScoresZeroWithTheStubsMessages() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        Map<String, ExerciseJvm.Run> runs = new LinkedHashMap<>();

        JsonNode results = grade(empty, "tries: 5\n", List.of("12"), runs);

        assertThat(results.get("score").asDouble()).isZero();
        allZeroSaying(results, "12-gradient-checker", "GradientChecker.java is missing from the submission", "not implemented yet");
    }
}
