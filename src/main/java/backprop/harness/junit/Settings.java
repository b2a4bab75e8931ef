package backprop.harness.junit;

import java.util.SplittableRandom;

/**
 * Property settings from system properties, so that one command line changes them for every
 * test: {@code -Dkata.tries=N} (tries per property, default 100), {@code -Dkata.seed=S}
 * (run exactly the one case with seed S, as printed in a failure report; {@code random} draws
 * a fresh base seed). Without kata.seed, each property's seeds derive from its test's name,
 * so a run is the same on every machine and a grader sees what the learner saw.
 */
public record Settings(int tries, Long seed, boolean randomBase, boolean solutions) {
    public static final int DEFAULT_TRIES = 100;

    public static Settings fromSystemProperties() {
        int tries = DEFAULT_TRIES;
        String t = System.getProperty("kata.tries");
        if (t != null && !t.isBlank()) {
            try {
                tries = Integer.parseInt(t.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("-Dkata.tries must be a whole number, got '" + t + "'");
            }
            if (tries < 1) {
                throw new IllegalArgumentException("-Dkata.tries must be at least 1, got " + tries);
            }
        }
        String s = System.getProperty("kata.seed");
        Long seed = null;
        boolean random = false;
        if (s != null && !s.isBlank()) {
            if (s.trim().equalsIgnoreCase("random")) {
                random = true;
            } else {
                try {
                    seed = Long.parseLong(s.trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("-Dkata.seed must be a number printed by a failure report, or 'random'; got '" + s + "'");
                }
            }
        }
        return new Settings(tries, seed, random, "solutions".equals(System.getProperty("kata.dir")));
    }

    /** The seeds of this property's tries. */
    public long[] seeds(String testId) {
        if (seed != null) {
            return new long[] {seed};
        }
        long base = randomBase ? new SplittableRandom().nextLong() : testId.hashCode() * 0x9E3779B97F4A7C15L;
        String secret = System.getProperty("kata.grading.seed");
        if (!randomBase && secret != null && !secret.isBlank()) {
            // The grader's assignment seed: graded cases differ from the learner's, so they cannot be precomputed.
            base = new SplittableRandom(base ^ Long.parseLong(secret.trim())).nextLong();
        }
        SplittableRandom r = new SplittableRandom(base);
        long[] out = new long[tries];
        for (int i = 0; i < tries; i++) {
            // Non-negative, so the printed seed pastes into -Dkata.seed without a sign to lose.
            out[i] = r.nextLong() >>> 1;
        }
        return out;
    }
}
