package backprop.grader;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;

/**
 * The grader sits on top of the package graph (it uses the harness; nothing in the harness uses
 * it), and the sandbox check sits at the bottom (it depends on nothing else of ours), so the
 * learner build can run it too. Read from the compiled classes' constant pools.
 */
class GraderPlacementTest {
    private static final int CONSTANT_CLASS = 7;

    @Test
    void noHarnessClassUsesTheGraderAndTheSandboxUsesNoOtherHarnessPackage() throws Exception {
        Path classes = BuiltGrader.layout().classes();
        List<String> wrong = new ArrayList<>();
        int read = 0;
        for (Path c : StudentBuild.classFiles(classes.resolve("backprop/harness"))) {
            String name = classes.relativize(c).toString().replace('\\', '/');
            boolean sandbox = name.startsWith("backprop/harness/sandbox/");
            for (String used : referencedClasses(Files.readAllBytes(c))) {
                if (used.startsWith("backprop/grader/")
                        || (sandbox && used.startsWith("backprop/") && !used.startsWith("backprop/harness/sandbox/"))) {
                    wrong.add(name + " -> " + used);
                }
            }
            read++;
        }
        assertThat(read).as("harness classes read").isGreaterThan(20);
        assertThat(wrong).isEmpty();
    }

    @Test
    void theCheckSeesAReferenceWhenThereIsOne() throws Exception {
        Path grade = BuiltGrader.layout().classes().resolve("backprop/grader/Verdicts.class");

        assertThat(referencedClasses(Files.readAllBytes(grade))).contains("backprop/harness/sandbox/Violation");
    }

    private static TreeSet<String> referencedClasses(byte[] bytes) {
        ClassReader r = new ClassReader(bytes);
        char[] buf = new char[r.getMaxStringLength()];
        TreeSet<String> out = new TreeSet<>();
        for (int i = 1; i < r.getItemCount(); i++) {
            int offset = r.getItem(i);
            if (offset > 0 && r.readByte(offset - 1) == CONSTANT_CLASS) {
                out.add(r.readUTF8(offset, buf));
            }
        }
        return out;
    }
}
