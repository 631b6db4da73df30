package org.rogatory.platform.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * A span of simulated time in the project's one notation, as scenario files, settings and
 * environment variables write it: {@code 4h}, {@code 90d}, {@code 2d12h}, {@code 1.5h},
 * {@code 30m}, working days ({@code 5wd} or {@code 5 working days}) or ISO-8601 ({@code PT4H},
 * {@code P5D}). The unit is kept as written because it decides how the span is counted: hours
 * and minutes are elapsed time, days are local calendar days of the node that must act
 * (daylight saving included), working days skip its weekends and holidays.
 */
public record Span(long amount, Unit unit) {

    public enum Unit { MINUTES, HOURS, DAYS, WORKING_DAYS }

    private static final Pattern SHORTHAND = Pattern.compile("(?:(\\d+(?:\\.\\d+)?)d)?\\s*(?:(\\d+(?:\\.\\d+)?)h)?\\s*(?:(\\d+)m)?");
    private static final Pattern WHOLE_DAYS = Pattern.compile("(\\d+)d");
    private static final Pattern WORKING_DAYS = Pattern.compile("(\\d+)\\s*(?:wd|working\\s+days?)");
    private static final long MINUTES_PER_DAY = 24 * 60;

    public Span {
        if (amount < 0) {
            throw new IllegalArgumentException("a span must not be negative: " + amount);
        }
    }

    public static Span hours(long hours) {
        return new Span(hours, Unit.HOURS);
    }

    public static Span days(long days) {
        return new Span(days, Unit.DAYS);
    }

    public static Span workingDays(long days) {
        return new Span(days, Unit.WORKING_DAYS);
    }

    /** Elapsed time written in the notation: whole hours as hours ({@code 48h}), else minutes. */
    public static Span of(Duration elapsed) {
        if (elapsed.isNegative() || elapsed.toMillis() % 60_000 != 0) {
            throw new IllegalArgumentException("a span counts whole minutes, not negative, not " + elapsed);
        }
        long minutes = elapsed.toMinutes();
        return minutes % 60 == 0 ? hours(minutes / 60) : new Span(minutes, Unit.MINUTES);
    }

    /** Reads every spelling of the notation; the message of a refusal names the text and the spellings. */
    @JsonCreator
    public static Span parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        Matcher working = WORKING_DAYS.matcher(t);
        if (working.matches()) {
            return workingDays(Long.parseLong(working.group(1)));
        }
        Matcher days = WHOLE_DAYS.matcher(t);
        if (days.matches()) {
            return days(Long.parseLong(days.group(1)));
        }
        if (t.startsWith("p") || t.startsWith("-p")) {
            return iso(text, t.toUpperCase(Locale.ROOT));
        }
        Matcher m = SHORTHAND.matcher(t);
        if (t.isEmpty() || !m.matches()) {
            throw notASpan(text);
        }
        double minutes = (m.group(1) == null ? 0 : Double.parseDouble(m.group(1)) * MINUTES_PER_DAY)
                + (m.group(2) == null ? 0 : Double.parseDouble(m.group(2)) * 60)
                + (m.group(3) == null ? 0 : Long.parseLong(m.group(3)));
        if (minutes != Math.rint(minutes)) {
            throw new IllegalArgumentException("'" + text + "' is not a whole number of minutes");
        }
        return of(Duration.ofMinutes((long) minutes));
    }

    /** {@code P5D} counts calendar days like {@code 5d}; any time part makes it elapsed time like {@code 4h}. */
    private static Span iso(String text, String iso) {
        Duration d;
        try {
            d = Duration.parse(iso);
        } catch (DateTimeParseException e) {
            throw notASpan(text);
        }
        if (d.isNegative()) {
            throw new IllegalArgumentException("'" + text + "' must not be negative");
        }
        if (!iso.contains("T")) {
            return days(d.toDays());
        }
        try {
            return of(d);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not a whole number of minutes");
        }
    }

    private static IllegalArgumentException notASpan(String text) {
        return new IllegalArgumentException("'" + text
                + "' is not a duration: write e.g. 4h, 90d, 5wd, 2d12h, 30m or PT4H");
    }

    public boolean isZero() {
        return amount == 0;
    }

    /** The end of the span started at {@code start}, on the calendar of the node that must act. */
    public Instant after(Instant start, WorkingCalendar calendar) {
        return switch (unit) {
            case MINUTES -> start.plus(Duration.ofMinutes(amount));
            case HOURS -> start.plus(Duration.ofHours(amount));
            case DAYS -> start.atZone(calendar.zone()).plusDays(amount).toInstant();
            case WORKING_DAYS -> calendar.plusWorkingDays(start, amount);
        };
    }

    /**
     * The span as a fixed length of time (a day is 24 hours); working days have none, since
     * they depend on a node's calendar.
     */
    public Duration toDuration() {
        return switch (unit) {
            case MINUTES -> Duration.ofMinutes(amount);
            case HOURS -> Duration.ofHours(amount);
            case DAYS -> Duration.ofDays(amount);
            case WORKING_DAYS -> throw new IllegalArgumentException("'" + this
                    + "' counts working days, which depend on a node's calendar: write hours or days (12h, 3d)");
        };
    }

    /** Whether this span lasts at least {@code days} days (working days last at least as long as calendar days). */
    public boolean lastsAtLeastDays(long days) {
        return switch (unit) {
            case MINUTES -> amount >= days * MINUTES_PER_DAY;
            case HOURS -> amount >= days * 24;
            case DAYS, WORKING_DAYS -> amount >= days;
        };
    }

    /** The notation again, as {@link #parse} reads it: {@code 30m}, {@code 4h}, {@code 90d} or {@code 5wd}. */
    @Override
    public String toString() {
        return amount + switch (unit) {
            case MINUTES -> "m";
            case HOURS -> "h";
            case DAYS -> "d";
            case WORKING_DAYS -> "wd";
        };
    }
}
