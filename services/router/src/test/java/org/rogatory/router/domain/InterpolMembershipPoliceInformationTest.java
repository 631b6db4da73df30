package org.rogatory.router.domain;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rogatory.contracts.Channel;
import org.rogatory.contracts.Instrument;
import org.rogatory.contracts.RequestType;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rogatory.router.domain.Fixtures.decide;
import static org.rogatory.router.domain.Fixtures.request;

/**
 * Police-to-police information over I-24/7 rests on both states' INTERPOL membership (each has an
 * NCB), not on a treaty between them (docs/rules.md, rule 1).
 */
@DisplayName("INTERPOL membership - police information between two NCBs needs no treaty")
class InterpolMembershipPoliceInformationTest {

    @Test
    @DisplayName("Fenmark (Cybercrime Convention only) to Halvessa (UNTOC only, refuses without a basis): NCB to NCB")
    void fenmarkToHalvessa() {
        RoutingDecision.Routed routed = assertInstanceOf(RoutingDecision.Routed.class,
            decide(request(RequestType.POLICE_INFORMATION, Instrument.UNTOC, "FEN", "HAL").build()).decision());
        assertEquals(List.of(Channel.I247, "FEN-NCB", "HAL-NCB"), List.of(routed.channel(), routed.fromNode(), routed.toNode()));
        assertTrue(routed.reasonCodes().contains("INTERPOL:MEMBERS-BOTH-NCBS"), routed.reasonCodes()::toString);
    }

    @Test
    @DisplayName("Jasmuri has no NCB: police information to it needs another basis, and has none (diplomatic)")
    void noBureau() {
        RoutingDecision.Routed routed = assertInstanceOf(RoutingDecision.Routed.class,
            decide(request(RequestType.POLICE_INFORMATION, Instrument.UNTOC, "ALD", "JAS").build()).decision());
        assertEquals(Channel.DIPLOMATIC, routed.channel());
        assertTrue(routed.reasonCodes().contains("RULE-1:NO-LEGAL-BASIS:DIPLOMATIC"), routed.reasonCodes()::toString);
    }
}
