package backprop.grader;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An instructor's assignment: points per exercise and per test, visibility, and hidden tests
 * from a folder outside the student's repository, graded like the kata's own, through the
 * command line a platform calls (grader/grade's Java side).
 */
@EnabledIfSystemProperty(named = "kata.dir", matches = "solutions")
class AssignmentGradingTest {
    @TempDir
    Path tmp;

    @Test
    void pointsVisibilityAndHiddenTestsComeFromTheAssignment() throws Exception {
        Path hidden = tmp.resolve("instructor/hidden/kata/twolayer/HiddenTwoLayerTest.java");
        Files.createDirectories(hidden.getParent());
        Files.writeString(hidden, """
                package kata.twolayer;

                import static org.assertj.core.api.Assertions.assertThat;

                import org.junit.jupiter.api.Test;
                import org.nd4j.linalg.factory.Nd4j;

                import backprop.harness.api.Loss;
                import backprop.harness.junit.Exercise;

                @Exercise("04-two-layer-network")
                class HiddenTwoLayerTest {
                    @Test
                    void lossOfAPerfectPredictionIsZero() {
                        TwoLayerNetwork.Cache c = new TwoLayerNetwork.Cache(null, null, null, null, Nd4j.ones(2, 1));
                        assertThat(TwoLayerNetwork.loss(c, Nd4j.ones(2, 1), Loss.MSE)).isZero();
                    }

                    @Test
                    void aTestNoSubmissionPasses() {
                        assertThat(1).as("the instructor's impossible test").isEqualTo(2);
                    }
                }
                """);
        Path yaml = tmp.resolve("instructor/assignment.yaml");
        Files.writeString(yaml, """
                # the course's settings
                seed: 977
                tries: 5
                hidden_tests: hidden
                exercises:
                  03-dense-layer:
                    points: 6
                    visibility: after_published
                  04-two-layer-network:
                    points: 20
                    tests:
                      gradientsAreRightOnRandomTwoLayerNetworks: {points: 12, visibility: after_due_date}
                """);
        Path sub = BuiltGrader.submission(tmp.resolve("sub"), Map.of());
        Path results = tmp.resolve("out/results.json");
        ByteArrayOutputStream log = new ByteArrayOutputStream();

        int rc = Grade.run(new String[] {"--root", BuiltGrader.layout().root().toString(), "--build", BuiltGrader.build(tmp).toString(),
                "--assignment", yaml.toString(), "--exercises", "04", sub.toString(), results.toString()},
                new PrintStream(log, true, StandardCharsets.UTF_8));

        assertThat(rc).as(log.toString(StandardCharsets.UTF_8)).isZero();
        JsonNode r = GradescopeFormat.validate(results);
        assertThat(Files.readString(tmp.resolve("out/results-junit.xml"))).contains("testsuite name=\"04-two-layer-network\"");
        List<JsonNode> tests = new java.util.ArrayList<>();
        r.get("tests").forEach(tests::add);
        assertThat(tests).as("--exercises 04: only 04 is graded").allSatisfy(t -> assertThat(t.get("name").asText()).startsWith("04-two-layer-network: "));
        JsonNode random = byName(tests, "04-two-layer-network: gradients are right on random two layer networks");
        assertThat(random.get("max_score").asDouble()).isEqualTo(12);
        assertThat(random.get("visibility").asText()).isEqualTo("after_due_date");
        JsonNode passing = byName(tests, "04-two-layer-network: loss of a perfect prediction is zero");
        assertThat(passing.get("status").asText()).isEqualTo("passed");
        assertThat(passing.get("visibility").asText()).as("hidden tests: after the due date by default").isEqualTo("after_due_date");
        JsonNode impossible = byName(tests, "04-two-layer-network: a test no submission passes");
        assertThat(impossible.get("status").asText()).isEqualTo("failed");
        assertThat(impossible.get("output").asText()).contains("the instructor's impossible test");
        // 20 points: 12 for the named test, 8 shared by the five others (four kata tests, two hidden ones, one of which fails).
        assertThat(tests).hasSize(6);
        assertThat(tests.stream().mapToDouble(t -> t.get("max_score").asDouble()).sum()).isCloseTo(20, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(r.get("score").asDouble()).isCloseTo(20 - impossible.get("max_score").asDouble(), org.assertj.core.api.Assertions.within(1e-9));
        assertThat(r.get("output").asText()).startsWith("Backprop Kata: ").doesNotContain("no secret seed");
    }

    @Test
    void aTypoInTheAssignmentStopsTheGraderWithAMessage() throws Exception {
        Path yaml = tmp.resolve("assignment.yaml");
        Files.writeString(yaml, "tries: 5\ntime_limit: 30\n");
        ByteArrayOutputStream log = new ByteArrayOutputStream();

        int rc = Grade.run(new String[] {"--root", BuiltGrader.layout().root().toString(), "--build", BuiltGrader.build(tmp).toString(),
                "--assignment", yaml.toString(), tmp.toString(), tmp.resolve("r.json").toString()},
                new PrintStream(log, true, StandardCharsets.UTF_8));

        assertThat(rc).isEqualTo(1);
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("the grader could not run").contains("time_limit");
        assertThat(tmp.resolve("r.json")).doesNotExist();
    }

    private static JsonNode byName(List<JsonNode> tests, String name) {
        return tests.stream().filter(t -> t.get("name").asText().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no test named '" + name + "' in " + tests.stream().map(t -> t.get("name").asText()).toList()));
    }

}
