package org.rogatory.simulator.exercise;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rogatory.contracts.CaseStatus;
import org.rogatory.contracts.CaseView;
import org.rogatory.contracts.ClockKind;
import org.rogatory.contracts.ClockState;
import org.rogatory.contracts.CrimeArea;
import org.rogatory.contracts.RequestType;

class ConditionTest {

    static final Instant START = Instant.parse("2026-01-05T00:00:00Z");
    private static final Condition ACK_AT_75 = new Condition(null, ClockKind.CA_ACKNOWLEDGEMENT, 0.75, null, null, "KES", null);

    @Test
    @DisplayName("a clock at 75 % of its span with no acknowledgement holds from that instant on, not before")
    void clockAt75PercentUnmet() {
        // started day 0, deadline day 8: three quarters reached on day 6
        List<CaseView> cases = List.of(withClock("s/a/0001", "KES", null));
        assertFalse(ACK_AT_75.heldAsOf(cases, "s", millis(day(6))), "reached at day 6: not yet before it");
        assertTrue(ACK_AT_75.heldAsOf(cases, "s", millis(day(6).plusMillis(1))));
        assertTrue(ACK_AT_75.heldAsOf(cases, "s", millis(day(20))), "still held after the deadline");
    }

    @Test
    @DisplayName("an acknowledgement before the 75 % mark means the condition never holds; one after it does not undo it")
    void acknowledgementBeforeOrAfterTheMark() {
        assertFalse(ACK_AT_75.heldAsOf(List.of(withClock("s/a/0001", "KES", day(5))), "s", millis(day(10))));
        assertTrue(ACK_AT_75.heldAsOf(List.of(withClock("s/a/0001", "KES", day(7))), "s", millis(day(10))),
                "acknowledged on day 7, after the mark of day 6");
    }

    @Test
    @DisplayName("the filters: another requested state, another clock or another stream does not count")
    void filters() {
        assertFalse(ACK_AT_75.heldAsOf(List.of(withClock("s/a/0001", "ALD", null)), "s", millis(day(10))));
        Condition poc = new Condition(null, ClockKind.POC_ACKNOWLEDGEMENT, 0.75, null, null, null, null);
        assertFalse(poc.heldAsOf(List.of(withClock("s/a/0001", "KES", null)), "s", millis(day(10))));
        Condition streamB = new Condition(CaseStatus.REFUSED, null, null, "b", null, null, RequestType.MLA);
        assertFalse(streamB.heldAsOf(List.of(refusedOn("s/a/0001", day(1))), "s", millis(day(10))));
        assertTrue(streamB.heldAsOf(List.of(refusedOn("s/b/0001", day(1))), "s", millis(day(10))));
        assertTrue(streamB.heldAsOf(List.of(refusedOn("s/b/0001-MLA", day(1))), "s", millis(day(10))),
                "a case the router opened from the stream's case belongs to the stream");
    }

    @Test
    @DisplayName("a status holds only once reached before the instant: facts stamped at or after it are not read")
    void statusAsOf() {
        Condition refused = new Condition(CaseStatus.REFUSED, null, null, null, null, null, null);
        List<CaseView> cases = List.of(refusedOn("s/a/0001", day(4)));
        assertFalse(refused.heldAsOf(cases, "s", millis(day(4))));
        assertTrue(refused.heldAsOf(cases, "s", millis(day(4).plusMillis(1))));
    }

    static CaseView withClock(String caseId, String requested, Instant metAt) {
        return view(caseId, requested, CaseStatus.DELIVERED, Map.of("ROUTED", START))
                .setClocks(List.of(ClockState.newBuilder().setClock(ClockKind.CA_ACKNOWLEDGEMENT).setStartedAt(START)
                        .setDeadline(day(8)).setMetAt(metAt).build()))
                .build();
    }

    static CaseView refusedOn(String caseId, Instant at) {
        return view(caseId, "KES", CaseStatus.REFUSED, Map.of("ROUTED", START, "REFUSED", at)).build();
    }

    private static CaseView.Builder view(String caseId, String requested, CaseStatus status, Map<String, Instant> times) {
        return CaseView.newBuilder().setCaseId(caseId).setStatus(status).setRequestType(RequestType.MLA)
                .setRequestingState("ALD").setRequestedState(requested).setCrimeArea(CrimeArea.CYBERCRIME)
                .setStatusTimes(times).setUpdatedAt(START);
    }

    static Instant day(int days) {
        return START.plus(Duration.ofDays(days));
    }

    static long millis(Instant at) {
        return at.toEpochMilli();
    }
}
