package org.rogatory.timer.domain;

import org.rogatory.contracts.ClockKind;
import org.rogatory.contracts.EscalationLevel;

/**
 * A clock running on a case, as persisted in the case file (times in epoch millis).
 *
 * @param lastLevel last escalation step already emitted, null before the first: the next step
 *                  is derived from it, so a restart replays nothing
 * @param nextDueAt when stream time passing it makes the clock act next (miss, then each step)
 * @param settledAt when the case stopped waiting on the clock after its deadline (a late reply, or
 *                  the case closed), {@link #UNSETTLED} before: the ladder climbs only the steps due
 *                  before it, whether the timer hears of the late step before or after it decides the clock
 */
public record RunningClock(ClockKind kind, long startedAt, long deadline, boolean missed,
                           EscalationLevel lastLevel, long nextDueAt, long settledAt) {

    public static final long UNSETTLED = Long.MAX_VALUE;

    public static RunningClock started(ClockKind kind, long startedAt, long deadline, long firstDueAt) {
        return new RunningClock(kind, startedAt, deadline, false, null, firstDueAt, UNSETTLED);
    }

    public boolean settled() {
        return settledAt != UNSETTLED;
    }

    RunningClock escalated(EscalationLevel level, long nextDue) {
        return new RunningClock(kind, startedAt, deadline, true, level, nextDue, settledAt);
    }

    RunningClock settledAt(long at) {
        return new RunningClock(kind, startedAt, deadline, missed, lastLevel, nextDueAt, Math.min(settledAt, at));
    }
}
