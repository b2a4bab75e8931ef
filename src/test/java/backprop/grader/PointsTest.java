package backprop.grader;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Points are exact and written as a person writes them. The kata's 127 graded tests' maxima, added
 * in binary floating point, were printed as "140.0 of 139.99999999999986"; 14 exercises of 7 tests
 * each, so added, give 140.00000000000009.
 */
class PointsTest {
    @TempDir
    Path tmp;

    @Test
    void fourteenExercisesOfSevenTestsAddUpToExactlyOneHundredAndForty() throws Exception {
        Assignment a = Assignment.defaults(tmp);
        List<Outcome> outcomes = new ArrayList<>();
        for (int e = 1; e <= 14; e++) {
            String exercise = String.format("%02d-exercise", e);
            List<TestCatalog.GradedTest> tests = IntStream.range(0, 7)
                    .mapToObj(i -> new TestCatalog.GradedTest(exercise, "id" + i, "kata.X", "test" + i, "test " + i, false)).toList();
            BigDecimal[] points = Points.split(a, exercise, tests);
            assertThat(points).as("10 points over 7 tests: six of 10/7 rounded to 1/10000, the last the remainder")
                    .containsExactly(dec("1.4286"), dec("1.4286"), dec("1.4286"), dec("1.4286"), dec("1.4286"), dec("1.4286"), dec("1.4284"));
            for (int i = 0; i < tests.size(); i++) {
                outcomes.add(new Outcome(tests.get(i), e + "." + (i + 1), points[i], points[i], true, "", Assignment.Visibility.VISIBLE, 0, 0));
            }
        }
        assertThat(Points.text(Points.sum(outcomes, Outcome::maxScore))).isEqualTo("140");
        assertThat(Points.text(Points.sum(outcomes, Outcome::score))).isEqualTo("140");

        Path results = tmp.resolve("results.json");
        ResultsWriter.gradescope(results, outcomes, "", 1.0);
        String json = Files.readString(results, StandardCharsets.UTF_8);
        assertThat(json).as("the total as a person writes it").contains("\"score\" : 140,").contains("\"max_score\" : 1.4286,")
                .doesNotContain("140.0").doesNotContainPattern("\\d\\.\\d*0\\b,").doesNotContain("E+");
        GradescopeFormat.validate(results);
    }

    @Test
    void pointsAnAssignmentGivesAreKeptAsWrittenAndTheRestSharesWhatIsLeft() {
        Assignment a = Assignment.defaults(tmp);
        Assignment.ExerciseSpec spec = new Assignment.ExerciseSpec();
        spec.points = 20.0;
        Assignment.TestSpec named = new Assignment.TestSpec();
        named.points = 12.5;
        spec.tests.put("first", named);
        a.exercises.put("04-x", spec);
        List<TestCatalog.GradedTest> tests = List.of("first", "second", "third").stream()
                .map(m -> new TestCatalog.GradedTest("04-x", m, "kata.X", m, m, false)).toList();

        BigDecimal[] points = Points.split(a, "04-x", tests);

        assertThat(points).extracting(Points::text).containsExactly("12.5", "3.75", "3.75");
        assertThat(Points.text(points[0].add(points[1]).add(points[2]))).isEqualTo("20");
        assertThat(Points.text(BigDecimal.ZERO)).isEqualTo("0");
    }

    private static BigDecimal dec(String s) {
        return new BigDecimal(s);
    }
}
