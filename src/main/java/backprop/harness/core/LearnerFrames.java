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

    /**
     * Where it was thrown and which learner code called it, innermost first, with the exercise
     * folder each file lives in: "TwoLayerNetwork.forward(TwoLayerNetwork.java:29) in
     * 04-two-layer-network, called from Batches.gradient(Batches.java:40) in 06-batches-and-scaling".
     * The file it was thrown in comes first even when another exercise's code called it.
     */
    public static String chain(Throwable e) {
        java.util.List<String> parts = new java.util.ArrayList<>();
        String last = null;
        for (StackTraceElement f : e.getStackTrace()) {
            if (!isLearner(f.getClassName()) || parts.size() == 3) {
                continue;
            }
            String cls = f.getClassName().substring(f.getClassName().lastIndexOf('.') + 1);
            String here = cls + "." + f.getMethodName() + "(" + f.getFileName() + ":" + f.getLineNumber() + ")";
            String folder = exerciseOf(f.getClassName(), f.getFileName());
            if (here.equals(last)) {
                continue;
            }
            parts.add(here + (folder == null ? "" : " in " + folder));
            last = here;
        }
        return parts.isEmpty() ? null : String.join(", called from ", parts);
    }

    /** The exercise folder (e.g. 04-two-layer-network) whose source holds this class, or null. */
    static String exerciseOf(String className, String file) {
        if (file == null) {
            return null;
        }
        int dot = className.lastIndexOf('.');
        String rel = (dot < 0 ? "" : className.substring(0, dot).replace('.', '/') + "/") + file;
        String tree = System.getProperty("kata.dir", "exercises");
        java.io.File[] folders = new java.io.File(tree).listFiles(java.io.File::isDirectory);
        if (folders == null) {
            return null;
        }
        for (java.io.File d : folders) {
            if (new java.io.File(d, "src/" + rel).isFile()) {
                return d.getName();
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
