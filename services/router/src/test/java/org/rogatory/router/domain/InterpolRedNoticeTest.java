package org.rogatory.router.domain;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rogatory.contracts.Channel;
import org.rogatory.contracts.CooperationRequest;
import org.rogatory.contracts.DirectoryEntry;
import org.rogatory.contracts.Hop;
import org.rogatory.contracts.Instrument;
import org.rogatory.contracts.InterpolInstrument;
import org.rogatory.contracts.NodeRole;
import org.rogatory.contracts.RequestType;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rogatory.router.domain.Fixtures.DAY;
import static org.rogatory.router.domain.Fixtures.T0;
import static org.rogatory.router.domain.Fixtures.WORLD;
import static org.rogatory.router.domain.Fixtures.decide;
import static org.rogatory.router.domain.Fixtures.request;

/**
 * INTERPOL: a Red Notice is published after the General Secretariat's review (Constitution arts.
 * 2, 3) to every member NCB, and the hit, in the state where the person is located, is the
 * provisional arrest there (UNTOC art. 16(9)); a diffusion goes NCB to the chosen NCB without prior
 * review. Which one is the requesting state's choice, independent of urgency (docs/rules.md,
 * INTERPOL notices).
 */
@DisplayName("INTERPOL notices - Red Notice (reviewed, to every member) or diffusion (to one NCB) is the request's own field")
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

    private static CooperationRequest redNotice(String from, String to) {
        return request(RequestType.PROVISIONAL_ARREST, Instrument.UNTOC, from, to).setUrgent(true)
            .setInterpolInstrument(InterpolInstrument.RED_NOTICE).setOriginNode(from + "-NCB").build();
    }

    /** Member NCBs read from the world file, not through the router's rules. */
    private static List<String> memberBureausBut(String... states) {
        Set<String> left = Set.of(states);
        return WORLD.directoryByKey().values().stream()
            .filter(n -> n.getRole() == NodeRole.NCB && n.getActive() && !left.contains(n.getState()))
            .map(DirectoryEntry::getNodeId).sorted().toList();
    }

    @Test
    @DisplayName("a published Red Notice reaches every other member NCB (one-to-many), each copy a case of its own from the General Secretariat, recorded without arrest")
    void publishedToEveryMember() {
        CooperationRequest notice = redNotice("ALD", "DUN");
        RoutingOutcome outcome = decide(notice);
        List<RoutingOutcome> copies = outcome.spawned();
        assertEquals(memberBureausBut("ALD", "DUN"), copies.stream().map(c -> ((RoutingDecision.Routed) c.decision()).toNode()).sorted().toList());
        assertEquals(10, copies.size(), "12 members in the default world (JAS has no NCB), less the requesting state and the hit");
        for (RoutingOutcome copy : copies) {
            RoutingDecision.Routed routed = (RoutingDecision.Routed) copy.decision();
            String state = copy.request().getRequestedState();
            assertEquals(List.of(notice.getHeader().getCaseId() + "-RN-" + state, RequestType.POLICE_INFORMATION, "INTERPOL-GS",
                    Channel.I247, List.of(notice.getHeader().getCaseId()), state + "-NCB"),
                List.of(copy.request().getHeader().getCaseId(), copy.request().getRequestType(), routed.fromNode(),
                    routed.channel(), copy.request().getLinkedCaseIds(), routed.toNode()));
            assertEquals(List.of("ALD-NCB", "INTERPOL-GS", state + "-NCB"), hops(routed));
            assertEquals(T0 + 2 * DAY, routed.hops().getLast().getAt().toEpochMilli(), "published after the review");
            assertTrue(routed.reasonCodes().containsAll(List.of(RedNoticePublication.PUBLISHED, RedNoticePublication.NO_HIT)),
                routed.reasonCodes()::toString);
            assertTrue(copy.spawned().isEmpty());
        }
    }

    @Test
    @DisplayName("the hit: where the person is located (the requested state, UNTOC 16(9)) the notice is the provisional arrest, at that state's NCB")
    void hitIsTheProvisionalArrestWhereThePersonIs() {
        RoutingOutcome outcome = decide(redNotice("ALD", "DUN"));
        RoutingDecision.Routed routed = (RoutingDecision.Routed) outcome.decision();
        assertEquals(List.of(RequestType.PROVISIONAL_ARREST, "DUN-NCB"), List.of(outcome.request().getRequestType(), routed.toNode()));
        assertTrue(routed.reasonCodes().containsAll(List.of(RedNoticePublication.PUBLISHED, RedNoticePublication.HIT,
            "UNTOC-16.9:PROVISIONAL-ARREST")), routed.reasonCodes()::toString);
        assertTrue(outcome.spawned().stream().noneMatch(c -> c.request().getRequestedState().equals("DUN")
            || c.request().getRequestType() == RequestType.PROVISIONAL_ARREST), "one arrest, in the state of the hit only");
    }

    @Test
    @DisplayName("a member that does not read the notice's language receives it in its own (the General Secretariat publishes in INTERPOL's languages)")
    void copiesInTheMembersLanguage() {
        RoutingOutcome outcome = decide(redNotice("ALD", "DUN"));
        CooperationRequest toGrt = outcome.spawned().stream().filter(c -> c.request().getRequestedState().equals("GRT"))
            .findFirst().orElseThrow().request();
        assertEquals("ru", toGrt.getLanguage());
        assertEquals("en", outcome.spawned().stream().filter(c -> c.request().getRequestedState().equals("MOR"))
            .findFirst().orElseThrow().request().getLanguage());
    }

    @Test
    @DisplayName("a diffusion reaches the chosen NCB only; a Red Notice refused on review, or for a person in a state without an NCB, is published nowhere")
    void diffusionAndRefusedNoticeReachNoOneElse() {
        RoutingOutcome diffusion = decide(request(RequestType.PROVISIONAL_ARREST, Instrument.UNTOC, "ALD", "DUN")
            .setInterpolInstrument(InterpolInstrument.DIFFUSION).setOriginNode("ALD-NCB").build());
        assertTrue(diffusion.spawned().isEmpty());
        assertFalse(diffusion.decision().reasonCodes().contains(RedNoticePublication.PUBLISHED));
        CooperationRequest political = redNotice("ALD", "DUN");
        political.setNationalOffenceLabel("desertion");
        RoutingOutcome refused = decide(political);
        assertTrue(refused.decision() instanceof RoutingDecision.Refused);
        assertTrue(refused.spawned().isEmpty());
        RoutingOutcome noBureau = decide(redNotice("ALD", "JAS"));
        assertFalse(((RoutingDecision.Routed) noBureau.decision()).channel() == Channel.I247, "Jasmuri has no NCB");
        assertTrue(noBureau.spawned().isEmpty());
    }
}
