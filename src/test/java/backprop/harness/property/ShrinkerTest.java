package backprop.harness.property;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The generic engine on a toy property over whole numbers, where the right answers are known. */
class ShrinkerTest {
    /** "n < 100" fails from 100 up; neighbours are n/2 and n − 1, so the smallest failure is exactly 100. */
    private static class BelowHundred implements Property<Long, Long> {
        int checks;

        @Override
        public Long generate(long seed) {
            return seed;
        }

        @Override
        public Long check(Long n) {
            checks++;
            return n;
        }

        @Override
        public boolean failed(Long n) {
            return n >= 100;
        }

        @Override
        public boolean sameFailure(Long original, Long candidate) {
            return true;
        }

        @Override
        public Stream<Long> shrinks(Long n) {
            return Stream.of(n / 2, n - 1).filter(c -> c >= 0);
        }
    }

    @Test
    void shrinkingFindsTheSmallestFailureAndSaysItWasNotCutShort() {
        BelowHundred p = new BelowHundred();

        Shrinker.Shrunk<Long, Long> s = Shrinker.shrink(p, 1000L, 1000L, 10_000);

        assertThat(s.smallest()).isEqualTo(100L);
        assertThat(s.boundReached()).isFalse();
        assertThat(s.steps()).isPositive();
    }

    @Test
    void aBoundedShrinkSaysTheBoundWasReached() {
        BelowHundred p = new BelowHundred();

        Shrinker.Shrunk<Long, Long> s = Shrinker.shrink(p, 1_000_000L, 1_000_000L, 5);

        assertThat(s.boundReached()).isTrue();
        assertThat(s.attempts()).isEqualTo(5);
        assertThat(p.checks).as("no candidate is checked past the bound").isEqualTo(5);
        assertThat(s.smallest()).as("still a failing case").isGreaterThanOrEqualTo(100L);
    }

    @Test
    void shrinkingKeepsOnlyCandidatesThatFailTheSameWay() {
        BelowHundred p = new BelowHundred() {
            @Override
            public boolean sameFailure(Long original, Long candidate) {
                return candidate % 2 == original % 2; // e.g. "the same bug": parity kept
            }

            @Override
            public Stream<Long> shrinks(Long n) {
                return Stream.of(n / 2, n - 1, n - 2).filter(c -> c >= 0);
            }
        };

        Shrinker.Shrunk<Long, Long> s = Shrinker.shrink(p, 1001L, 1001L, 10_000);

        assertThat(s.smallest() % 2).isEqualTo(1L);
        assertThat(s.smallest()).isEqualTo(101L);
    }

    @Test
    void theRunnerReportsTheFirstFailingSeedItsShrinkAndMoreEvidence() {
        long[] seeds = LongStream.of(5, 50, 5000, 7).toArray();

        Outcome<Long, Long> o = PropertyRunner.run(new BelowHundred(), seeds, new PropertyRunner.Limits(10_000, 3, 30));

        assertThat(o).isInstanceOf(Outcome.Failed.class);
        Outcome.Failed<Long, Long> f = (Outcome.Failed<Long, Long>) o;
        assertThat(f.seed()).isEqualTo(5000L);
        assertThat(f.index()).isEqualTo(2);
        assertThat(f.shrunk().smallest()).isEqualTo(100L);
        assertThat(f.evidence()).as("shown, original, then up to 3 more failures").hasSize(5).startsWith(100L, 5000L);
    }

    @Test
    void theRunnerPassesWhenEveryCasePasses() {
        Outcome<Long, Long> o = PropertyRunner.run(new BelowHundred(), new long[] {1, 2, 3}, PropertyRunner.Limits.DEFAULT);

        assertThat(o).isInstanceOf(Outcome.Passed.class);
        assertThat(((Outcome.Passed<Long, Long>) o).results()).containsExactly(1L, 2L, 3L);
    }
}
