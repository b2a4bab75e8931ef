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
