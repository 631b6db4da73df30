package org.rogatory.platform.calendar;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.rogatory.contracts.DirectoryEntry;
import org.rogatory.contracts.OfficeHours;

/**
 * When a node's officers work, in the node's own time zone: round the clock (24/7 points of
 * contact, NCBs) or office hours on working days, its state's weekend and public holidays
 * excluded. The simulated nodes work only in open time, so a request received on Friday evening
 * waits for Monday morning (for Sunday morning where the weekend is Friday and Saturday); the case
 * timer counts working-day deadlines on the same days (docs/rules.md, "Clocks").
 * Times are simulated epoch milliseconds (the Kafka record timestamp) or instants.
 */
public final class WorkingCalendar {
    /** Bound on the day-by-day search: a calendar with no working day in ten years is a data error. */
    private static final int MAX_DAYS = 3660;

    private final boolean roundTheClock;
    private final ZoneId zone;
    private final int openHour;
    private final int closeHour;
    private final Weekend weekend;
    private final Set<LocalDate> holidays;

    private WorkingCalendar(boolean roundTheClock, ZoneId zone, int openHour, int closeHour, Weekend weekend,
                            Set<LocalDate> holidays) {
        this.roundTheClock = roundTheClock;
        this.zone = zone;
        this.openHour = openHour;
        this.closeHour = closeHour;
        this.weekend = weekend;
        this.holidays = Set.copyOf(holidays);
    }

    /** @param zone where the node is: calendar days are its local days (daylight saving included) */
    public static WorkingCalendar roundTheClock(ZoneId zone) {
        return new WorkingCalendar(true, zone, 0, 24, Weekend.SATURDAY_SUNDAY, Set.of());
    }

    /** Office hours with a Saturday–Sunday weekend. */
    public static WorkingCalendar officeHours(ZoneId zone, int openHour, int closeHour, Set<LocalDate> holidays) {
        return officeHours(zone, openHour, closeHour, Weekend.SATURDAY_SUNDAY, holidays);
    }

    /** @param weekend the state's weekly rest days: no work, and no working day counted */
    public static WorkingCalendar officeHours(ZoneId zone, int openHour, int closeHour, Weekend weekend,
                                              Set<LocalDate> holidays) {
        if (openHour < 0 || closeHour > 24 || openHour >= closeHour) {
            throw new IllegalArgumentException("office hours need 0 <= open < close <= 24, were " + openHour + "-" + closeHour);
        }
        return new WorkingCalendar(false, zone, openHour, closeHour, weekend, holidays);
    }

    /**
     * The calendar of a directory entry. A time zone, weekend or holiday that cannot be read (the
     * entry came over the wire) is told to {@code unreadable} and replaced: UTC, Saturday–Sunday,
     * or no holiday.
     */
    public static WorkingCalendar of(DirectoryEntry entry, Consumer<String> unreadable) {
        ZoneId zone;
        try {
            zone = ZoneId.of(entry.getTimeZone());
        } catch (DateTimeException e) {
            unreadable.accept("time zone '" + entry.getTimeZone() + "' is unreadable; counting in UTC");
            zone = ZoneOffset.UTC;
        }
        OfficeHours hours = entry.getHours();
        if (hours.getRoundTheClock()) {
            return roundTheClock(zone);
        }
        Set<LocalDate> holidays = new HashSet<>();
        for (String day : entry.getHolidays()) {
            try {
                holidays.add(LocalDate.parse(day));
            } catch (DateTimeException e) {
                unreadable.accept("holiday '" + day + "' is unreadable; ignored");
            }
        }
        return officeHours(zone, hours.getOpenHour(), hours.getCloseHour(), weekend(entry, unreadable), holidays);
    }

    /** The entry's weekend; a day a newer writer added to the contract ({@code UNKNOWN} here) is ignored. */
    private static Weekend weekend(DirectoryEntry entry, Consumer<String> unreadable) {
        List<DayOfWeek> days = new ArrayList<>();
        for (org.rogatory.contracts.DayOfWeek day : entry.getWeekend()) {
            if (day == org.rogatory.contracts.DayOfWeek.UNKNOWN) {
                unreadable.accept("weekend day " + day + " is unreadable; ignored");
            } else {
                days.add(DayOfWeek.valueOf(day.name()));
            }
        }
        try {
            return Weekend.of(days);
        } catch (IllegalArgumentException e) {
            unreadable.accept("weekend " + entry.getWeekend() + " is unreadable (" + e.getMessage()
                + "); resting on Saturday and Sunday");
            return Weekend.SATURDAY_SUNDAY;
        }
    }

