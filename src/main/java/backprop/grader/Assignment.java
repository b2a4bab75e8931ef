package backprop.grader;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * An instructor's assignment: which exercises count and for how much, who sees which test when,
 * time and memory per exercise, tries per property and the secret seed. Read from YAML or JSON
 * (by extension); unknown keys are an error, so a typo does not silently grade with defaults.
 */
public final class Assignment {
    public enum Visibility {
        @JsonProperty("visible") VISIBLE,
        @JsonProperty("after_due_date") AFTER_DUE_DATE,
        @JsonProperty("after_published") AFTER_PUBLISHED,
        @JsonProperty("hidden") HIDDEN;

        public String gradescope() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public static final class TestSpec {
        public Double points;
        public Visibility visibility;
    }

    public static final class ExerciseSpec {
        /** Points for the exercise, split evenly over the tests that do not name their own. */
        public Double points;
        public Visibility visibility;
        public Integer timeLimitSeconds;
        public Integer heapMb;
        /** Per test, by method name (gradientsAreRightOnRandomTwoLayerNetworks) or by its sentence. */
        public Map<String, TestSpec> tests = new LinkedHashMap<>();
    }

    /** Mixed into every property's seeds: graded cases are not the learner's, and cannot be precomputed. */
    public Long seed;
    public int tries = 100;
    public double pointsPerExercise = 10;
    public int timeLimitSeconds = 120;
    public int heapMb = 1024;
    public int jobs = 1;
    public Visibility visibility = Visibility.VISIBLE;
    /** Extra test classes (.java, with @Exercise), from a directory outside the student's repository. */
    public String hiddenTests;
    public Visibility hiddenTestsVisibility = Visibility.AFTER_DUE_DATE;
    /** Exercises allowed to compute gradients numerically (the gradient checker is one by design). */
    public List<String> numericalGradientsAllowed = List.of("12-gradient-checker");
    /** Exercises graded, in order; empty: every exercise in the grader's exercises/. */
    public Map<String, ExerciseSpec> exercises = new LinkedHashMap<>();

    /** Where the file was read from; relative paths in it are resolved against its folder. */
    private Path base;

    public static Assignment defaults(Path base) {
        Assignment a = new Assignment();
        a.base = base;
        return a;
    }

    public static Assignment read(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        ObjectMapper mapper = name.endsWith(".json") ? new ObjectMapper() : new ObjectMapper(new YAMLFactory());
        mapper.setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
        mapper.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        Assignment a = mapper.readValue(file.toFile(), Assignment.class);
        a.base = file.toAbsolutePath().getParent();
        if (a.exercises == null) {
            a.exercises = new LinkedHashMap<>();
        }
        a.exercises.replaceAll((k, v) -> v == null ? new ExerciseSpec() : v);
        if (a.tries < 1 || a.timeLimitSeconds < 1 || a.heapMb < 256 || a.jobs < 1) {
            throw new IllegalArgumentException("assignment " + file + ": tries and time_limit_seconds must be at least 1,"
                    + " heap_mb at least 256, jobs at least 1");
        }
        return a;
    }

    public Path hiddenTestsDir() {
        return hiddenTests == null ? null : base.resolve(hiddenTests).normalize();
    }

    public ExerciseSpec spec(String exercise) {
        return exercises.getOrDefault(exercise, new ExerciseSpec());
    }

    public double points(String exercise) {
        Double p = spec(exercise).points;
        return p != null ? p : pointsPerExercise;
    }

    public int timeLimit(String exercise) {
        Integer t = spec(exercise).timeLimitSeconds;
        return t != null ? t : timeLimitSeconds;
    }

    public int heap(String exercise) {
        Integer h = spec(exercise).heapMb;
        return h != null ? h : heapMb;
    }

    public Visibility visibility(String exercise) {
        Visibility v = spec(exercise).visibility;
        return v != null ? v : visibility;
    }
}
