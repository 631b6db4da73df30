package org.rogatory.platform.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rogatory.contracts.DirectoryEntry;
import org.rogatory.contracts.NodeRole;
import org.rogatory.contracts.OfficeHours;

/**
 * Open time of the simulated nodes (office hours, weekends, daylight saving) and working days of
 * the case timer's deadlines, in the node's own zone (docs/rules.md, "Clocks").
 */
class WorkingCalendarTest {
    private static final long HOUR = 3_600_000L;
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private final WorkingCalendar office = WorkingCalendar.officeHours(PARIS, 9, 17, Set.of());
    private static final WorkingCalendar UTC_OFFICE = WorkingCalendar.officeHours(ZoneOffset.UTC, 9, 17, Set.of());

    @ParameterizedTest(name = "open hours in [{0}, {1}) local = {2}")
    @CsvSource({
            "2026-01-05T08:00, 2026-01-05T10:00, 1",   // Monday, opens at 09:00
            "2026-01-09T16:00, 2026-01-12T10:00, 2",   // over a weekend
            "2026-01-10T00:00, 2026-01-11T23:59, 0",   // the weekend itself
            "2026-01-05T09:00, 2026-01-10T00:00, 40",  // a working week
    })
    void open_time_between(String from, String to, long hours) {
        assertEquals(hours * HOUR, office.openMillisBetween(local(from), local(to)));
    }

    @Test
    @DisplayName("09:00 stays 09:00 local across the daylight-saving change")
    void daylight_saving() {
        // Europe/Paris moves to summer time on Sunday 29 March 2026
        assertEquals(local("2026-03-30T09:00"), office.nextOpening(local("2026-03-28T12:00")));
        assertEquals(local("2026-03-30T11:00"), office.addOpenMillis(local("2026-03-27T16:00"), 3 * HOUR));
        assertTrue(office.isOpen(local("2026-03-30T09:00")));
        assertFalse(office.isOpen(local("2026-03-30T08:59")));
    }

    @Test
    @DisplayName("adding open time and measuring it back agree")
    void add_and_measure_are_inverse() {
        long from = local("2026-01-07T15:30");
        for (long work = 0; work < 60 * HOUR; work += 37 * 60_000) {
            assertEquals(work, office.openMillisBetween(from, office.addOpenMillis(from, work)));
        }
    }

    @Test
    void rejects_inverted_hours() {
        assertThrows(IllegalArgumentException.class, () -> WorkingCalendar.officeHours(PARIS, 17, 9, Set.of()));
    }

    @ParameterizedTest(name = "{3}")
    @CsvSource(delimiter = '|', value = {
        "2027-01-04T09:00:00Z | 5 | 2027-01-11T09:00:00Z | Monday + 5 working days = next Monday",
        "2027-01-08T15:00:00Z | 5 | 2027-01-15T15:00:00Z | Friday + 5 working days = next Friday",
        "2027-01-08T15:00:00Z | 1 | 2027-01-11T15:00:00Z | Friday + 1 working day skips the weekend",
        "2027-01-09T10:00:00Z | 1 | 2027-01-11T10:00:00Z | received on Saturday: counting starts on Monday",
        "2027-01-10T10:00:00Z | 5 | 2027-01-15T10:00:00Z | received on Sunday + 5 = Friday",
    })
    void working_days_skip_weekends(Instant start, long days, Instant expected, String name) {
        assertEquals(expected, UTC_OFFICE.plusWorkingDays(start, days));
    }

    @Test
    @DisplayName("a deadline falling on a public holiday moves on to the next working day")
    void deadline_on_holiday_moves_on() {
        WorkingCalendar withHoliday = WorkingCalendar.officeHours(ZoneOffset.UTC, 9, 17, Set.of(LocalDate.parse("2027-01-11")));
        // Monday + 5 would be Monday 11 January, a holiday: Tuesday 12.
        assertEquals(Instant.parse("2027-01-12T09:00:00Z"), withHoliday.plusWorkingDays(Instant.parse("2027-01-04T09:00:00Z"), 5));
        // Wednesday + 3 would be Monday 11 too.
        assertEquals(Instant.parse("2027-01-12T09:00:00Z"), withHoliday.plusWorkingDays(Instant.parse("2027-01-06T09:00:00Z"), 3));
    }

    @Test
    @DisplayName("a holiday inside the period lengthens it by one day")
    void holiday_inside_period() {
        WorkingCalendar withHoliday = WorkingCalendar.officeHours(ZoneOffset.UTC, 9, 17, Set.of(LocalDate.parse("2027-01-06")));
        assertEquals(Instant.parse("2027-01-12T09:00:00Z"), withHoliday.plusWorkingDays(Instant.parse("2027-01-04T09:00:00Z"), 5));
        assertFalse(withHoliday.isWorkingDay(LocalDate.parse("2027-01-06")));
        assertTrue(withHoliday.isWorkingDay(LocalDate.parse("2027-01-07")));
    }

