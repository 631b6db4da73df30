package org.rogatory.authorities.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rogatory.contracts.CaseStatus;
import org.rogatory.contracts.RefusalGround;
import org.rogatory.contracts.RequestType;
import org.rogatory.platform.calendar.WorkingCalendar;

class AuthorityTest {
    private static final long HOUR = 3_600_000L;
    private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");
    /** Monday 5 January 2026, 00:00 UTC. */
    private static final long MONDAY = Instant.parse("2026-01-05T00:00:00Z").toEpochMilli();

    @ParameterizedTest(name = "office hours 09-17 in Asia/Kolkata: arrival {0} local → acknowledged {1}, executed {2}")
    @CsvSource({
            // Friday afternoon: one hour on Friday, one on Monday morning
            "2026-01-09T16:00, 2026-01-09T16:00, 2026-01-12T10:00",
            // Saturday: nothing moves until Monday 09:00
            "2026-01-10T11:00, 2026-01-12T09:00, 2026-01-12T11:00",
            // Wednesday night
            "2026-01-07T22:30, 2026-01-08T09:00, 2026-01-08T11:00",
    })
    void work_stops_outside_office_hours_in_the_nodes_zone(String arrival, String acknowledged, String executed) {
        Authority node = new Authority("ALD-CA-MLA", 1,
                WorkingCalendar.officeHours(KOLKATA, 9, 17, Set.of()), Set.of("en"), false, fixed(2), 1, MONDAY);
        node.receive(new Arrival("C-1", RequestType.MLA, "en", local(arrival)));
        List<NodeAction> actions = node.advanceTo(local("2026-01-20T00:00"));
        assertEquals(local(acknowledged), at(actions, "C-1", CaseStatus.ACKNOWLEDGED));
        assertEquals(local(executed), at(actions, "C-1", CaseStatus.EXECUTED));
    }

    @Test
    @DisplayName("a public holiday is not a working day")
    void holiday_is_skipped() {
        Authority node = new Authority("ALD-CA-MLA", 1,
                WorkingCalendar.officeHours(KOLKATA, 9, 17, Set.of(LocalDate.parse("2026-01-12"))),
                Set.of("en"), false, fixed(2), 1, MONDAY);
        node.receive(new Arrival("C-1", RequestType.MLA, "en", local("2026-01-09T16:00")));
        assertEquals(local("2026-01-13T10:00"), at(node.advanceTo(local("2026-01-20T00:00")), "C-1", CaseStatus.EXECUTED));
    }

    @Test
    @DisplayName("a round-the-clock node (24/7 point, NCB) works through the weekend")
    void round_the_clock_node_works_at_night() {
        Authority node = twentyFourSeven(1, fixed(2));
        long saturdayNight = MONDAY + 5 * 24 * HOUR + 23 * HOUR;
        node.receive(new Arrival("C-1", RequestType.PRESERVATION, "en", saturdayNight));
        assertEquals(saturdayNight + 2 * HOUR, at(node.advanceTo(saturdayNight + 10 * HOUR), "C-1", CaseStatus.EXECUTED));
    }

    @Test
    @DisplayName("an escalated case overtakes those that arrived before it (docs/domain.md#queue-discipline)")
    void escalation_raises_priority() {
        Authority node = twentyFourSeven(1, fixed(1));
        node.receive(new Arrival("C-A", RequestType.MLA, "en", MONDAY));
        node.receive(new Arrival("C-B", RequestType.MLA, "en", MONDAY + 60_000));
        node.receive(new Arrival("C-C", RequestType.MLA, "en", MONDAY + 120_000));
        node.escalate("C-C", MONDAY + 30 * 60_000, 2);
        List<NodeAction> actions = node.advanceTo(MONDAY + 10 * HOUR);
        assertEquals(List.of("C-A", "C-C", "C-B"), order(actions, CaseStatus.EXECUTED));
    }

    @Test
    @DisplayName("without escalation the queue is first come, first served")
    void first_come_first_served() {
        Authority node = twentyFourSeven(1, fixed(1));
        node.receive(new Arrival("C-C", RequestType.MLA, "en", MONDAY));
        node.receive(new Arrival("C-B", RequestType.MLA, "en", MONDAY + 60_000));
        node.receive(new Arrival("C-A", RequestType.MLA, "en", MONDAY + 120_000));
        assertEquals(List.of("C-C", "C-B", "C-A"), order(node.advanceTo(MONDAY + 10 * HOUR), CaseStatus.EXECUTED));
    }

