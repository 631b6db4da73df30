package org.rogatory.timer.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.rogatory.platform.calendar.WorkingCalendar;

/** Length of a clock: hours, calendar days or working days of the node that must act. */
public record ClockSpan(long amount, Unit unit) {

    public enum Unit { HOURS, CALENDAR_DAYS, WORKING_DAYS }

    public ClockSpan {
        if (amount <= 0) {
            throw new IllegalArgumentException("a clock span must be positive: " + amount);
        }
    }

    public static ClockSpan hours(long hours) {
        return new ClockSpan(hours, Unit.HOURS);
    }

    public static ClockSpan days(long days) {
        return new ClockSpan(days, Unit.CALENDAR_DAYS);
    }

    public static ClockSpan workingDays(long days) {
        return new ClockSpan(days, Unit.WORKING_DAYS);
    }

    /**
     * A delay in the same notation, which may be zero: {@code 12h} or {@code 3d} (calendar time,
     * as ladder steps and the timer's grace count it).
     */
    public static Duration delay(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (!t.matches("\\d+[hd]")) {
            throw new IllegalArgumentException("must read like 12h or 3d (whole hours or days, not negative), not '" + text + "'");
        }
        long amount = Long.parseLong(t.substring(0, t.length() - 1));
        return t.endsWith("h") ? Duration.ofHours(amount) : Duration.ofDays(amount);
    }

    /** Parses {@code 4h}, {@code 90d} or {@code 5wd} (working days), as scenario files write them. */
    public static ClockSpan parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.endsWith("wd")) {
                return workingDays(Long.parseLong(t.substring(0, t.length() - 2)));
            }
            if (t.endsWith("d")) {
                return days(Long.parseLong(t.substring(0, t.length() - 1)));
            }
            if (t.endsWith("h")) {
                return hours(Long.parseLong(t.substring(0, t.length() - 1)));
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a clock span: '" + text + "' (e.g. 4h, 90d, 5wd)", e);
        }
        throw new IllegalArgumentException("not a clock span: '" + text + "' (e.g. 4h, 90d, 5wd)");
    }

    /** The deadline of a clock started at {@code start}, on the calendar of the node that must act. */
    public Instant after(Instant start, WorkingCalendar calendar) {
        return switch (unit) {
            case HOURS -> start.plus(Duration.ofHours(amount));
            case CALENDAR_DAYS -> start.atZone(calendar.zone()).plusDays(amount).toInstant();
            case WORKING_DAYS -> calendar.plusWorkingDays(start, amount);
        };
    }

    /** Whether this span lasts at least {@code days} days (working days last at least as long as calendar days). */
    public boolean lastsAtLeastDays(long days) {
        return unit == Unit.HOURS ? amount >= 24 * days : amount >= days;
    }

    @Override
    public String toString() {
        return amount + switch (unit) {
            case HOURS -> "h";
            case CALENDAR_DAYS -> "d";
            case WORKING_DAYS -> "wd";
        };
    }
}