    @Test
    @DisplayName("days are counted in the node's own time zone")
    void own_time_zone() {
        // Friday 23:30 UTC is already Saturday 08:30 in UTC+09:00: counting starts on the Monday after.
        Instant fridayNight = Instant.parse("2027-01-08T23:30:00Z");
        WorkingCalendar east = WorkingCalendar.officeHours(ZoneId.of("UTC+09:00"), 9, 17, Set.of());
        assertEquals(Instant.parse("2027-01-10T23:30:00Z"), east.plusWorkingDays(fridayNight, 1));
        assertEquals(Instant.parse("2027-01-11T23:30:00Z"), UTC_OFFICE.plusWorkingDays(fridayNight, 1));
    }

    @Test
    @DisplayName("a holiday is a local date: the same instant may be a holiday in one zone only")
    void holiday_is_a_local_date() {
        WorkingCalendar east = WorkingCalendar.officeHours(ZoneId.of("UTC+09:00"), 9, 17, Set.of(LocalDate.parse("2027-01-11")));
        // Thursday 7 Jan 20:00 UTC = Friday 8 Jan 05:00 local; +1 working day: Monday 11 is a holiday -> Tuesday 12 local.
        assertEquals(Instant.parse("2027-01-11T20:00:00Z"), east.plusWorkingDays(Instant.parse("2027-01-07T20:00:00Z"), 1));
    }

    @Test
    @DisplayName("a holiday closes the office for its whole local day")
    void holiday_closes_the_office() {
        WorkingCalendar withHoliday = WorkingCalendar.officeHours(PARIS, 9, 17, Set.of(LocalDate.parse("2026-01-07")));
        assertFalse(withHoliday.isOpen(local("2026-01-07T10:00")));
        assertEquals(local("2026-01-08T09:00"), withHoliday.nextOpening(local("2026-01-06T18:00")));
        assertEquals(16 * HOUR, withHoliday.openMillisBetween(local("2026-01-06T00:00"), local("2026-01-09T00:00")));
    }

    @Test
    @DisplayName("working days keep the local time of day across a daylight-saving change")
    void working_days_across_daylight_saving() {
        WorkingCalendar berlin = WorkingCalendar.officeHours(ZoneId.of("Europe/Berlin"), 9, 17, Set.of());
        // Friday 26 March 2027 10:00 CET (09:00Z); clocks go forward on Sunday 28: Monday 10:00 CEST is 08:00Z.
        assertEquals(Instant.parse("2027-03-29T08:00:00Z"), berlin.plusWorkingDays(Instant.parse("2027-03-26T09:00:00Z"), 1));
    }

    @Test
    @DisplayName("round the clock: always open, every day a working day, 5 days are 120 h, weekend or not")
    void round_the_clock() {
        WorkingCalendar poc = WorkingCalendar.roundTheClock(ZoneId.of("Europe/Berlin"));
        assertTrue(poc.isRoundTheClock());
        assertEquals(Instant.parse("2027-03-31T09:00:00Z"), poc.plusWorkingDays(Instant.parse("2027-03-26T09:00:00Z"), 5));
        assertTrue(poc.isWorkingDay(LocalDate.parse("2027-03-27")));
        assertTrue(poc.isOpen(local("2026-01-10T03:00")));
        assertEquals(50 * HOUR, poc.openMillisBetween(local("2026-01-10T00:00"), local("2026-01-12T02:00")));
    }

    /** A state resting on Friday and Saturday (many Arab states), office hours 08-15 in UTC+04:00. */
    private static final ZoneId GULF = ZoneId.of("UTC+04:00");
    private static final WorkingCalendar FRIDAY_SATURDAY = WorkingCalendar.officeHours(GULF, 8, 15,
        new Weekend(Set.of(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY)), Set.of());

    @Test
    @DisplayName("Friday-Saturday weekend: a request received on Thursday evening is worked on Sunday morning")
    void friday_saturday_weekend_opens_on_sunday() {
        // Thursday 7 January 2027, 18:00 local (14:00Z): the office closed at 15:00.
        long thursdayEvening = Instant.parse("2027-01-07T14:00:00Z").toEpochMilli();
        long sundayMorning = Instant.parse("2027-01-10T04:00:00Z").toEpochMilli(); // 08:00 local
        assertEquals(sundayMorning, FRIDAY_SATURDAY.nextOpening(thursdayEvening));
        assertFalse(FRIDAY_SATURDAY.isOpen(Instant.parse("2027-01-08T06:00:00Z").toEpochMilli()), "Friday 10:00 local");
        assertTrue(FRIDAY_SATURDAY.isOpen(Instant.parse("2027-01-10T06:00:00Z").toEpochMilli()), "Sunday 10:00 local");
        // two hours of work: Sunday 08:00-10:00, nothing on Friday or Saturday
        assertEquals(sundayMorning + 2 * HOUR, FRIDAY_SATURDAY.addOpenMillis(thursdayEvening, 2 * HOUR));
        assertEquals(0, FRIDAY_SATURDAY.openMillisBetween(thursdayEvening, sundayMorning));
    }

