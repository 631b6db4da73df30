package org.rogatory.timer.domain;

import java.util.Optional;

import org.rogatory.platform.calendar.WorkingCalendar;

/** What the timer reads of the directory of competent nodes (coop.directory). */
public interface NodeRegister {

    /** The node's working-day calendar; an unknown node counts Monday to Friday in UTC. */
    WorkingCalendar calendarOf(String nodeId);

    /** The active liaison officer of {@code ofState} posted in {@code postedIn}, if any. */
    Optional<String> liaisonOfficer(String ofState, String postedIn);

    /** The foreign ministry node of {@code state}, if registered. */
    Optional<String> foreignMinistry(String state);
}
