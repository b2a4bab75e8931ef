package kata.debug;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import java.util.SplittableRandom;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

import backprop.harness.api.Activation;
import backprop.harness.cases.CaseSpace;
import backprop.harness.cases.CaseSpace.Head;
import backprop.harness.api.Loss;
import backprop.harness.core.Elements;
import backprop.harness.junit.Checks;
import backprop.harness.junit.Exercise;

@Exercise("11-debug-the-question")
@DisplayName("11 debug the question")
class QuestionNetworkTest {

    /**
     * The XOR run, like the question's with η and the number of iterations changed: from seed 42
     * the fixed port has all four outputs on the right side of 0.5 after 66 iterations of η = 10.
     * Over seeds 0 to 4,999 the worst needed 544 with N(0, 1/fan-in) starts and 375 with uniform
     * ones, so 800 leaves room for a fix that starts the weights another way; with N(0, 1) starts
     * 2 seeds in 5,000 need more (README, "How the numbers were measured"), hence a fixed seed.
     */
    static final long SEED = 42;
    static final double LEARNING_RATE = 10;
    static final int ITERATIONS = 800;

    /**
     * Starting weights from this many seeds, 21 weights each: 21,000 numbers for the mean. The
     * seeds are spread by a SplittableRandom: new Random(0), new Random(1), ... start with
     * correlated first draws, and their mean drifts by several standard errors.
     */
    private static final int DRAWS = 1000;

    /**
     * The mean of N draws is allowed 5 standard errors (sample standard deviation / sqrt(N)):
     * zero-mean starting weights fail with probability below 1e-6, whatever their scale, while
     * the question's [0, 1) weights miss by about 250 standard errors.
     */
    private static final double STANDARD_ERRORS = 5;

    /** Only one output: the question's weights2.T * delta3 is a product only when delta3 is 1×1. */
    static final CaseSpace COURSE_NETWORKS = CaseSpace.networks()
            .withHiddenLayers(1, 1).withInputs(1, 4).withWidth(1, 6).withOutputs(1, 1).withBatch(1, 6)
            .withHiddenActivations(Activation.SIGMOID)
            .withHeads(Head.of(Activation.SIGMOID, Loss.MSE))
            .withBiases(CaseSpace.Biases.ALWAYS)
            .withLambda(true);

    @Test
    void gradientsAreRightOnTheQuestionsXorBatch(Checks checks) {
        checks.network(CourseNotation.questionsBatch(0), new CourseNotation());
    }

    @Test
    void gradientsWithTheQuestionsRegParamAreRight(Checks checks) {
        // The question's reg_param = 0.5: the loss gains (0.5 / 2m) Σ W², bias rows excluded.
        checks.network(CourseNotation.questionsBatch(0.5), new CourseNotation());
    }

    @Test
    void gradientsAreRightOnRandomNetworksInTheCoursesNotation(Checks checks) {
        checks.forAll(COURSE_NETWORKS, new CourseNotation());
    }

    @Test
    void startingWeightsHaveMeanZero() {
        double sum = 0;
        double sumOfSquares = 0;
        int n = 0;
        int negative = 0;
        SplittableRandom seeds = new SplittableRandom(SEED);
        for (int draw = 0; draw < DRAWS; draw++) {
            QuestionNetwork q = QuestionNetwork.question(new Random(seeds.nextLong()));
            for (INDArray w : new INDArray[] {q.weights1, q.weights2}) {
                for (double v : Elements.toArray(w)) {
                    sum += v;
                    sumOfSquares += v * v;
                    n++;
                    negative += v < 0 ? 1 : 0;
                }
            }
        }

        double mean = sum / n;
        double sd = Math.sqrt(Math.max(sumOfSquares / n - mean * mean, 0));
        assertThat(mean).as("mean of the %d starting weights of weights1 and weights2 from %d seeds (%d of them negative)."
                + " Weights that all start positive, as np.random.random's do, give every hidden unit the same leaning",
                n, DRAWS, negative)
                .isCloseTo(0, within(STANDARD_ERRORS * sd / Math.sqrt(n)));
    }

    @Test
    void xorIsLearnedFromAFixedSeed() {
        QuestionNetwork q = QuestionNetwork.question(new Random(SEED));
        q.learning_rate = LEARNING_RATE;
        q.max_iter = ITERATIONS;
        q.reg_param = 0; // four samples and nothing to overfit; see the README

        q.train();

        double[] a3 = Elements.toArray(q.predict());
        double largest = Math.max(q.weights1.amaxNumber().doubleValue(), q.weights2.amaxNumber().doubleValue());
        String outputs = String.format("a3_full after max_iter = %d iterations of learning_rate = %s from new Random(%d):"
                + " %.4f, %.4f, %.4f, %.4f for the targets 1, 1, 0, 0; largest |weight| %.4g", ITERATIONS, LEARNING_RATE, SEED,
                a3[0], a3[1], a3[2], a3[3], largest);
        double[] targets = Elements.toArray(q.y_train);
        for (int i = 0; i < targets.length; i++) {
            assertThat(a3[i] > 0.5).as("output %d on the same side of 0.5 as its target %.0f. %s", i, targets[i], outputs)
                    .isEqualTo(targets[i] > 0.5);
        }
    }
}