    @ParameterizedTest(name = "{3}")
    @CsvSource(delimiter = '|', value = {
        "2027-01-07T06:00:00Z | 1 | 2027-01-10T06:00:00Z | Thursday + 1 working day = Sunday (Friday, Saturday skipped)",
        "2027-01-07T06:00:00Z | 5 | 2027-01-14T06:00:00Z | Thursday + 5 working days = next Thursday",
        "2027-01-06T06:00:00Z | 3 | 2027-01-11T06:00:00Z | Wednesday + 3 = Monday",
        "2027-01-08T06:00:00Z | 1 | 2027-01-10T06:00:00Z | received on Friday: counting starts on Sunday",
        "2027-01-09T06:00:00Z | 5 | 2027-01-14T06:00:00Z | received on Saturday + 5 = Thursday",
    })
    void working_days_skip_friday_and_saturday(Instant start, long days, Instant expected, String name) {
        assertEquals(expected, FRIDAY_SATURDAY.plusWorkingDays(start, days));
    }

    @Test
    @DisplayName("Friday-Saturday weekend: Sunday is a working day, Friday and Saturday are not")
    void friday_saturday_working_days() {
        assertFalse(FRIDAY_SATURDAY.isWorkingDay(LocalDate.parse("2027-01-08")));
        assertFalse(FRIDAY_SATURDAY.isWorkingDay(LocalDate.parse("2027-01-09")));
        assertTrue(FRIDAY_SATURDAY.isWorkingDay(LocalDate.parse("2027-01-10")));
        assertEquals(5 * 7 * HOUR, FRIDAY_SATURDAY.openMillisBetween(
            Instant.parse("2027-01-04T00:00:00Z").toEpochMilli(), Instant.parse("2027-01-11T00:00:00Z").toEpochMilli()));
    }

    @Test
    @DisplayName("a directory entry's weekend reaches its calendar; records written without one rest Saturday-Sunday")
    void weekend_of_a_directory_entry() {
        DirectoryEntry.Builder entry = DirectoryEntry.newBuilder().setNodeId("HAL-CA-MLA").setState("HAL")
            .setRole(NodeRole.CA_MLA).setTimeZone("UTC+04:00").setHours(new OfficeHours(false, 8, 15)).setOfficers(2);
        assertEquals(Weekend.SATURDAY_SUNDAY, WorkingCalendar.of(entry.build(), this::noProblem).weekend());
        WorkingCalendar gulf = WorkingCalendar.of(entry.setWeekend(List.of(org.rogatory.contracts.DayOfWeek.FRIDAY,
            org.rogatory.contracts.DayOfWeek.SATURDAY)).build(), this::noProblem);
        assertEquals(new Weekend(Set.of(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY)), gulf.weekend());
        assertEquals(Instant.parse("2027-01-10T06:00:00Z"), gulf.plusWorkingDays(Instant.parse("2027-01-07T06:00:00Z"), 1));
    }

    @Test
    @DisplayName("a weekend from the wire that cannot be one is reported and replaced by Saturday-Sunday")
    void unreadable_weekend_from_the_wire() {
        List<String> problems = new java.util.ArrayList<>();
        DirectoryEntry entry = DirectoryEntry.newBuilder().setNodeId("X").setState("X").setRole(NodeRole.CA_MLA)
            .setTimeZone("UTC").setHours(new OfficeHours(false, 9, 17)).setOfficers(1)
            .setWeekend(List.of(org.rogatory.contracts.DayOfWeek.UNKNOWN)).build();
        assertEquals(Weekend.SATURDAY_SUNDAY, WorkingCalendar.of(entry, problems::add).weekend());
        assertEquals(2, problems.size(), problems::toString);
    }

    @Test
    @DisplayName("a weekend has one to six days, each named once")
    void weekend_bounds() {
        assertThrows(IllegalArgumentException.class, () -> new Weekend(Set.of()));
        assertThrows(IllegalArgumentException.class, () -> new Weekend(Set.of(DayOfWeek.values())));
        assertThrows(IllegalArgumentException.class, () -> Weekend.of(List.of(DayOfWeek.FRIDAY, DayOfWeek.FRIDAY)));
        assertEquals("[FRIDAY, SATURDAY]", Weekend.of(List.of(DayOfWeek.SATURDAY, DayOfWeek.FRIDAY)).toString());
    }

    private void noProblem(String problem) {
        throw new AssertionError(problem);
    }

    private static long local(String t) {
        return LocalDateTime.parse(t).atZone(PARIS).toInstant().toEpochMilli();
    }
}
