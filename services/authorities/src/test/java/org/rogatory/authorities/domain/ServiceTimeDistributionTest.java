package org.rogatory.authorities.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServiceTimeDistributionTest {

    @ParameterizedTest(name = "{0} mean={1} median={2} sigma={3} value={4} → sample mean ≈ {5} h")
    @CsvSource(nullValues = "-", value = {
            "exponential, 4,  -,   -,   -,  4",
            "lognormal,   -,  10,  0.5, -,  11.331484530668263", // 10·e^{0.125}
            "lognormal,   20, -,   1,   -,  20",
            "fixed,       -,  -,   -,   3,  3",
    })
    void sample_mean_matches_distribution_mean(String name, Double mean, Double median, Double sigma, Double value,
                                               double expectedMean) {
        ServiceTimeDistribution d = ServiceTimeDistribution.of(name, mean, median, sigma, value);
        assertEquals(expectedMean, d.meanHours(), 1e-9);
        SplittableRandom random = new SplittableRandom(5);
        int n = 400_000;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += d.sampleHours(random);
        }
        assertEquals(expectedMean, sum / n, 0.02 * expectedMean);
    }

    @ParameterizedTest(name = "{0} mean={1} median={2} sigma={3} value={4} is refused")
    @CsvSource(nullValues = "-", value = {
            "exponential, -,  -, -, -",
            "exponential, -1, -, -, -",
            "exponential, 4,  -, -, 2",
            "lognormal,   -,  5, -, -",
            "lognormal,   4,  5, 1, -",
            "fixed,       -,  -, -, -",
            "gamma,       1,  -, -, -",
    })
    void bad_parameters_are_refused(String name, Double mean, Double median, Double sigma, Double value) {
        assertThrows(IllegalArgumentException.class, () -> ServiceTimeDistribution.of(name, mean, median, sigma, value));
    }

    @Test
    @DisplayName("CaseRandom: same (seed, case, step) → same stream; any change → another")
    void case_random_is_keyed() {
        assertEquals(CaseRandom.of(1, "C-1", "service", 0).nextLong(), CaseRandom.of(1, "C-1", "service", 0).nextLong());
        long base = CaseRandom.of(1, "C-1", "service", 0).nextLong();
        assertNotEquals(base, CaseRandom.of(2, "C-1", "service", 0).nextLong());
        assertNotEquals(base, CaseRandom.of(1, "C-2", "service", 0).nextLong());
        assertNotEquals(base, CaseRandom.of(1, "C-1", "outcome", 0).nextLong());
        assertNotEquals(base, CaseRandom.of(1, "C-1", "service", 1).nextLong());
    }
}