    @Test
    @DisplayName("outage: arrivals wait and are delivered when the node is back; work under way is paused")
    void outage_delays_delivery_and_work() {
        Authority node = twentyFourSeven(1, fixed(2));
        node.receive(new Arrival("C-1", RequestType.PRESERVATION, "en", MONDAY));
        node.outage(MONDAY + HOUR, MONDAY + 49 * HOUR);
        node.receive(new Arrival("C-2", RequestType.PRESERVATION, "en", MONDAY + 2 * HOUR));
        List<NodeAction> actions = node.advanceTo(MONDAY + 100 * HOUR);
        assertEquals(MONDAY + 50 * HOUR, at(actions, "C-1", CaseStatus.EXECUTED), "1 h done before, 1 h after the outage");
        assertEquals(MONDAY + 49 * HOUR, at(actions, "C-2", CaseStatus.DELIVERED));
        assertEquals(MONDAY + 52 * HOUR, at(actions, "C-2", CaseStatus.EXECUTED));
        NodeStatistics stats = node.statistics();
        assertEquals(48.0 / 2, stats.meanWaitHours(), 1e-9, "C-2 waited from its arrival (47 h) plus 1 h behind C-1");
        assertEquals(4.0 / (100 - 48), stats.utilisation(), 1e-9, "down time is not capacity");
    }

    @Test
    @DisplayName("staff cut: fewer officers start work for the period, then the full team is back")
    void staff_cut_slows_the_node() {
        Authority node = twentyFourSeven(2, fixed(1));
        node.staffCut(MONDAY, MONDAY + 10 * HOUR, 1);
        for (String id : List.of("C-1", "C-2", "C-3")) {
            node.receive(new Arrival(id, RequestType.MLA, "en", MONDAY));
        }
        node.receive(new Arrival("C-4", RequestType.MLA, "en", MONDAY + 20 * HOUR));
        node.receive(new Arrival("C-5", RequestType.MLA, "en", MONDAY + 20 * HOUR));
        List<NodeAction> actions = node.advanceTo(MONDAY + 30 * HOUR);
        assertEquals(List.of(1L, 2L, 3L, 21L, 21L), List.of("C-1", "C-2", "C-3", "C-4", "C-5").stream()
                .map(id -> (at(actions, id, CaseStatus.EXECUTED) - MONDAY) / HOUR).toList());
    }

    @Test
    @DisplayName("language not accepted: translation delays review (UNTOC art. 18(14), rule 6)")
    void translation_delay() {
        NodeBehaviour behaviour = new NodeBehaviour(Map.of(), new ServiceTimeDistribution.Fixed(1),
                0, 0, 0, 0, Map.of(), 72, 0, 0, 1);
        Authority node = new Authority("BRV-CA-MLA", 1, WorkingCalendar.roundTheClock(ZoneOffset.UTC), Set.of("fr"), false,
                behaviour, 1, MONDAY);
        node.receive(new Arrival("C-EN", RequestType.MLA, "en", MONDAY));
        node.receive(new Arrival("C-FR", RequestType.MLA, "fr", MONDAY));
        List<NodeAction> actions = node.advanceTo(MONDAY + 100 * HOUR);
        assertEquals(MONDAY, at(actions, "C-EN", CaseStatus.TRANSLATING));
        assertEquals(MONDAY + 72 * HOUR, at(actions, "C-EN", CaseStatus.UNDER_REVIEW));
        assertEquals(MONDAY + HOUR, at(actions, "C-FR", CaseStatus.EXECUTED));
        assertTrue(actions.stream().noneMatch(a -> a.caseId().equals("C-FR") && a.status() == CaseStatus.TRANSLATING));
    }

    @Test
    @DisplayName("a node that refuses untranslated requests consults, then refuses on UNTRANSLATED (UNTOC art. 18(26))")
    void refuses_untranslated_after_consultation() {
        NodeBehaviour behaviour = new NodeBehaviour(Map.of(), new ServiceTimeDistribution.Fixed(1),
                0, 0, 0, 0, Map.of(), 72, 24, 0, 1);
        Authority node = new Authority("BRV-CA-MLA", 1, WorkingCalendar.roundTheClock(ZoneOffset.UTC), Set.of("fr"), true,
                behaviour, 1, MONDAY);
        node.receive(new Arrival("C-EN", RequestType.MLA, "en", MONDAY));
        List<NodeAction> actions = node.advanceTo(MONDAY + 100 * HOUR);
        assertEquals(List.of(CaseStatus.DELIVERED, CaseStatus.ACKNOWLEDGED, CaseStatus.UNDER_REVIEW,
                CaseStatus.CONSULTATION, CaseStatus.REFUSED), actions.stream().filter(NodeAction::movesCase).map(NodeAction::status).toList());
        assertEquals(MONDAY + 25 * HOUR, at(actions, "C-EN", CaseStatus.REFUSED));
        assertEquals(RefusalGround.UNTRANSLATED, actions.getLast().refusalGround());
    }

