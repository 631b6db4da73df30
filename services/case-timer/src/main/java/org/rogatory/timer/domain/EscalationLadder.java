package org.rogatory.timer.domain;

import org.rogatory.contracts.ClockKind;
import org.rogatory.contracts.EscalationLevel;

import java.util.List;
import java.util.Optional;

/**
 * The ladder climbed when a clock is missed (docs/rules.md, "Clocks"): reminder to the handling
 * officer, then the supervisor, then the waiting state's liaison officer (only where one is
 * posted in the acting state), then a diplomatic note, each when its clock's ladder says. The next step is derived from the last
 * step emitted, which is persisted with the clock, so a restart never emits a step twice.
 */
public final class EscalationLadder {

    private final LadderPolicy policy;

    public EscalationLadder(LadderPolicy policy) {
        this.policy = policy;
    }

    /** The step after {@code last} (null: none emitted yet), skipping the liaison officer where none is posted. */
    public Optional<EscalationLevel> next(EscalationLevel last, boolean liaisonPosted) {
        List<EscalationLevel> steps = Ladder.STEPS;
        for (int i = last == null ? 0 : steps.indexOf(last) + 1; i < steps.size(); i++) {
            EscalationLevel level = steps.get(i);
            if (level != EscalationLevel.LIAISON_OFFICER || liaisonPosted) {
                return Optional.of(level);
            }
        }
        return Optional.empty();
    }

    /** When {@code level} falls due for {@code clock}, which ran out at {@code deadline}. */
    public long dueAt(ClockKind clock, long deadline, EscalationLevel level) {
        return deadline + policy.delay(clock, level).toMillis();
    }
}
