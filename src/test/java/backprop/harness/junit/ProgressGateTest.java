package backprop.harness.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A progress file an earlier build left behind is not this build's verdict (e.g. under -DskipTests). */
class ProgressGateTest {
    @TempDir
    Path dir;

    @Test
    void aFileWrittenBeforeTheBuildStartedIsAnEarlierBuildsAndOneWrittenSinceIsThisOnes() throws Exception {
        Path file = Files.writeString(dir.resolve("kata-progress.txt"), KataProgress.FAIL + "\ntext\n");
        Instant start = Instant.parse("2026-11-30T14:00:00Z");

        Files.setLastModifiedTime(file, FileTime.from(start.minusSeconds(60)));
        assertThat(ProgressGate.writtenBefore(file, "2026-11-30T14:00:00Z")).as("a minute before the build").isTrue();

        Files.setLastModifiedTime(file, FileTime.from(start.plusSeconds(20)));
        assertThat(ProgressGate.writtenBefore(file, "2026-11-30T14:00:00Z")).as("during the build").isFalse();
        assertThat(ProgressGate.writtenBefore(file, "${maven.build.timestamp}")).as("no timestamp: trusted").isFalse();
    }

    @Test
    void aStaleFileIsDeletedAndNothingIsPrinted() throws Exception {
        Path file = Files.writeString(dir.resolve("kata-progress.txt"), KataProgress.FAIL + "\ntext\n");
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-11-30T13:00:00Z")));

        ProgressGate.main(new String[] {file.toString(), "2026-11-30T14:00:00Z"});

        assertThat(file).doesNotExist();
    }
}
