package org.rogatory.simulator.exercise;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A span of simulated time as a trainer writes it: ISO-8601 ({@code PT4H}, {@code P5D}),
 * shorthand ({@code 4h}, {@code 90d}, {@code 2d12h}, {@code 30m}) or working days
 * ({@code 5 working days} or {@code 5wd}, counted in the handling node's calendar).
 * {@link #spanText()} gives the case timer's clock-span notation (4h, 90d, 5wd).
 */
public record SimDuration(Duration duration, boolean workingDays, String text) {
    private static final Pattern SHORTHAND = Pattern.compile("(?:(\\d+(?:\\.\\d+)?)d)?\\s*(?:(\\d+(?:\\.\\d+)?)h)?\\s*(?:(\\d+)m)?");
    private static final Pattern WORKING_DAYS = Pattern.compile("(\\d+)\\s*(?:wd|working\\s+days?)");

    @JsonCreator
    public static SimDuration parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        Matcher working = WORKING_DAYS.matcher(t);
        if (working.matches()) {
            return new SimDuration(Duration.ofDays(Long.parseLong(working.group(1))), true, text);
        }
        if (t.startsWith("p")) {
            try {
                return notNegative(Duration.parse(t.toUpperCase(Locale.ROOT)), text);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'" + text + "' is not an ISO-8601 duration (e.g. PT4H, P5D)");
            }
        }
        Matcher m = SHORTHAND.matcher(t);
        if (t.isEmpty() || !m.matches()) {
            throw new IllegalArgumentException("'" + text
                    + "' is not a duration: write e.g. 4h, 90d, 2d12h, 30m, PT4H, P5D or '5 working days'");
        }
        double hours = (m.group(1) == null ? 0 : Double.parseDouble(m.group(1)) * 24)
                + (m.group(2) == null ? 0 : Double.parseDouble(m.group(2)))
                + (m.group(3) == null ? 0 : Long.parseLong(m.group(3)) / 60.0);
        return notNegative(Duration.ofMillis(Math.round(hours * 3_600_000)), text);
    }

    private static SimDuration notNegative(Duration d, String text) {
        if (d.isNegative()) {
            throw new IllegalArgumentException("'" + text + "' must not be negative");
        }
        return new SimDuration(d, false, text);
    }

    /** The case timer's notation: {@code Nwd}, {@code Nd} or {@code Nh}; only whole hours can be written so. */
    public String spanText() {
        if (workingDays) {
            return duration.toDays() + "wd";
        }
        if (duration.toMillis() % Duration.ofDays(1).toMillis() == 0) {
            return duration.toDays() + "d";
        }
        if (duration.toMillis() % Duration.ofHours(1).toMillis() == 0) {
            return duration.toHours() + "h";
        }
        throw new IllegalArgumentException("'" + text + "' is not a whole number of hours");
    }

    @JsonValue
    @Override
    public String text() {
        return text;
    }
}
