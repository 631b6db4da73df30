package org.rogatory.simulator.report;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rogatory.contracts.CaseStatus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CaseStandingTest {

    @Test
    @DisplayName("rule 11: a case executed by its executing authority is open while the results travel back")
    void executedOnTheRoundTripIsOpen() {
        assertEquals(CaseStanding.OPEN, CaseStanding.of(CaseStatus.EXECUTED, true));
        assertEquals(CaseStanding.OPEN, CaseStanding.of(CaseStatus.PARTIALLY_EXECUTED, true));
        assertEquals(CaseStanding.OPEN, CaseStanding.of(CaseStatus.IN_EXECUTION, true));
        assertEquals(CaseStanding.OPEN, CaseStanding.of(CaseStatus.EVIDENCE_TRANSMITTED, true));
        assertFalse(CaseStanding.OPEN.closed());
    }

    @Test
    @DisplayName("rule 11: the requesting state's receipt closes a round-trip case, and it counts as executed")
    void receivedIsExecuted() {
        CaseStanding received = CaseStanding.of(CaseStatus.EVIDENCE_RECEIVED, true);
        assertEquals(CaseStanding.RECEIVED, received);
        assertTrue(received.closed());
        assertTrue(received.executed());
    }

    @Test
    @DisplayName("a case its own node executed is closed and executed; refused, lapsed and withdrawn close a case either way")
    void closedByStatus() {
        assertEquals(CaseStanding.EXECUTED, CaseStanding.of(CaseStatus.EXECUTED, false));
        assertEquals(CaseStanding.EXECUTED, CaseStanding.of(CaseStatus.PARTIALLY_EXECUTED, false));
        assertTrue(CaseStanding.EXECUTED.executed());
        for (boolean roundTrip : new boolean[] {false, true}) {
            assertEquals(CaseStanding.REFUSED, CaseStanding.of(CaseStatus.REFUSED, roundTrip));
            assertEquals(CaseStanding.LAPSED, CaseStanding.of(CaseStatus.LAPSED, roundTrip));
            assertEquals(CaseStanding.WITHDRAWN, CaseStanding.of(CaseStatus.WITHDRAWN, roundTrip));
        }
        assertFalse(CaseStanding.REFUSED.executed());
        assertEquals(CaseStanding.OPEN, CaseStanding.of(CaseStatus.UNDER_REVIEW, false));
    }
}
