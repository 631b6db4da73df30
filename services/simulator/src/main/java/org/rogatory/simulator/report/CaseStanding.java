package org.rogatory.simulator.report;

import org.rogatory.contracts.CaseStatus;

/**
 * Where a case stands for the after-action report: still open, or closed with its outcome. The
 * totals, the legal latency and the tests that count the rows of cases.csv all read it from here.
 * The status alone does not say it because of the round trip (docs/nodes.md#the-round-trip, rule
 * 11): a case its node transmitted to an executing authority stays open after that authority
 * executed it, while the results travel back, and counts as executed once the requesting state
 * has received them.
 */
public enum CaseStanding {
    OPEN, EXECUTED, RECEIVED, REFUSED, LAPSED, WITHDRAWN;

    /** @param roundTrip whether the case was transmitted to an executing authority for execution */
    public static CaseStanding of(CaseStatus status, boolean roundTrip) {
        return switch (status) {
            case EXECUTED, PARTIALLY_EXECUTED -> roundTrip ? OPEN : EXECUTED;
            case EVIDENCE_RECEIVED -> RECEIVED;
            case REFUSED -> REFUSED;
            case LAPSED -> LAPSED;
            case WITHDRAWN -> WITHDRAWN;
            default -> OPEN;
        };
    }

    public boolean closed() {
        return this != OPEN;
    }

    /** Executed by the node, or executed on the round trip and the results received. */
    public boolean executed() {
        return this == EXECUTED || this == RECEIVED;
    }
}
