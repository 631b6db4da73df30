package org.rogatory.authorities.domain;

/**
 * Cumulative counters of one node, as of {@code at}. Subtracting an earlier snapshot
 * ({@link #since}) gives the figures of a window, e.g. after a warm-up period.
 *
 * @param arrivals       requests received
 * @param served         reviews started (a case sent back for more information is served again)
 * @param decided        cases that reached a final outcome (executed, partially executed, refused)
 * @param waitMillis     total time reviews waited in the queue before an officer took them
 * @param busyMillis     officer-time spent working (open time only)
 * @param capacityMillis officer-time available: officers × open time while the node is up
 */
public record NodeStatistics(
        long at,
        long arrivals,
        long served,
        long decided,
        long waitMillis,
        long busyMillis,
        long capacityMillis) {

    private static final double HOUR = 3_600_000.0;

    public double meanWaitHours() {
        return served == 0 ? 0 : waitMillis / HOUR / served;
    }

    /** Busy officer-time / (officers × open time). */
    public double utilisation() {
        return capacityMillis == 0 ? 0 : (double) busyMillis / capacityMillis;
    }

    public NodeStatistics since(NodeStatistics earlier) {
        return new NodeStatistics(at, arrivals - earlier.arrivals, served - earlier.served,
                decided - earlier.decided, waitMillis - earlier.waitMillis,
                busyMillis - earlier.busyMillis, capacityMillis - earlier.capacityMillis);
    }
}
