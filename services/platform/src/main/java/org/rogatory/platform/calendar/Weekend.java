package org.rogatory.platform.calendar;

import java.time.DayOfWeek;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The weekly rest days of an office-hours node: a state's practice, not a treaty's rule. Most
 * states rest on Saturday and Sunday, many (most Arab states among them) on Friday and Saturday,
 * a few on Friday alone or on Thursday and Friday (docs/domain.md#nodes). A weekend has one to six
 * days: an office needs a working day, and the model knows no state without a weekly rest.
 *
 * @param days the rest days, unmodifiable
 */
public record Weekend(Set<DayOfWeek> days) {

    /** The weekend of most states, and of directory records written before weekends were per state. */
    public static final Weekend SATURDAY_SUNDAY = new Weekend(Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));

    public Weekend {
        if (days == null || days.isEmpty()) {
            throw new IllegalArgumentException("a weekend needs at least one day (omit it for Saturday and Sunday)");
        }
        if (days.size() == DayOfWeek.values().length) {
            throw new IllegalArgumentException("a weekend of all seven days leaves no working day");
        }
        days = Collections.unmodifiableSet(EnumSet.copyOf(days));
    }

    /** The weekend of these days; a day written twice is a mistake, not a repetition. */
    public static Weekend of(Collection<DayOfWeek> days) {
        Set<DayOfWeek> distinct = days.isEmpty() ? Set.of() : EnumSet.copyOf(days);
        if (distinct.size() != days.size()) {
            throw new IllegalArgumentException("a weekend names each day once, was " + days);
        }
        return new Weekend(distinct);
    }

    public boolean contains(DayOfWeek day) {
        return days.contains(day);
    }

    /** {@code [FRIDAY, SATURDAY]}, Monday first, as a world file writes it. */
    @Override
    public String toString() {
        return days.toString();
    }
}
