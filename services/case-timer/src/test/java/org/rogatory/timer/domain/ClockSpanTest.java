package org.rogatory.timer.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rogatory.platform.calendar.WorkingCalendar;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Clock lengths in hours, calendar days and working days of the node that must act (docs/rules.md, "Clocks"). */
class ClockSpanTest {

    private static final WorkingCalendar UTC_OFFICE = WorkingCalendar.officeHours(ZoneOffset.UTC, 9, 17, Set.of());

    @ParameterizedTest(name = "{0} after 2027-01-08T15:00Z on a UTC office = {1}")
    @CsvSource({"4h, 2027-01-08T19:00:00Z", "10d, 2027-01-18T15:00:00Z", "2wd, 2027-01-12T15:00:00Z"})
    void clockSpans(String span, Instant expected) {
        assertThat(ClockSpan.parse(span).after(Instant.parse("2027-01-08T15:00:00Z"), UTC_OFFICE)).isEqualTo(expected);
        assertThat(ClockSpan.parse(span).toString()).isEqualTo(span);
    }

    @Test
    void unreadableSpanIsRefused() {
        assertThatThrownBy(() -> ClockSpan.parse("ninety days")).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("ninety days");
        assertThatThrownBy(() -> ClockSpan.parse("0d")).isInstanceOf(IllegalArgumentException.class);
    }
}
