package backprop.harness.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The course parent names the harness's version as a literal (in a course's POM,
 * ${project.version} would be the course's), and the course template names the parent's: all
 * three must be the version this build makes, or a course would build on another harness.
 */
class BuildVersionsTest {

    @Test
    void theCourseParentAndTheTemplateBuildOnThisHarness() throws IOException {
        String version = first(read("pom.xml"), "<artifactId>backprop-kata-build</artifactId>\\s*<version>([^<]+)</version>");

        assertThat(first(read("harness/pom.xml"), "<artifactId>backprop-kata-build</artifactId>\\s*<version>([^<]+)</version>"))
                .as("harness/pom.xml's parent version").isEqualTo(version);
        assertThat(first(read("course-parent/pom.xml"), "<backprop.harness.version>([^<]+)</backprop.harness.version>"))
                .as("course-parent/pom.xml's backprop.harness.version").isEqualTo(version);
        assertThat(first(read("course-template/pom.xml"), "<artifactId>backprop-course-parent</artifactId>\\s*<version>([^<]+)</version>"))
                .as("course-template/pom.xml's parent version").isEqualTo(version);
        assertThat(first(read("kata.xml"), "<artifactId>backprop-course-parent</artifactId>\\s*<version>([^<]+)</version>"))
                .as("kata.xml's parent version").isEqualTo(version);
    }

    @Test
    void theHelperFindsAVersionAndComplainsWhenThereIsNone() {
        assertThat(first("<a>1</a>", "<a>([^<]+)</a>")).isEqualTo("1");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> first("<b>1</b>", "<a>([^<]+)</a>"))
                .isInstanceOf(AssertionError.class);
    }

    private static String read(String file) throws IOException {
        return Files.readString(Path.of(file), StandardCharsets.UTF_8);
    }

    private static String first(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as("found " + regex).isTrue();
        return m.group(1);
    }
}
