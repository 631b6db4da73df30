package org.rogatory.authorities.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.rogatory.contracts.RequestType;
import org.rogatory.platform.calendar.WorkingCalendar;
import org.rogatory.testing.ErlangC;

/**
 * The engine against queueing theory: Poisson arrivals, exponential service, c officers round
 * the clock, no refusals. Mean wait and utilisation must agree with Erlang C within the 99%
 * confidence interval of independent replications.
 */
class MmcQueueTest {
    private static final Logger LOG = LoggerFactory.getLogger(MmcQueueTest.class);
    private static final long HOUR = 3_600_000L;
    private static final double LAMBDA = 2.4;      // arrivals per hour
    private static final double MU = 1.0;          // services per hour per officer
    private static final int C = 3;                // officers: ρ = 0.8
    private static final int REPLICATIONS = 20;
    private static final double T_99_DF19 = 2.861; // Student t, two-sided 99%, 19 degrees of freedom
    private static final long WARM_UP = 500 * HOUR;
    private static final long HORIZON = 9_000 * HOUR; // ≈ 20,000 customers after warm-up per replication

    @Test
    @DisplayName("M/M/3 at ρ = 0.8: mean wait and utilisation within the 99% CI of Erlang C")
    void meanWaitAndUtilisationAgreeWithErlangC() {
        ErlangC theory = new ErlangC(LAMBDA, MU, C);
        double[] waits = new double[REPLICATIONS];
        double[] utilisations = new double[REPLICATIONS];
        long customers = 0;
        for (int r = 0; r < REPLICATIONS; r++) {
            NodeStatistics window = replication(1000 + r);
            waits[r] = window.meanWaitHours();
            utilisations[r] = window.utilisation();
            customers += window.served();
        }
        Interval wait = interval99(waits);
        Interval utilisation = interval99(utilisations);
        LOG.info(String.format("M/M/%d λ=%.2f/h μ=%.2f/h, %d customers in %d replications: "
                        + "Wq measured %.4f h ± %.4f (99%%), Erlang C %.4f h; "
                        + "ρ measured %.4f ± %.4f (99%%), formula %.4f",
                C, LAMBDA, MU, customers, REPLICATIONS, wait.mean, wait.halfWidth, theory.meanWait(),
                utilisation.mean, utilisation.halfWidth, theory.utilisation()));
        assertTrue(customers > 350_000, "enough customers for a tight interval: " + customers);
        assertTrue(wait.contains(theory.meanWait()),
                "Wq " + wait + " does not contain Erlang C " + theory.meanWait());
        assertTrue(utilisation.contains(theory.utilisation()),
                "ρ " + utilisation + " does not contain " + theory.utilisation());
        // the interval must be tight enough to mean something: within 5% of the theoretical wait
        assertTrue(wait.halfWidth < 0.05 * theory.meanWait(), "interval too wide: " + wait);
    }

    @Test
    @DisplayName("same seed → identical statistics and actions; different seed → different numbers")
    void sameSeedSameResultDifferentSeedDifferentResult() {
        assertEquals(replication(7), replication(7));
        assertEquals(actions(7, 1_000 * HOUR), actions(7, 1_000 * HOUR));
        assertNotEquals(replication(7), replication(8));
    }

    @Test
    @DisplayName("feeding the inbox in watermark batches gives the same actions as feeding it all at once")
    void batchingByWatermarkDoesNotChangeTheResult() {
        long horizon = 500 * HOUR;
        List<Long> arrivals = PoissonArrivals.times(11, "mmc", LAMBDA, 0, horizon);
        Authority batched = mmcNode(11);
        List<NodeAction> batchedActions = new ArrayList<>();
        int next = 0;
        for (long watermark = 7 * HOUR; watermark <= horizon + 100 * HOUR; watermark += 7 * HOUR) {
            while (next < arrivals.size() && arrivals.get(next) <= watermark) {
                batched.receive(arrival(next, arrivals.get(next)));
                next++;
            }
            batchedActions.addAll(batched.advanceTo(watermark));
        }
        long end = batched.now();

        Authority allAtOnce = mmcNode(11);
        for (int i = 0; i < arrivals.size(); i++) {
            allAtOnce.receive(arrival(i, arrivals.get(i)));
        }
        assertEquals(batchedActions, allAtOnce.advanceTo(end));
        assertEquals(batched.statistics(), allAtOnce.statistics());
    }

    private static NodeStatistics replication(long seed) {
        Authority node = mmcNode(seed);
        List<Long> arrivals = PoissonArrivals.times(seed, "mmc", LAMBDA, 0, HORIZON);
        for (int i = 0; i < arrivals.size(); i++) {
            node.receive(arrival(i, arrivals.get(i)));
        }
        node.advanceTo(WARM_UP);
        NodeStatistics warm = node.statistics();
        node.advanceTo(HORIZON);
        return node.statistics().since(warm);
    }

    private static List<NodeAction> actions(long seed, long horizon) {
        Authority node = mmcNode(seed);
        List<Long> arrivals = PoissonArrivals.times(seed, "mmc", LAMBDA, 0, horizon);
        for (int i = 0; i < arrivals.size(); i++) {
            node.receive(arrival(i, arrivals.get(i)));
        }
        return node.advanceTo(horizon);
    }

    private static Authority mmcNode(long seed) {
        return new Authority("MMC-NODE", C, WorkingCalendar.roundTheClock(ZoneOffset.UTC), Set.of("en"), false,
                NodeBehaviour.serviceOnly(new ServiceTimeDistribution.Exponential(1 / MU)), seed, 0);
    }

    private static Arrival arrival(int i, long at) {
        return new Arrival("C-%07d".formatted(i), RequestType.MLA, "en", at);
    }

    private static Interval interval99(double[] xs) {
        double mean = 0;
        for (double x : xs) {
            mean += x;
        }
        mean /= xs.length;
        double ss = 0;
        for (double x : xs) {
            ss += (x - mean) * (x - mean);
        }
        double sd = Math.sqrt(ss / (xs.length - 1));
        return new Interval(mean, T_99_DF19 * sd / Math.sqrt(xs.length));
    }

    private record Interval(double mean, double halfWidth) {
        boolean contains(double x) {
            return Math.abs(x - mean) <= halfWidth;
        }
    }
}
