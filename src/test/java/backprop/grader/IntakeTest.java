package backprop.grader;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Only exercises/NN-…/src/**.java is taken from a submission, and only when it is safe to read. */
class IntakeTest {
    private static final String EX = "04-two-layer-network";
    private static final List<String> EXERCISES = List.of("01-sigmoid", EX);

    @TempDir
    Path tmp;

    private Path file(Path root, String rel, String text) throws Exception {
        Path p = root.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    @Test
    void takesTheExercisesSourcesFromARepositoryOrItsExercisesFolderAndNothingElse() throws Exception {
        Path repo = tmp.resolve("repo");
        file(repo, "exercises/" + EX + "/src/kata/twolayer/TwoLayerNetwork.java", "class A { }");
        file(repo, "exercises/" + EX + "/README.md", "notes");
        file(repo, "exercises/" + EX + "/Other.java", "outside src");
        file(repo, "pom.xml", "<project/>");
        file(repo, "src/main/java/backprop/harness/junit/Settings.java", "their harness");
        file(repo, "src/test/java/kata/twolayer/TwoLayerNetworkTest.java", "their tests");

        Intake whole = Intake.of(repo, EXERCISES);
        Intake folder = Intake.of(repo.resolve("exercises"), EXERCISES);

        for (Intake in : List.of(whole, folder)) {
            assertThat(in.sources.get(EX)).containsOnlyKeys("kata/twolayer/TwoLayerNetwork.java");
            assertThat(in.sources.get("01-sigmoid")).isEmpty();
            assertThat(in.notes).isEmpty();
        }
    }

    @Test
    void anEmptySubmissionHasNoSources() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("empty"));

        Intake in = Intake.of(empty, EXERCISES);

        assertThat(in.exercisesRoot).isNull();
        assertThat(in.sources.get(EX)).isEmpty();
    }

    @Test
    void aSymbolicLinkOutOfTheSubmissionIsRefusedAndSaysWhere() throws Exception {
        Path secret = file(tmp, "elsewhere/TwoLayerNetwork.java", "the solution");
        Path sub = tmp.resolve("sub");
        Path link = sub.resolve("exercises/" + EX + "/src/kata/twolayer/TwoLayerNetwork.java");
        Files.createDirectories(link.getParent());
        Files.createSymbolicLink(link, secret);
        Files.createSymbolicLink(sub.resolve("exercises/" + EX + "/src/kata/linked"), tmp.resolve("elsewhere"));

        Intake in = Intake.of(sub, EXERCISES);

        assertThat(in.sources.get(EX)).isEmpty();
        assertThat(in.notes(EX)).singleElement().asString()
                .contains("TwoLayerNetwork.java is a symbolic link to " + secret.toRealPath()).contains("outside the submission");
    }

    @Test
    void aSymbolicLinkWithinTheSubmissionIsFollowed() throws Exception {
        Path sub = tmp.resolve("sub");
        Path real = file(sub, "mine/TwoLayerNetwork.java", "class Mine { }");
        Path link = sub.resolve("exercises/" + EX + "/src/kata/twolayer/TwoLayerNetwork.java");
        Files.createDirectories(link.getParent());
        Files.createSymbolicLink(link, real);

        Intake in = Intake.of(sub, EXERCISES);

        assertThat(in.sources.get(EX)).containsEntry("kata/twolayer/TwoLayerNetwork.java", "class Mine { }");
    }

    @Test
    void aHugeFileIsRefusedWithItsSize() throws Exception {
        Path sub = tmp.resolve("sub");
        file(sub, "exercises/" + EX + "/src/kata/twolayer/TwoLayerNetwork.java", "//" + "x".repeat(1 << 20));

        Intake in = Intake.of(sub, EXERCISES);

        assertThat(in.sources.get(EX)).isEmpty();
        assertThat(in.notes(EX)).singleElement().asString().contains("is 1.0 MB, more than the 256 KB").contains("not graded");
    }

    @Test
    void tooManyFilesAreCutAtTheLimit() throws Exception {
        Path sub = tmp.resolve("sub");
        for (int i = 0; i < Intake.MAX_FILES_PER_EXERCISE + 5; i++) {
            file(sub, "exercises/" + EX + "/src/kata/twolayer/F" + (1000 + i) + ".java", "class F" + i + " { }");
        }

        Intake in = Intake.of(sub, EXERCISES);

        assertThat(in.sources.get(EX)).hasSize(Intake.MAX_FILES_PER_EXERCISE);
        assertThat(in.notes(EX)).singleElement().asString().contains("more than " + Intake.MAX_FILES_PER_EXERCISE + " .java files");
    }

    @Test
    void aFileThatIsNotUtf8IsNamedWithTheByteAndLine() throws Exception {
        Path sub = tmp.resolve("sub");
        Path f = sub.resolve("exercises/" + EX + "/src/kata/twolayer/TwoLayerNetwork.java");
        Files.createDirectories(f.getParent());
        byte[] latin1 = "package kata.twolayer;\n// caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        Files.write(f, latin1);

        Intake in = Intake.of(sub, EXERCISES);

        assertThat(in.sources.get(EX)).isEmpty();
        assertThat(in.notes(EX)).singleElement().asString().contains("is not UTF-8 text (byte 0xE9 on line 2)").contains("Save it as UTF-8");
    }
}
