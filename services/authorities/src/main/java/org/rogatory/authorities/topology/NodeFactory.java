package org.rogatory.authorities.topology;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Set;

import org.rogatory.authorities.domain.Authority;
import org.rogatory.authorities.domain.WorkingCalendar;
import org.rogatory.authorities.domain.NodeBehaviourTable;
import org.rogatory.contracts.DirectoryEntry;
import org.rogatory.contracts.OfficeHours;

/** Builds a node model from its directory entry (staff, hours, zone, languages) and the scenario's behaviour. */
final class NodeFactory {
    private final NodeBehaviourTable behaviours;
    private final double translationHours;
    private final long seed;

    NodeFactory(NodeBehaviourTable behaviours, double translationHours, long seed) {
        this.behaviours = behaviours;
        this.translationHours = translationHours;
        this.seed = seed;
    }

    Authority create(DirectoryEntry entry, long start) {
        NodeBehaviourTable.ResolvedNode resolved = behaviours.resolve(entry.getNodeId(), entry.getState(), entry.getRole(),
                translationHours);
        OfficeHours hours = entry.getHours();
        WorkingCalendar calendar;
        if (hours.getRoundTheClock()) {
            calendar = WorkingCalendar.roundTheClock();
        } else {
            Set<LocalDate> holidays = new HashSet<>();
            entry.getHolidays().forEach(day -> holidays.add(LocalDate.parse(day)));
            calendar = WorkingCalendar.officeHours(ZoneId.of(entry.getTimeZone()), hours.getOpenHour(), hours.getCloseHour(),
                    holidays);
        }
        int officers = resolved.officers().orElse(entry.getOfficers());
        return new Authority(entry.getNodeId(), officers, calendar, Set.copyOf(entry.getLanguages()),
                entry.getRefusesUntranslated(), resolved.behaviour(), seed, start);
    }
}
