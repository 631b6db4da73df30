package org.rogatory.timer.domain;

import org.rogatory.contracts.ClockKind;
import org.rogatory.contracts.EscalationLevel;

/**
 * A clock running on a case, as persisted in the case file (times in epoch millis).
 *
 * @param lastLevel last escalation step already emitted, null before the first: the next step
 *                  is derived from it, so a restart replays nothing
 * @param nextDueAt when stream time passing it makes the clock act next (miss, then each step)
 */
public record RunningClock(ClockKind kind, long startedAt, long deadline, boolean missed,
                           EscalationLevel lastLevel, long nextDueAt) {

    public static RunningClock started(ClockKind kind, long startedAt, long deadline, long firstDueAt) {
        return new RunningClock(kind, startedAt, deadline, false, null, firstDueAt);
    }

    RunningClock escalated(EscalationLevel level, long nextDue) {
        return new RunningClock(kind, startedAt, deadline, true, level, nextDue);
    }
}
