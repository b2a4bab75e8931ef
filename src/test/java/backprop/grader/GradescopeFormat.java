package backprop.grader;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Checks a results.json against Gradescope's autograder format (the fields and values its documentation lists). */
final class GradescopeFormat {
    private static final Set<String> TOP = Set.of("score", "execution_time", "output", "output_format", "test_output_format",
            "visibility", "stdout_visibility", "tests", "extra_data", "test_name_format", "leaderboard");
    private static final Set<String> TEST = Set.of("score", "max_score", "status", "name", "name_format", "number", "output",
            "output_format", "tags", "visibility", "extra_data");
    private static final Set<String> VISIBILITY = Set.of("hidden", "after_due_date", "after_published", "visible");
    private static final Set<String> FORMATS = Set.of("text", "html", "simple_format", "md", "ansi");

    private GradescopeFormat() {
    }

    static JsonNode validate(Path results) throws Exception {
        String text = java.nio.file.Files.readString(results);
        assertThat(text).as("points as a person writes them: 140, 12.5, never 140.0 or 139.99999999999986")
                .doesNotContainPattern("\"(max_)?score\" : -?\\d+\\.(\\d*0|\\d{5,})\\s*[,}\\n]");
        JsonNode root = new ObjectMapper().enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .readTree(results.toFile());
        assertThat(root.isObject()).isTrue();
        root.fieldNames().forEachRemaining(f -> assertThat(TOP).as("top-level field").contains(f));
        assertThat(root.get("score").isNumber()).as("score is a number").isTrue();
        assertThat(root.get("execution_time").isNumber()).isTrue();
        assertThat(root.get("output").isTextual()).isTrue();
        assertThat(FORMATS).contains(root.get("output_format").asText(), root.get("test_output_format").asText());
        assertThat(VISIBILITY).contains(root.get("visibility").asText(), root.get("stdout_visibility").asText());
        java.math.BigDecimal sum = java.math.BigDecimal.ZERO;
        for (JsonNode t : root.get("tests")) {
            t.fieldNames().forEachRemaining(f -> assertThat(TEST).as("test field").contains(f));
            assertThat(t.get("name").asText()).matches("\\d\\d-[a-z0-9-]+: .+");
            assertThat(t.get("number").asText()).matches("\\d+\\.\\d+");
            assertThat(t.get("status").asText()).isIn("passed", "failed");
            assertThat(VISIBILITY).contains(t.get("visibility").asText());
            double score = t.get("score").asDouble();
            double max = t.get("max_score").asDouble();
            assertThat(score).isBetween(0.0, max);
            assertThat(score == max).as(t.get("name") + ": full score exactly when passed").isEqualTo(t.get("status").asText().equals("passed"));
            assertThat(t.get("output").asText()).as("no ANSI codes").doesNotContain("\u001B[")
                    .as("no grader stack traces").doesNotContain("at backprop.grader").doesNotContain("at org.junit");
            sum = sum.add(t.get("score").decimalValue());
        }
        assertThat(root.get("score").decimalValue()).as("the total is exactly the tests' sum").isEqualByComparingTo(sum);
        return root;
    }
}
