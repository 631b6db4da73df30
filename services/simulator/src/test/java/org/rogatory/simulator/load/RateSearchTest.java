package org.rogatory.simulator.load;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class RateSearchTest {

    /** A target that keeps up to {@code capacity}, and loses the first step at each rate in {@code flaky}. */
    private static final class Target implements RateSearch.Step {
        final double capacity;
        final Set<Double> flaky;
        final List<Double> steps = new ArrayList<>();

        Target(double capacity, Set<Double> flaky) {
            this.capacity = capacity;
            this.flaky = new HashSet<>(flaky);
        }

        @Override
        public boolean sustained(double rate) {
            steps.add(rate);
            return rate <= capacity && !flaky.remove(rate);
        }
    }

    @Test
    @DisplayName("doubles while kept, then splits the gap to the first rate lost three times")
    void doublesThenSplits() {
        Target target = new Target(5_800, Set.of());

        double max = RateSearch.highest(100, target);

        // 100..3 200 kept, 6 400 lost twice; then √(3 200·6 400) = 4 525 kept, 5 381 kept, 5 868 lost twice
        assertThat(max).isEqualTo(5_381);
        assertThat(target.steps).containsExactly(100.0, 200.0, 400.0, 800.0, 1_600.0, 3_200.0, 6_400.0, 6_400.0,
            4_525.0, 5_381.0, 5_868.0, 5_868.0);
        assertThat(max).isLessThanOrEqualTo(target.capacity);
    }

    @Test
    @DisplayName("one step lost by chance does not stop the doubling: the rate is tried again")
    void oneUnluckyStepIsRepeated() {
        Target steady = new Target(5_800, Set.of());
        Target unlucky = new Target(5_800, Set.of(800.0, 4_525.0));

        assertThat(RateSearch.highest(100, unlucky)).isEqualTo(RateSearch.highest(100, steady));
        assertThat(unlucky.steps).containsSubsequence(800.0, 800.0, 1_600.0);
    }

    @Test
    @DisplayName("a rate lost twice in a row is lost; not even the first rate gives 0")
    void lostTwiceIsLost() {
        Target target = new Target(50, Set.of());

        assertThat(RateSearch.highest(100, target)).isZero();
        assertThat(target.steps).containsExactly(100.0, 100.0);
    }

    @Test
    @DisplayName("stops at the ceiling, where the maximum is only a lower bound")
    void stopsAtTheCeiling() {
        Target target = new Target(Double.MAX_VALUE, Set.of());

        assertThat(RateSearch.highest(100_000, target)).isEqualTo(RateSearch.CEILING);
        assertThat(target.steps).containsExactly(100_000.0, 200_000.0, RateSearch.CEILING);
    }
}
