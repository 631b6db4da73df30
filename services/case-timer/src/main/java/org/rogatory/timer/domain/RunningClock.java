package org.rogatory.timer.domain;

import org.rogatory.contracts.ClockKind;
import org.rogatory.contracts.EscalationLevel;

/**
 * A clock running on a case, as persisted in the case file (times in epoch millis).
 *
 * @param lastLevel last escalation step already emitted, null before the first: the next step
 *                  is derived from it, so a restart replays nothing
 * @param warningAt the warning point still ahead ({@link ClockPolicy#warningAt}), null once stream time
 *                  passed it (or for a clock with no span to warn in, or kept from before warnings)
 * @param nextDueAt when stream time passing it makes the clock act next (miss, then each step)
 * @param settledAt when the case stopped waiting on the clock after its deadline (a late reply, or
 *                  the case closed), {@link #UNSETTLED} before: the ladder climbs only the steps due
 *                  before it, whether the timer hears of the late step before or after it decides the clock
 */
public record RunningClock(ClockKind kind, long startedAt, long deadline, Long warningAt, boolean missed,
                           EscalationLevel lastLevel, long nextDueAt, long settledAt) {

    public static final long UNSETTLED = Long.MAX_VALUE;

    public static RunningClock started(ClockKind kind, long startedAt, long deadline, Long warningAt, long firstDueAt) {
        return new RunningClock(kind, startedAt, deadline, warningAt, false, null, firstDueAt, UNSETTLED);
    }

    /** When stream time passing it makes the clock act next: its warning point, else its miss or next step. */
    public long nextActionAt() {
        return warningAt == null ? nextDueAt : nextDueAt == CaseDocket.NOTHING_DUE ? warningAt : Math.min(warningAt, nextDueAt);
    }

    /** Share of the span, start to deadline, elapsed at the warning point. */
    double warningShare() {
        return (double) (warningAt - startedAt) / (deadline - startedAt);
    }

    RunningClock warningPassed() {
        return new RunningClock(kind, startedAt, deadline, null, missed, lastLevel, nextDueAt, settledAt);
    }

    public boolean settled() {
        return settledAt != UNSETTLED;
    }

    RunningClock escalated(EscalationLevel level, long nextDue) {
        return new RunningClock(kind, startedAt, deadline, warningAt, true, level, nextDue, settledAt);
    }

    RunningClock settledAt(long at) {
        return new RunningClock(kind, startedAt, deadline, warningAt, missed, lastLevel, nextDueAt, Math.min(settledAt, at));
    }
}
