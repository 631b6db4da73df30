package org.rogatory.timer.domain;

import org.rogatory.contracts.ClockKind;

/**
 * A clock of a case reached its warning point with the awaited action not done: its deadline is
 * near (times in simulated epoch millis).
 *
 * @param actingNode   the node that must act, where a missed clock's reminder would go
 * @param elapsedShare share of the span, start to deadline, elapsed at {@code reachedAt}
 */
public record DeadlineWarning(String caseId, ClockKind clock, String actingNode, long deadline, long reachedAt,
                              double elapsedShare) {
}