    @Test
    @DisplayName("outcome shares follow the node behaviour; every MLA refusal follows a consultation (UNTOC art. 18(21), 18(26))")
    void outcomes_follow_behaviour_probabilities() {
        Map<RefusalGround, Double> grounds = new EnumMap<>(RefusalGround.class);
        grounds.put(RefusalGround.NOT_IN_CONFORMITY, 3.0);
        grounds.put(RefusalGround.DOUBLE_JEOPARDY, 1.0);
        NodeBehaviour behaviour = new NodeBehaviour(Map.of(), new ServiceTimeDistribution.Exponential(0.5),
                0.2, 0.1, 0.1, 0.2, grounds, 0, 48, 120, 1);
        Authority node = new Authority("ALD-CA-MLA", 50, WorkingCalendar.roundTheClock(ZoneOffset.UTC), Set.of("en"), false,
                behaviour, 42, MONDAY);
        int n = 5000;
        for (int i = 0; i < n; i++) {
            node.receive(new Arrival("C-%05d".formatted(i), RequestType.MLA, "en", MONDAY + i * 60_000L));
        }
        List<NodeAction> actions = node.advanceTo(MONDAY + 5000 * HOUR);
        Map<CaseStatus, Long> finals = actions.stream()
                .filter(a -> Set.of(CaseStatus.EXECUTED, CaseStatus.PARTIALLY_EXECUTED, CaseStatus.REFUSED).contains(a.status()))
                .collect(Collectors.groupingBy(NodeAction::status, Collectors.counting()));
        assertEquals(n, finals.values().stream().mapToLong(Long::longValue).sum(), "every case is decided once");
        assertEquals(n, node.statistics().decided());
        // Each round: 0.2 more info (then another round). Final shares: refuse 0.1/0.8, partial (0.2 + 0.1·0.2)/0.8
        assertShare(0.125, finals.get(CaseStatus.REFUSED), n);
        assertShare(0.275, finals.get(CaseStatus.PARTIALLY_EXECUTED), n);
        // Requests for more information per case: geometric, mean 0.2/0.8 = 0.25, variance 0.2/0.8² = 0.3125
        double moreInfoPerCase = (double) actions.stream().filter(a -> a.status() == CaseStatus.MORE_INFO_REQUESTED).count() / n;
        assertEquals(0.25, moreInfoPerCase, 4 * Math.sqrt(0.3125 / n));

        Map<String, Long> consultedAt = new HashMap<>();
        for (NodeAction a : actions) {
            if (a.status() == CaseStatus.CONSULTATION) {
                consultedAt.put(a.caseId(), a.at());
            }
            if (a.status() == CaseStatus.REFUSED) {
                assertTrue(consultedAt.containsKey(a.caseId()), "refused without consultation: " + a.caseId());
                assertEquals(consultedAt.get(a.caseId()) + 48 * HOUR, a.at());
            }
        }
        Map<RefusalGround, Long> byGround = actions.stream().filter(a -> a.status() == CaseStatus.REFUSED)
                .collect(Collectors.groupingBy(NodeAction::refusalGround, Collectors.counting()));
        assertEquals(Set.of(RefusalGround.NOT_IN_CONFORMITY, RefusalGround.DOUBLE_JEOPARDY), byGround.keySet());
        assertShare(0.75, byGround.get(RefusalGround.NOT_IN_CONFORMITY), finals.get(CaseStatus.REFUSED));
    }

    @Test
    @DisplayName("inputs behind the node's simulated time are refused: the caller must buffer until the watermark")
    void input_in_the_past_is_rejected() {
        Authority node = twentyFourSeven(1, fixed(1));
        node.advanceTo(MONDAY + 10 * HOUR);
        assertThrows(IllegalArgumentException.class,
                () -> node.receive(new Arrival("C-1", RequestType.MLA, "en", MONDAY + HOUR)));
    }

    @Test
    @DisplayName("a case already at the node is not received twice")
    void duplicate_case_is_ignored() {
        Authority node = twentyFourSeven(1, fixed(1));
        assertTrue(node.receive(new Arrival("C-1", RequestType.MLA, "en", MONDAY)));
        assertFalse(node.receive(new Arrival("C-1", RequestType.MLA, "en", MONDAY + 1)));
        assertEquals(1, node.advanceTo(MONDAY + 10 * HOUR).stream().filter(a -> a.status() == CaseStatus.EXECUTED).count());
    }

    private static void assertShare(double expected, long count, long n) {
        double p = (double) count / n;
        double sigma = Math.sqrt(expected * (1 - expected) / n);
        assertTrue(Math.abs(p - expected) < 4 * sigma, "share " + p + " vs expected " + expected + " (4σ = " + 4 * sigma + ")");
    }

    private static Authority twentyFourSeven(int officers, NodeBehaviour behaviour) {
        return new Authority("ALD-POC-247", officers, WorkingCalendar.roundTheClock(ZoneOffset.UTC), Set.of("en"), false, behaviour, 1, MONDAY);
    }

    private static NodeBehaviour fixed(double hours) {
        return NodeBehaviour.serviceOnly(new ServiceTimeDistribution.Fixed(hours));
    }

    private static long local(String localDateTime) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), KOLKATA).toInstant().toEpochMilli();
    }

    private static long at(List<NodeAction> actions, String caseId, CaseStatus status) {
        return actions.stream().filter(a -> a.caseId().equals(caseId) && a.status() == status)
                .mapToLong(NodeAction::at).findFirst()
                .orElseThrow(() -> new AssertionError(caseId + " never reached " + status + ": " + actions));
    }

    private static List<String> order(List<NodeAction> actions, CaseStatus status) {
        return actions.stream().filter(a -> a.status() == status).map(NodeAction::caseId).toList();
    }
}
