package org.rogatory.authorities.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rogatory.contracts.CaseStatus;
import org.rogatory.contracts.RequestType;
import org.rogatory.platform.calendar.WorkingCalendar;
import org.rogatory.timer.domain.CaseChange;

/**
 * UN Convention against Cybercrime art. 42: expedited preservation lasts at least 60 days and may
 * be renewed, so that the requesting state can submit its formal request. The requesting state
 * asks the renewal lead before the period ends; the node renews (EXECUTED again, the renewal
 * reason code the case timer starts a fresh period on) as many times as its law allows.
 */
class Cybercrime42PreservationRenewalTest {

    private static final long HOUR = 3_600_000L;
    private static final long MONDAY = Instant.parse("2026-01-05T00:00:00Z").toEpochMilli();

    /** A 24/7 point executing every preservation after one hour; period 90 days, asked 7 days before its end. */
    private static List<NodeAction> preservation(int renewals, long untilHours) {
        Procedure procedure = new Procedure(0, 0.9, 240, 0, 720, renewals, 168, 90 * 24);
        NodeBehaviour executes = new NodeBehaviour(Map.of(), new ServiceTimeDistribution.Fixed(1), 0, 0, 0, 0, Map.of(), 0,
                0, 0, 1, procedure);
        Authority node = new Authority("KES-POC-247", 1, WorkingCalendar.roundTheClock(ZoneOffset.UTC), Set.of("en"), false,
                executes, 7, MONDAY);
        node.receive(new Arrival("P-1", RequestType.PRESERVATION, "en", MONDAY));
        return node.advanceTo(MONDAY + untilHours * HOUR).stream().filter(NodeAction::movesCase).toList();
    }

    @Test
    @DisplayName("renewed when the requesting state asks, a week before each period ends, as often as allowed")
    void renewed() {
        List<NodeAction> renewals = preservation(2, 400 * 24).stream()
                .filter(a -> a.reasonCodes().contains(CaseChange.PRESERVATION_RENEWAL)).toList();
        long executed = MONDAY + HOUR;
        assertThat(renewals).extracting(NodeAction::status).containsOnly(CaseStatus.EXECUTED);
        assertThat(renewals).extracting(NodeAction::at).containsExactly(
                executed + 83 * 24 * HOUR, executed + 2 * 83 * 24 * HOUR);
        assertThat(renewals.getFirst().reasonCodes()).contains(Procedure.RENEWAL_ASKED);
    }

    @Test
    @DisplayName("no renewal where the node's law allows none: the preservation lapses at the timer")
    void notRenewed() {
        assertThat(preservation(0, 400 * 24)).extracting(NodeAction::status).containsExactly(CaseStatus.DELIVERED,
                CaseStatus.ACKNOWLEDGED, CaseStatus.UNDER_REVIEW, CaseStatus.EXECUTED);
    }
}
