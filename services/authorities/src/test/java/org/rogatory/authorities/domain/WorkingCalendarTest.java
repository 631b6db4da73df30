package org.rogatory.authorities.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkingCalendarTest {
    private static final long HOUR = 3_600_000L;
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private final WorkingCalendar office = WorkingCalendar.officeHours(PARIS, 9, 17, Set.of());

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

    private static long local(String t) {
        return LocalDateTime.parse(t).atZone(PARIS).toInstant().toEpochMilli();
    }
}
