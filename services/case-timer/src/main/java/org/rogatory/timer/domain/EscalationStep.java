package org.rogatory.timer.domain;

import org.rogatory.contracts.ClockKind;
import org.rogatory.contracts.EscalationLevel;

/** One rung of the ladder, climbed at {@code dueAt} (simulated epoch millis) for a missed clock. */
public record EscalationStep(String caseId, ClockKind clock, EscalationLevel level, long deadline, long dueAt,
                             String targetNode) {

    public long overdueMillis() {
        return dueAt - deadline;
    }
}
