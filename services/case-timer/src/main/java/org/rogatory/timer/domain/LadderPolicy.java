package org.rogatory.timer.domain;

import org.rogatory.contracts.ClockKind;
import org.rogatory.contracts.EscalationLevel;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * Which ladder each clock climbs when missed (docs/clocks.md, "Escalation ladder"): a clock with a
 * ladder of its own climbs it, every other clock the common one. A ladder follows its clock's scale:
 * a 4-hour acknowledgement that still waits three days for a supervisor is no escalation, and a
 * 180-day extradition decision does not need a diplomatic note a fortnight late. Defaults are
 * scenario parameters, not law.
 *
 * @param common the ladder of every clock without one of its own
 * @param own    clocks with a ladder of their own
 */
public record LadderPolicy(Ladder common, Map<ClockKind, Ladder> own) {

    /** Ladders in hours, for clocks counted in hours (24/7 acknowledgement, e-CODEX transport step). */
    static final Ladder HOURS = Ladder.of(Duration.ZERO, Duration.ofHours(4), Duration.ofHours(12), Duration.ofDays(1));
    /** Ladders in weeks, for clocks counted in months (extradition decision). */
    static final Ladder WEEKS = Ladder.of(Duration.ZERO, Duration.ofDays(14), Duration.ofDays(30), Duration.ofDays(60));

    public LadderPolicy {
        own = Map.copyOf(own);
    }

    public static LadderPolicy defaults() {
        Ladder common = Ladder.of(Duration.ZERO, Duration.ofDays(3), Duration.ofDays(7), Duration.ofDays(14));
        return new LadderPolicy(common, Map.of(ClockKind.POC_ACKNOWLEDGEMENT, HOURS, ClockKind.TRANSPORT_STEP, HOURS,
            ClockKind.EXTRADITION_DECISION, WEEKS));
    }

    /** The ladder {@code clock} climbs. */
    public Ladder ladder(ClockKind clock) {
        return own.getOrDefault(clock, common);
    }

    public Duration delay(ClockKind clock, EscalationLevel level) {
        return ladder(clock).delay(level);
    }

    /** Overrides of the common ladder, such as {@code supervisor=5d}; clocks with a ladder of their own keep it. */
    public LadderPolicy overriddenBy(Map<String, String> overrides) {
        return new LadderPolicy(common.overriddenBy(overrides), own);
    }

    /** Overrides of {@code clock}'s ladder (its own, or else the common one as it now stands), which becomes its own. */
    public LadderPolicy overriddenFor(ClockKind clock, Map<String, String> overrides) {
        Map<ClockKind, Ladder> changed = new EnumMap<>(ClockKind.class);
        changed.putAll(own);
        changed.put(clock, ladder(clock).overriddenBy(overrides));
        return new LadderPolicy(common, changed);
    }
}
