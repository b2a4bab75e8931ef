package backprop.harness.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** An exception is placed in the file it was thrown in, with the learner code that called it and their exercises. */
class LearnerFramesTest {
    @Test
    void anExceptionInExercise04sFileCalledFromExercise06NamesBoth() {
        RuntimeException e = new IllegalStateException("Cannot execute matrix multiplication: [3]x[3, 5]");
        e.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("org.nd4j.linalg.api.ndarray.BaseNDArray", "mmul", "BaseNDArray.java", 2900),
            new StackTraceElement("kata.twolayer.TwoLayerNetwork", "forward", "TwoLayerNetwork.java", 29),
            new StackTraceElement("kata.batches.Batches", "ofSample", "Batches.java", 40),
            new StackTraceElement("kata.batches.BatchesTest", "lambda$static$0", "BatchesTest.java", 66),
            new StackTraceElement("backprop.harness.check.NetworkCheck", "run", "NetworkCheck.java", 80)});

        String chain = LearnerFrames.chain(e);

        assertThat(chain).startsWith("TwoLayerNetwork.forward(TwoLayerNetwork.java:29) in 04-two-layer-network, called from"
                + " Batches.ofSample(Batches.java:40) in 06-batches-and-scaling");
        assertThat(LearnerFrames.first(e)).isEqualTo("TwoLayerNetwork.forward(TwoLayerNetwork.java:29)");
    }
}
