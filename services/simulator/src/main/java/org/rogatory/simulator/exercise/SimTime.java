package org.rogatory.simulator.exercise;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.rogatory.platform.calendar.Span;

/**
 * A moment of an exercise: an offset from the scenario start ({@code 30d}, {@code 2d6h},
 * {@code P2DT6H}, {@code 0d}) or an ISO instant ({@code 2026-02-04T08:00:00Z}).
 *
 * @param offset  offset from the start, when written as one
 * @param instant absolute instant, when written as one
 */
public record SimTime(Duration offset, Instant instant, String text) {

    @JsonCreator
    public static SimTime parse(String text) {
        String t = text.trim();
        if (t.matches("\\d{4}-\\d{2}-\\d{2}T.*")) {
            try {
                return new SimTime(null, Instant.parse(t), text);
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("'" + text + "' is not an ISO instant (e.g. 2026-02-04T08:00:00Z)");
            }
        }
        if (t.matches("0+[dhm]?")) {
            return new SimTime(Duration.ZERO, null, text);
        }
        try {
            Span offset = Span.parse(t);
            if (offset.unit() != Span.Unit.WORKING_DAYS) {
                return new SimTime(offset.toDuration(), null, text);
            }
        } catch (IllegalArgumentException notAnOffset) {
            // falls through to the message naming both accepted forms
        }
        throw new IllegalArgumentException("'" + text + "' is neither an offset from the start (e.g. 30d, 2d6h, P2DT6H)"
                + " nor an ISO instant (e.g. 2026-02-04T08:00:00Z)");
    }

    public Instant resolve(Instant start) {
        return instant != null ? instant : start.plus(offset);
    }

    @JsonValue
    @Override
    public String text() {
        return text;
    }
}
