package org.rogatory.router.domain;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rogatory.contracts.Hop;
import org.rogatory.contracts.Instrument;
import org.rogatory.contracts.InterpolInstrument;
import org.rogatory.contracts.RequestType;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rogatory.router.domain.Fixtures.DAY;
import static org.rogatory.router.domain.Fixtures.T0;
import static org.rogatory.router.domain.Fixtures.decide;
import static org.rogatory.router.domain.Fixtures.request;

/**
 * INTERPOL: a Red Notice is published after the General Secretariat's review (Constitution arts.
 * 2, 3); a diffusion goes NCB to NCB without prior review. Which one is the requesting state's
 * choice, independent of urgency (docs/rules.md, INTERPOL notices).
 */
@DisplayName("INTERPOL notices - Red Notice or diffusion is the request's own field, not its urgency")
class InterpolRedNoticeTest {

    private static List<String> hops(RoutingDecision decision) {
        return ((RoutingDecision.Routed) decision).hops().stream().map(Hop::getNode).toList();
    }

    @Test
    @DisplayName("an urgent Red Notice still goes through the General Secretariat's review (48 h in the default world)")
    void urgentRedNoticeIsReviewed() {
        RoutingDecision decision = decide(request(RequestType.PROVISIONAL_ARREST, Instrument.UNTOC, "ALD", "DUN")
            .setUrgent(true).setInterpolInstrument(InterpolInstrument.RED_NOTICE).setOriginNode("ALD-NCB").build()).decision();
        assertEquals(List.of("ALD-NCB", "INTERPOL-GS", "DUN-NCB"), hops(decision));
        RoutingDecision.Routed routed = (RoutingDecision.Routed) decision;
        assertEquals(T0 + 2 * DAY, routed.hops().getLast().getAt().toEpochMilli());
        assertTrue(routed.reasonCodes().containsAll(List.of("INTERPOL:RED-NOTICE", "INTERPOL-CONST-3:GS-REVIEW-PASSED")),
            routed.reasonCodes()::toString);
    }

    @Test
    @DisplayName("a request that is not urgent but asks for a diffusion goes straight NCB to NCB")
    void nonUrgentDiffusionIsNotReviewed() {
        RoutingDecision decision = decide(request(RequestType.PROVISIONAL_ARREST, Instrument.UNTOC, "ALD", "DUN")
            .setInterpolInstrument(InterpolInstrument.DIFFUSION).setOriginNode("ALD-NCB").build()).decision();
        assertEquals(List.of("ALD-NCB", "DUN-NCB"), hops(decision));
        assertTrue(((RoutingDecision.Routed) decision).reasonCodes().contains("INTERPOL:DIFFUSION-NCB-TO-NCB"));
    }
}