    public ZoneId zone() {
        return zone;
    }

    public boolean isRoundTheClock() {
        return roundTheClock;
    }

    /** The weekly rest days of an office-hours calendar (round the clock, none is kept). */
    public Weekend weekend() {
        return weekend;
    }

    public boolean isOpen(long at) {
        if (roundTheClock) {
            return true;
        }
        ZonedDateTime local = Instant.ofEpochMilli(at).atZone(zone);
        LocalDate day = local.toLocalDate();
        return isWorkingDay(day) && at >= windowStart(day) && at < windowEnd(day);
    }

    /** Start of the next open period at or after {@code at}. */
    public long nextOpening(long at) {
        if (roundTheClock || isOpen(at)) {
            return at;
        }
        LocalDate day = Instant.ofEpochMilli(at).atZone(zone).toLocalDate();
        for (int i = 0; i < MAX_DAYS; i++, day = day.plusDays(1)) {
            if (isWorkingDay(day) && windowStart(day) >= at) {
                return windowStart(day);
            }
        }
        throw noWorkingDay();
    }

    /** Open milliseconds in [from, to). */
    public long openMillisBetween(long from, long to) {
        if (to <= from) {
            return 0;
        }
        if (roundTheClock) {
            return to - from;
        }
        long open = 0;
        LocalDate day = Instant.ofEpochMilli(from).atZone(zone).toLocalDate();
        LocalDate last = Instant.ofEpochMilli(to).atZone(zone).toLocalDate();
        for (; !day.isAfter(last); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                open += Math.max(0, Math.min(to, windowEnd(day)) - Math.max(from, windowStart(day)));
            }
        }
        return open;
    }

    /** The instant at which {@code work} milliseconds of open time have elapsed after {@code from}. */
    public long addOpenMillis(long from, long work) {
        if (work <= 0) {
            return from;
        }
        if (roundTheClock) {
            return from + work;
        }
        long remaining = work;
        LocalDate day = Instant.ofEpochMilli(from).atZone(zone).toLocalDate();
        for (int i = 0; i < MAX_DAYS; i++, day = day.plusDays(1)) {
            if (!isWorkingDay(day)) {
                continue;
            }
            long start = Math.max(from, windowStart(day));
            long end = windowEnd(day);
            if (end <= start) {
                continue;
            }
            if (end - start >= remaining) {
                return start + remaining;
            }
            remaining -= end - start;
        }
        throw noWorkingDay();
    }

    /** Every day is a working day round the clock; otherwise every day outside the weekend and the holidays. */
    public boolean isWorkingDay(LocalDate day) {
        return roundTheClock || !weekend.contains(day.getDayOfWeek()) && !holidays.contains(day);
    }

    /**
     * The instant {@code days} working days after {@code start}, at the same local time of day.
     * Only working days are counted, so a deadline that would fall on a weekend or a holiday moves
     * on to the next working day; a request received on a non-working day starts counting on the
     * next one. Round the clock, days are hours: {@code days} × 24 h.
     */
    public Instant plusWorkingDays(Instant start, long days) {
        if (roundTheClock) {
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

    private long windowStart(LocalDate day) {
        return localTime(day, openHour);
    }

    private long windowEnd(LocalDate day) {
        return localTime(day, closeHour);
    }

    /** Wall-clock hour in the node's zone (so 09:00 stays 09:00 across daylight-saving changes). */
    private long localTime(LocalDate day, int hour) {
        ZonedDateTime local = hour == 24 ? day.plusDays(1).atStartOfDay(zone) : day.atTime(hour, 0).atZone(zone);
        return local.toInstant().toEpochMilli();
    }

    private IllegalStateException noWorkingDay() {
        return new IllegalStateException("office-hours calendar in " + zone + " has no working day in reach");
    }

    @Override
    public String toString() {
        String hours = String.format("%02d-%02d %s", openHour, closeHour, zone);
        return roundTheClock ? "24/7" : weekend.equals(Weekend.SATURDAY_SUNDAY) ? hours : hours + ", weekend " + weekend;
    }
}
