package org.rogatory.timer.domain;

import org.rogatory.contracts.EscalationLevel;
import org.rogatory.platform.calendar.Span;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One escalation ladder: when each step falls due, counted from the missed deadline (docs/rules.md,
 * "Clocks": each step has its own delay; res. 12/2: automated notices when a deadline is passed).
 * {@link LadderPolicy} says which clock climbs which ladder.
 */
public record Ladder(Map<EscalationLevel, Duration> delays) {

    /** The ladder, bottom to top. */
    public static final List<EscalationLevel> STEPS = List.of(EscalationLevel.REMINDER, EscalationLevel.SUPERVISOR,
        EscalationLevel.LIAISON_OFFICER, EscalationLevel.DIPLOMATIC_NOTE);

    public Ladder {
        EnumMap<EscalationLevel, Duration> copy = new EnumMap<>(EscalationLevel.class);
        copy.putAll(delays);
        Duration previous = Duration.ZERO;
        for (EscalationLevel level : STEPS) {
            Duration delay = copy.get(level);
            if (delay == null || delay.isNegative() || delay.compareTo(previous) < 0) {
                throw new IllegalArgumentException("ladder step " + level + " needs a delay after the previous step's, got " + delay);
            }
            previous = delay;
        }
        delays = Map.copyOf(copy);
    }

    /** Steps due {@code reminder}, {@code supervisor}, {@code liaison} and {@code note} after the missed deadline. */
    public static Ladder of(Duration reminder, Duration supervisor, Duration liaison, Duration note) {
        return new Ladder(Map.of(EscalationLevel.REMINDER, reminder, EscalationLevel.SUPERVISOR, supervisor,
            EscalationLevel.LIAISON_OFFICER, liaison, EscalationLevel.DIPLOMATIC_NOTE, note));
    }

    public Duration delay(EscalationLevel level) {
        return delays.get(level);
    }

    /** Overrides such as {@code supervisor=5d} or {@code reminder=12h}, applied together. */
    public Ladder overriddenBy(Map<String, String> overrides) {
        Map<EscalationLevel, Duration> changed = new EnumMap<>(delays);
        for (Map.Entry<String, String> e : overrides.entrySet()) {
            EscalationLevel level = EscalationLevel.valueOf(e.getKey().trim().toUpperCase(Locale.ROOT).replace('-', '_'));
            try {
                changed.put(level, Span.parse(e.getValue()).toDuration());
            } catch (IllegalArgumentException invalid) {
                throw new IllegalArgumentException("ladder delay of " + level + " " + invalid.getMessage(), invalid);
            }
        }
        return new Ladder(changed);
    }
}
