package org.rogatory.authorities.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * When a node's officers work, in the node's own time zone: round the clock (24/7 points of
 * contact, NCBs) or office hours on working days, public holidays excluded. Service progresses
 * only in open time, so a request received on Friday evening waits for Monday morning.
 * Times are simulated epoch milliseconds (the Kafka record timestamp).
 */
public final class WorkingCalendar {
    private static final Set<DayOfWeek> WEEKEND = Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
    /** Bound on the day-by-day search: a calendar with no working day in ten years is a data error. */
    private static final int MAX_DAYS = 3660;

    private final boolean roundTheClock;
    private final ZoneId zone;
    private final int openHour;
    private final int closeHour;
    private final Set<LocalDate> holidays;

    private WorkingCalendar(boolean roundTheClock, ZoneId zone, int openHour, int closeHour, Set<LocalDate> holidays) {
        this.roundTheClock = roundTheClock;
        this.zone = zone;
        this.openHour = openHour;
        this.closeHour = closeHour;
        this.holidays = Set.copyOf(holidays);
    }

    public static WorkingCalendar roundTheClock() {
        return new WorkingCalendar(true, ZoneId.of("UTC"), 0, 24, Set.of());
    }

    public static WorkingCalendar officeHours(ZoneId zone, int openHour, int closeHour, Set<LocalDate> holidays) {
        if (openHour < 0 || closeHour > 24 || openHour >= closeHour) {
            throw new IllegalArgumentException("office hours need 0 <= open < close <= 24, were " + openHour + "-" + closeHour);
        }
        return new WorkingCalendar(false, zone, openHour, closeHour, holidays);
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

    private boolean isWorkingDay(LocalDate day) {
        return !WEEKEND.contains(day.getDayOfWeek()) && !holidays.contains(day);
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
        return roundTheClock ? "24/7" : String.format("%02d-%02d %s", openHour, closeHour, zone);
    }
}
