package backprop.harness.sandbox;

/**
 * One forbidden reference in learner bytecode: where it is (class, method, source line) and what
 * it names, with the reason it is outside the kata.
 */
public record Violation(String className, String sourceFile, String method, int line, String reference, String reason) {

    /** "TwoLayerNetwork.java:42, in kata.twolayer.TwoLayerNetwork.backward: java.lang.System.exit — it ends the JVM …" */
    public String describe() {
        String where = (sourceFile == null ? className.substring(className.lastIndexOf('.') + 1) + ".java" : sourceFile)
                + (line > 0 ? ":" + line : "");
        String in = method == null ? className : className + "." + method;
        return where + ", in " + in + ": uses " + reference + " (" + reason + ")";
    }
}
