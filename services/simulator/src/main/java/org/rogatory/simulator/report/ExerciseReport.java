package org.rogatory.simulator.report;

import java.util.List;
import java.util.SortedMap;

/**
 * The after-action report (report.json). Everything but {@code run} is a function of the scenario
 * and the seed: maps are sorted and numbers rounded so two runs compare equal byte for byte.
 * {@code missedNotEscalated}: per clock, why a clock missed by the end climbed no ladder step
 * (reason → clocks); every other missed clock has at least its reminder in {@code escalations}.
 */
public record ExerciseReport(String scenario, long seed, double simulatedDays, Totals totals,
                             SortedMap<String, Latency> channels, SortedMap<String, Long> escalations,
                             SortedMap<String, ClockCount> clocks,
                             SortedMap<String, SortedMap<String, Long>> missedNotEscalated,
                             List<NodeLine> nodes, List<PlayerLine> players, List<InjectLine> injects,
                             List<OutcomeLine> outcomes, SortedMap<String, Double> metrics, Breakdown breakdown,
                             SortedMap<String, TransportLine> transport, Run run) {

    /**
     * submitted = executed + refused + lapsed + withdrawn + open + deadLettered; {@code received}: the
     * executed cases whose results the requesting state has received (the round trip), among {@code executed}.
     */
    public record Totals(long submitted, long routed, long executed, long refused, long lapsed, long withdrawn,
                         long open, long deadLettered, long spawned, long received) {
    }

    /** Legal latency (submission to closure, simulated days) of the closed cases among {@code cases}. */
    public record Latency(long cases, long closed, double p50Days, double p90Days, double p99Days) {
    }

    public record ClockCount(long started, long met, long missed) {
    }

    /**
     * The e-CODEX evidence of the messages first routed on one channel (docs/domain.md#messaging):
     * pieces of positive evidence in time (acceptance, relay, delivery, retrieval), negative ones
     * (REJECTED, NOT_DELIVERED, NOT_RETRIEVED), late positive ones (after a negative: they revive
     * nothing), and the transport latency, minutes from acceptance to delivery and to retrieval of
     * the messages delivered (nearest-rank p50, p90).
     */
    public record TransportLine(long messages, long positive, long negative, long late, double deliveredP50Minutes,
                                double deliveredP90Minutes, double retrievedP50Minutes, double retrievedP90Minutes) {
    }

    public record NodeLine(String node, String role, int officers, long arrivals, long served, long decided,
                           double meanWaitHours, double utilization) {
    }

    /**
     * A node played by people: how fast they answered, in simulated hours from the case's routing
     * to the node to the player's first action on it.
     *
     * @param received   cases routed to the node
     * @param answered   of those, the cases the player acted on
     * @param actions    the player's actions, on any case
     */
    public record PlayerLine(String node, String name, long received, long answered, long unanswered, long actions,
                             double firstResponseP50Hours, double firstResponseMaxHours) {
    }

    /**
     * An MSEL inject: its expected outcome in words, and the check of it on this run's metrics.
     *
     * @param at        its time as written: when it fires, or for a conditional inject the earliest
     *                  time, for a contingency inject the time its condition is judged at
     * @param condition for a conditional or contingency inject, its condition in words ({@code when …},
     *                  {@code unless …}); else null
     * @param firedAt   when it fired in this run, or null if it did not before the end
     */
    public record InjectLine(String id, String at, String condition, String firedAt, String kind, String target,
                             String expected, String metric, Double atLeast, Double atMost, double observed,
                             boolean met) {
    }

    /** An expected outcome of the whole exercise, checked the same way. */
    public record OutcomeLine(String expected, String metric, Double atLeast, Double atMost, double observed,
                              boolean met) {
    }

    /** Finer cuts for the HTML charts. */
    public record Breakdown(SortedMap<String, Latency> latencyByRequestType,
                            SortedMap<String, ClockCount> clocksByChannel,
                            SortedMap<String, ClockCount> clocksByCrimeArea,
                            SortedMap<String, List<Long>> backlogByNodePerDay,
                            SortedMap<String, List<Long>> escalationsByLevelPerDay,
                            SortedMap<String, Long> deadLettersByReason) {
    }

    /** Wall-clock facts of this run: the only part that differs between two runs of the same seed. */
    public record Run(double wallSeconds, long events, double eventsPerSecond) {
    }
}
