package org.rogatory.timer.domain;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/**
 * The working days of one node, in its own time zone: office-hours nodes skip weekends and the
 * public holidays of their state; round-the-clock nodes (24/7 points, NCBs) count every hour.
 */
public record WorkingDayCalendar(ZoneId zone, Set<DayOfWeek> weekend, Set<LocalDate> holidays) {

    public static final Set<DayOfWeek> SATURDAY_SUNDAY = EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);

    public WorkingDayCalendar {
        weekend = weekend.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(weekend));
        holidays = Set.copyOf(holidays);
    }

    public static WorkingDayCalendar officeHours(ZoneId zone, Collection<LocalDate> holidays) {
        return new WorkingDayCalendar(zone, SATURDAY_SUNDAY, Set.copyOf(holidays));
    }

    public static WorkingDayCalendar roundTheClock(ZoneId zone) {
        return new WorkingDayCalendar(zone, Set.of(), Set.of());
    }

    public boolean isRoundTheClock() {
        return weekend.isEmpty() && holidays.isEmpty();
    }

    public boolean isWorkingDay(LocalDate day) {
        return !weekend.contains(day.getDayOfWeek()) && !holidays.contains(day);
    }

    /**
     * The instant {@code days} working days after {@code start}, at the same local time of day.
     * Only working days are counted, so a deadline that would fall on a weekend or a holiday moves
     * on to the next working day; a request received on a non-working day starts counting on the
     * next one. A round-the-clock node counts hours: {@code days} × 24 h.
     */
    public Instant plusWorkingDays(Instant start, long days) {
        if (isRoundTheClock()) {
            return start.plus(Duration.ofHours(24 * days));
        }
        ZonedDateTime at = start.atZone(zone);
        long counted = 0;
        while (counted < days) {
            at = at.plusDays(1);
            if (isWorkingDay(at.toLocalDate())) {
                counted++;
            }
        }
        return at.toInstant();
    }
}
