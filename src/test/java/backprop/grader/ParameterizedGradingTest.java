package backprop.grader;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A parameterised test is one graded item over all its cases: it passes only when every case
 * passes, and its output has a line for each failing case (docs/GRADING.md, "Parameterised tests").
 */
@EnabledIfSystemProperty(named = "kata.dir", matches = "solutions")
class ParameterizedGradingTest {
    @TempDir
    Path tmp;

    @Test
    void aParameterisedTestIsOneItemThatPassesOnlyWhenEveryCasePasses() throws Exception {
        Path hidden = tmp.resolve("hidden/kata/sigmoid/HiddenSigmoidCasesTest.java");
        Files.createDirectories(hidden.getParent());
        Files.writeString(hidden, """
                package kata.sigmoid;

                import static org.assertj.core.api.Assertions.assertThat;

                import org.junit.jupiter.params.ParameterizedTest;
                import org.junit.jupiter.params.provider.ValueSource;

                import backprop.harness.junit.Exercise;

                @Exercise("01-sigmoid")
                class HiddenSigmoidCasesTest {
                    @ParameterizedTest(name = "z = {0}")
                    @ValueSource(doubles = {-1, 0, 1})
                    void sigmoidLiesBetweenZeroAndOne(double z) {
                        assertThat(Sigmoid.of(z)).isBetween(0.0, 1.0);
                    }

                    @ParameterizedTest(name = "z = {0}")
                    @ValueSource(doubles = {0, 1, 2})
                    void sigmoidStaysBelowSixTenths(double z) {
                        assertThat(Sigmoid.of(z)).as("the instructor's wrong bound, σ(%s) < 0.6", z).isLessThan(0.6);
                    }
                }
                """);
        Path sub = BuiltGrader.submission(tmp.resolve("sub"), Map.of());
        Path results = tmp.resolve("out/results.json");
        ByteArrayOutputStream log = new ByteArrayOutputStream();

        int rc = Grade.run(new String[] {"--root", BuiltGrader.layout().root().toString(), "--build", BuiltGrader.build(tmp).toString(),
                "--hidden-tests", tmp.resolve("hidden").toString(), "--exercises", "01", sub.toString(), results.toString()},
                new PrintStream(log, true, StandardCharsets.UTF_8));

        assertThat(rc).as(log.toString(StandardCharsets.UTF_8)).isZero();
        JsonNode r = GradescopeFormat.validate(results);
        List<JsonNode> tests = new ArrayList<>();
        r.get("tests").forEach(tests::add);

        JsonNode passing = byName(tests, "01-sigmoid: sigmoid lies between zero and one");
        assertThat(passing.get("status").asText()).isEqualTo("passed");
        assertThat(passing.get("output").asText()).isEqualTo("All 3 cases pass: z = -1.0, z = 0.0, z = 1.0.");
        assertThat(passing.get("extra_data").get("cases").asInt()).isEqualTo(3);
        assertThat(passing.get("extra_data").get("cases_passed").asInt()).isEqualTo(3);

        JsonNode failing = byName(tests, "01-sigmoid: sigmoid stays below six tenths");
        assertThat(failing.get("status").asText()).as("one case of three passes: the item still fails").isEqualTo("failed");
        assertThat(failing.get("score").asDouble()).isZero();
        assertThat(failing.get("extra_data").get("cases").asInt()).isEqualTo(3);
        assertThat(failing.get("extra_data").get("cases_passed").asInt()).isEqualTo(1);
        assertThat(failing.get("output").asText())
                .startsWith("2 of 3 cases fail; this test scores only when all 3 pass:\n"
                        + "  ✗ z = 1.0: [the instructor's wrong bound, σ(1.0) < 0.6] \n"
                        + "  ✗ z = 2.0: [the instructor's wrong bound, σ(2.0) < 0.6] \n")
                .doesNotContain("✗ z = 0.0");
        assertThat(tests.stream().filter(t -> t.has("extra_data"))).as("only the two parameterised tests carry cases").hasSize(2);
    }

    private static JsonNode byName(List<JsonNode> tests, String name) {
        return tests.stream().filter(t -> t.get("name").asText().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no test named '" + name + "' in " + tests.stream().map(t -> t.get("name").asText()).toList()));
    }
}
