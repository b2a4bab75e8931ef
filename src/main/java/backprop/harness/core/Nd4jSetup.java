package backprop.harness.core;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.function.Supplier;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Puts ND4J in the state the kata relies on, once per JVM: double precision by default (so
 * {@code Nd4j.create(...)} in learner code gives DOUBLE arrays) and a quiet console.
 */
public final class Nd4jSetup {
    private static volatile boolean done;

    static {
        // JavaCPP asks the OS for the process's resident size at every native allocation while
        // maxPhysicalBytes > 0; ND4J allocates for every array. The Maven builds pass the same
        // setting on the command line (pom.xml, surefire argLine: why, and what it was measured
        // to save). Here it covers other launchers, and takes effect only if nothing has loaded
        // JavaCPP yet; a value given on the command line wins.
        if (System.getProperty("org.bytedeco.javacpp.maxPhysicalBytes") == null) {
            System.setProperty("org.bytedeco.javacpp.maxPhysicalBytes", "0");
        }
    }

    private Nd4jSetup() {
    }

    public static void ensure() {
        if (done) {
            return;
        }
        synchronized (Nd4jSetup.class) {
            if (done) {
                return;
            }
            // Loading the backend prints a banner through slf4j (silenced by simplelogger.properties)
            // and, on some builds, plain lines on stdout: keep those off the learner's screen too.
            quietly(() -> {
                Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
                return null;
            });
            done = true;
        }
    }

    /**
     * Runs {@code work} with System.out sent nowhere. SameDiff prints "Added differentiated op"
     * with a bare println when it builds a gradient function; no logger setting reaches it.
     */
    public static synchronized <T> T quietly(Supplier<T> work) {
        PrintStream out = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        try {
            return work.get();
        } finally {
            System.setOut(out);
        }
    }
}
