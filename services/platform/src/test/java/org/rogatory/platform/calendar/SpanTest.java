package org.rogatory.platform.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one duration notation: every spelling the files and settings use, and how each unit counts (docs/rules.md, "Clocks"). */
class SpanTest {

    private static final WorkingCalendar UTC_OFFICE = WorkingCalendar.officeHours(ZoneOffset.UTC, 9, 17, Set.of());

    @ParameterizedTest(name = "''{0}'' reads as {1}")
    @CsvSource(delimiter = '|', value = {
        "4h               | 4h",
        "0h               | 0h",
        "90d              | 90d",
        "5wd              | 5wd",
        "5 working days   | 5wd",
        "1 working day    | 1wd",
        "2d12h            | 60h",
        "4d6h             | 102h",
        "1.5h             | 90m",
        "1.5d             | 36h",
        "30m              | 30m",
        "120m             | 2h",
        "PT4H             | 4h",
        "P5D              | 5d",
        "P2DT6H           | 54h",
        "' 48H '          | 48h",
    })
    void spellings(String text, String canonical) {
        assertEquals(canonical, Span.parse(text).toString());
        assertEquals(Span.parse(text), Span.parse(canonical), "the canonical text reads back as the same span");
    }

    @ParameterizedTest(name = "{0} after 2027-01-08T15:00Z (a Friday) on a UTC office = {1}")
    @CsvSource({"4h, 2027-01-08T19:00:00Z", "10d, 2027-01-18T15:00:00Z", "2wd, 2027-01-12T15:00:00Z", "90m, 2027-01-08T16:30:00Z"})
    void counted_on_the_calendar(String span, Instant expected) {
        assertEquals(expected, Span.parse(span).after(Instant.parse("2027-01-08T15:00:00Z"), UTC_OFFICE));
    }

    @Test
    @DisplayName("days are local days of the node (23 h over the spring change), hours are elapsed time")
    void days_are_local_days() {
        WorkingCalendar berlin = WorkingCalendar.roundTheClock(ZoneId.of("Europe/Berlin"));
        Instant saturday = Instant.parse("2027-03-27T09:00:00Z");
        assertEquals(Instant.parse("2027-03-28T08:00:00Z"), Span.days(1).after(saturday, berlin));
        assertEquals(Instant.parse("2027-03-28T09:00:00Z"), Span.hours(24).after(saturday, berlin));
    }

    @ParameterizedTest(name = "''{0}'' is refused: {1}")
    @CsvSource(delimiter = '|', value = {
        "ninety days | 'ninety days' is not a duration: write e.g. 4h, 90d, 5wd, 2d12h, 30m or PT4H",
        "two days    | 'two days' is not a duration: write e.g. 4h, 90d, 5wd, 2d12h, 30m or PT4H",
        "''          | '' is not a duration: write e.g. 4h, 90d, 5wd, 2d12h, 30m or PT4H",
        "-3h         | '-3h' is not a duration: write e.g. 4h, 90d, 5wd, 2d12h, 30m or PT4H",
        "-PT3H       | '-PT3H' must not be negative",
        "PT4X        | 'PT4X' is not a duration: write e.g. 4h, 90d, 5wd, 2d12h, 30m or PT4H",
        "0.01h       | '0.01h' is not a whole number of minutes",
        "PT10S       | 'PT10S' is not a whole number of minutes",
    })
    void refused(String text, String message) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, () -> Span.parse(text)).getMessage());
    }

    @Test
    @DisplayName("a fixed length for hours and days; working days have none")
    void fixed_length() {
        assertEquals(Duration.ofHours(60), Span.parse("2d12h").toDuration());
        assertEquals(Duration.ofDays(3), Span.parse("3d").toDuration());
        assertEquals("'5wd' counts working days, which depend on a node's calendar: write hours or days (12h, 3d)",
            assertThrows(IllegalArgumentException.class, () -> Span.parse("5wd").toDuration()).getMessage());
    }

    @Test
    @DisplayName("elapsed time written back in the notation: whole hours as hours, else minutes")
    void elapsed_time_written_back() {
        assertEquals("48h", Span.of(Duration.ofHours(48)).toString());
        assertEquals("90m", Span.of(Duration.ofMinutes(90)).toString());
        assertThrows(IllegalArgumentException.class, () -> Span.of(Duration.ofSeconds(30)));
    }

    @Test
    void lasts_at_least() {
        assertTrue(Span.parse("60d").lastsAtLeastDays(60));
        assertTrue(Span.parse("60wd").lastsAtLeastDays(60));
        assertTrue(Span.parse("1440h").lastsAtLeastDays(60));
        assertFalse(Span.parse("1439h").lastsAtLeastDays(60));
        assertFalse(Span.parse("59d").lastsAtLeastDays(60));
    }
}
