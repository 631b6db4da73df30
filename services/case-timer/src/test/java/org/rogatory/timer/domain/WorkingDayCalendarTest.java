package org.rogatory.timer.domain;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Working days of office-hours nodes in their own zone; hours for round-the-clock nodes (docs/rules.md, "Clocks"). */
class WorkingDayCalendarTest {

    private static final WorkingDayCalendar UTC_OFFICE = WorkingDayCalendar.officeHours(ZoneOffset.UTC, List.of());

    @ParameterizedTest(name = "{3}")
    @CsvSource(delimiter = '|', value = {
        "2027-01-04T09:00:00Z | 5 | 2027-01-11T09:00:00Z | Monday + 5 working days = next Monday",
        "2027-01-08T15:00:00Z | 5 | 2027-01-15T15:00:00Z | Friday + 5 working days = next Friday",
        "2027-01-08T15:00:00Z | 1 | 2027-01-11T15:00:00Z | Friday + 1 working day skips the weekend",
        "2027-01-09T10:00:00Z | 1 | 2027-01-11T10:00:00Z | received on Saturday: counting starts on Monday",
        "2027-01-10T10:00:00Z | 5 | 2027-01-15T10:00:00Z | received on Sunday + 5 = Friday",
    })
    void weekends(Instant start, long days, Instant expected, String name) {
        assertThat(UTC_OFFICE.plusWorkingDays(start, days)).isEqualTo(expected);
    }

    @Test
    @DisplayName("a deadline falling on a public holiday moves on to the next working day")
    void deadlineOnHolidayMovesOn() {
        WorkingDayCalendar withHoliday = WorkingDayCalendar.officeHours(ZoneOffset.UTC, List.of(LocalDate.parse("2027-01-11")));
        // Monday + 5 would be Monday 11 January, a holiday: Tuesday 12.
        assertThat(withHoliday.plusWorkingDays(Instant.parse("2027-01-04T09:00:00Z"), 5))
            .isEqualTo(Instant.parse("2027-01-12T09:00:00Z"));
        // Wednesday + 3 would be Monday 11 too.
        assertThat(withHoliday.plusWorkingDays(Instant.parse("2027-01-06T09:00:00Z"), 3))
            .isEqualTo(Instant.parse("2027-01-12T09:00:00Z"));
    }

    @Test
    @DisplayName("a holiday inside the period lengthens it by one day")
    void holidayInsidePeriod() {
        WorkingDayCalendar withHoliday = WorkingDayCalendar.officeHours(ZoneOffset.UTC, List.of(LocalDate.parse("2027-01-06")));
        assertThat(withHoliday.plusWorkingDays(Instant.parse("2027-01-04T09:00:00Z"), 5))
            .isEqualTo(Instant.parse("2027-01-12T09:00:00Z"));
        assertThat(withHoliday.isWorkingDay(LocalDate.parse("2027-01-06"))).isFalse();
        assertThat(withHoliday.isWorkingDay(LocalDate.parse("2027-01-07"))).isTrue();
    }

    @Test
    @DisplayName("days are counted in the node's own time zone")
    void ownTimeZone() {
        // Friday 23:30 UTC is already Saturday 08:30 in UTC+09:00: counting starts on the Monday after.
        Instant fridayNight = Instant.parse("2027-01-08T23:30:00Z");
        WorkingDayCalendar east = WorkingDayCalendar.officeHours(ZoneId.of("UTC+09:00"), List.of());
        assertThat(east.plusWorkingDays(fridayNight, 1)).isEqualTo(Instant.parse("2027-01-10T23:30:00Z"));
        assertThat(UTC_OFFICE.plusWorkingDays(fridayNight, 1)).isEqualTo(Instant.parse("2027-01-11T23:30:00Z"));
    }

    @Test
    @DisplayName("a holiday is a local date: the same instant may be a holiday in one zone only")
    void holidayInLocalDate() {
        LocalDate holiday = LocalDate.parse("2027-01-11");
        WorkingDayCalendar east = WorkingDayCalendar.officeHours(ZoneId.of("UTC+09:00"), List.of(holiday));
        // Thursday 7 Jan 20:00 UTC = Friday 8 Jan 05:00 local; +1 working day: Monday 11 is a holiday -> Tuesday 12 local.
        assertThat(east.plusWorkingDays(Instant.parse("2027-01-07T20:00:00Z"), 1))
            .isEqualTo(Instant.parse("2027-01-11T20:00:00Z"));
    }

    @Test
    @DisplayName("local time of day is kept across a daylight-saving change")
    void daylightSaving() {
        WorkingDayCalendar berlin = WorkingDayCalendar.officeHours(ZoneId.of("Europe/Berlin"), List.of());
        // Friday 26 March 2027 10:00 CET (09:00Z); clocks go forward on Sunday 28: Monday 10:00 CEST is 08:00Z.
        assertThat(berlin.plusWorkingDays(Instant.parse("2027-03-26T09:00:00Z"), 1))
            .isEqualTo(Instant.parse("2027-03-29T08:00:00Z"));
    }

    @Test
    @DisplayName("round-the-clock nodes count hours: 5 days are 120 h, weekend or not")
    void roundTheClock() {
        WorkingDayCalendar poc = WorkingDayCalendar.roundTheClock(ZoneId.of("Europe/Berlin"));
        assertThat(poc.isRoundTheClock()).isTrue();
        assertThat(poc.plusWorkingDays(Instant.parse("2027-03-26T09:00:00Z"), 5))
            .isEqualTo(Instant.parse("2027-03-31T09:00:00Z"));
        assertThat(poc.isWorkingDay(LocalDate.parse("2027-03-27"))).isTrue();
    }

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
