package backprop.harness.core;

/** Finds where in the learner's own code an exception was thrown. */
public final class LearnerFrames {
    private LearnerFrames() {
    }

    /** "TwoLayerNetwork.backward(TwoLayerNetwork.java:42)" for the first frame outside libraries, or null. */
    public static String first(Throwable e) {
        for (StackTraceElement f : e.getStackTrace()) {
            if (isLearner(f.getClassName())) {
                String cls = f.getClassName().substring(f.getClassName().lastIndexOf('.') + 1);
                return cls + "." + f.getMethodName() + "(" + f.getFileName() + ":" + f.getLineNumber() + ")";
            }
        }
        return null;
    }

    /** The harness's own packages; its test networks (catalogue, testnets) stand in for learner code. */
    private static boolean isHarness(String cls) {
        return cls.startsWith("backprop.harness.") && !cls.startsWith("backprop.harness.catalogue.")
                && !cls.startsWith("backprop.harness.testnets.");
    }

    public static boolean isLearner(String cls) {
        return !(cls.startsWith("java.") || cls.startsWith("jdk.") || cls.startsWith("sun.") || cls.startsWith("org.nd4j")
                || cls.startsWith("org.bytedeco") || cls.startsWith("org.junit") || cls.startsWith("org.assertj")
                || cls.startsWith("org.opentest4j") || isHarness(cls)
                || cls.startsWith("org.apache.maven") || cls.endsWith("Test") || cls.contains("Test$"));
    }
}
