package org.rogatory.timer.domain;

import org.rogatory.contracts.ClockKind;

/**
 * How one clock started on a case ended (for coop.cases and the after-action report).
 *
 * @param metAt when the awaited action happened, if by the deadline; null otherwise
 */
public record ClockRecord(ClockKind kind, long startedAt, long deadline, Long metAt, boolean missed) {

    ClockRecord metAt(long at) {
        return new ClockRecord(kind, startedAt, deadline, at, missed);
    }

    ClockRecord markedMissed() {
        return new ClockRecord(kind, startedAt, deadline, metAt, true);
    }
}
