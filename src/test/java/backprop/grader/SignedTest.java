package backprop.grader;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Result lines count only when signed with the run's key, in the runner's order. */
class SignedTest {
    private final byte[] key = Signed.newKey();

    @Test
    void aLineSignedWithTheKeyReadsBackItsFields() {
        String line = Signed.line(key, 0, "test", "[engine:junit-jupiter]/[class:kata.X]", "passed", "multi\nline ü");

        assertThat(Signed.read(key, "learner output before it " + line, 0))
                .isEqualTo(List.of("test", "[engine:junit-jupiter]/[class:kata.X]", "passed", "multi\nline ü"));
    }

    @Test
    void aLineWithAnotherKeyAForgedTagOrAnEditIsDropped() {
        String line = Signed.line(Signed.newKey(), 0, "test", "id", "passed", "");
        String ours = Signed.line(key, 0, "test", "id", "failed", "");
        String edited = ours.replace(ours.substring(ours.indexOf(' ') + 1, ours.lastIndexOf(' ')),
                line.substring(line.indexOf(' ') + 1, line.lastIndexOf(' ')));

        assertThat(Signed.read(key, line, 0)).as("signed with another key").isNull();
        assertThat(Signed.read(key, edited, 0)).as("fields swapped under our tag").isNull();
        assertThat(Signed.read(key, Signed.MARK + "0 dGVzdA== 00", 0)).as("made-up tag").isNull();
        assertThat(Signed.read(key, "test passed", 0)).as("plain text").isNull();
    }

    @Test
    void aReplayedLineIsDropped() {
        String first = Signed.line(key, 0, "test", "id", "passed", "");

        assertThat(Signed.read(key, first, 0)).isNotNull();
        assertThat(Signed.read(key, first, 1)).as("the same line again, where line 1 is expected").isNull();
    }
}
