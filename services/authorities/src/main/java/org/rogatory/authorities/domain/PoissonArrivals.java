package org.rogatory.authorities.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Arrival instants of a Poisson process (exponential inter-arrival times) in [from, until),
 * drawn from a generator keyed by (seed, stream id), so each stream of a workload is
 * reproducible on its own whatever other streams exist.
 */
public final class PoissonArrivals {
    private static final double HOUR = 3_600_000.0;

    private PoissonArrivals() {
    }

    public static List<Long> times(long seed, String streamId, double ratePerHour, long from, long until) {
        if (!(ratePerHour > 0) || Double.isInfinite(ratePerHour)) {
            throw new IllegalArgumentException("rate must be a finite number > 0, was " + ratePerHour);
        }
        SplittableRandom random = CaseRandom.of(seed, streamId, "arrivals");
        List<Long> times = new ArrayList<>();
        double t = from;
        while (true) {
            t += random.nextExponential() / ratePerHour * HOUR;
            if (t >= until) {
                return times;
            }
            times.add(Math.round(t));
        }
    }
}
