package org.rogatory.simulator.load;

import java.util.List;

/**
 * One target (the pipeline or plain Kafka) at one offered rate: what was sent, whether the target
 * kept up, and each stage's latency and throughput.
 *
 * @param readySeconds       how long the target took to be ready: the pipeline finishing the work earlier
 *                           steps left its nodes and case timer, the yardstick laying fresh topics
 * @param sentPerSecond      requests meant for the measured window over its length: the offered rate, as generated
 * @param senderLagMs        how far the sender was behind the schedule at the window's end (the producer blocking)
 * @param backlogGrowth      requests not yet through the key stage at the window's end, less at its start
 * @param sustained          the backlog grew by less than half a second of requests and the sender kept pace
 * @param reads              the gateway's GETs of cases during the step; null for the other targets
 */
public record StepResult(String target, double readySeconds, double offeredPerSecond, double sentPerSecond, long measuredRequests,
                  double senderLagMs, String keyStage, long backlogGrowth, boolean sustained, List<StageFigures> stages,
                  Reads reads) {

    /** The percentiles of the spectrum chart. */
    static final double[] SPECTRUM = {0, 10, 20, 30, 40, 50, 60, 70, 75, 80, 85, 90, 95, 97.5, 99, 99.5, 99.9, 99.95, 99.99, 100};

    /** Latency (ms from the intended send time) and throughput (requests/s) of one stage. */
    record StageFigures(String stage, int hops, long reached, double achievedPerSecond, double meanRecordBytes,
                        double p50, double p90, double p99, double p999, double max, List<Point> spectrum) {
    }

    /**
     * GETs of accepted cases, open loop at {@code offeredPerSecond} during the step, timed (ms) from when each was due;
     * {@code notFound}: accepted, not yet in the case timer's view. {@code refusedSubmissions}: POSTs not answered 202.
     */
    record Reads(double offeredPerSecond, long count, long found, long notFound, long failed, double p50, double p99,
                 double max, long refusedSubmissions, String firstRefusal) {
    }

    /** A latency (ms) at a percentile. */
    record Point(double percentile, double millis) {
    }

    StageFigures stage(String name) {
        return stages.stream().filter(s -> s.stage().equals(name)).findFirst().orElseThrow();
    }

    /** The stage {@code hops} hops from submission that latencies compare against: the first such. */
    StageFigures atHops(int hops) {
        return stages.stream().filter(s -> s.hops() == hops).findFirst().orElse(null);
    }

    static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
