package org.rogatory.router.domain;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rogatory.contracts.CaseStatus;
import org.rogatory.contracts.Channel;
import org.rogatory.contracts.CooperationRequest;
import org.rogatory.contracts.Instrument;
import org.rogatory.contracts.RequestType;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rogatory.router.domain.Fixtures.DAY;
import static org.rogatory.router.domain.Fixtures.POLICY;
import static org.rogatory.router.domain.Fixtures.T0;
import static org.rogatory.router.domain.Fixtures.VIEW;
import static org.rogatory.router.domain.Fixtures.decide;
import static org.rogatory.router.domain.Fixtures.request;

@DisplayName("Rule 5 - informal then formal: evidence from police or 24/7 channels needs a formal MLA request (res. 12/1 annex I (q))")
class InformalToFormalTest {

    @ParameterizedTest(name = "{0} {2} to {3} flagged for evidence, answered: formal MLA to {4}")
    @DisplayName("an informal exchange flagged for evidential use awaits its answer; the answer opens a linked formal MLA case")
    @CsvSource(delimiter = '|', textBlock = """
        POLICE_INFORMATION | UNTOC                 | ALD | DUN | DUN-CA-MLA
        PRESERVATION       | CYBERCRIME_CONVENTION | ALD | KES | KES-CA-MLA
        DISCLOSURE         | CYBERCRIME_CONVENTION | ALD | IRV | IRV-CA-MLA
        PRESERVATION       | CYBERCRIME_CONVENTION | ALD | CSK | CSK-CA-MLA
        """)
    void followsTheAnswer(RequestType type, Instrument instrument, String from, String to, String formalNode) {
        CooperationRequest informal = request(type, instrument, from, to).setEvidentialUse(true).build();
        RoutingOutcome routing = decide(informal);
        RoutingDecision.Routed routed = assertInstanceOf(RoutingDecision.Routed.class, routing.decision());
        assertTrue(routed.reasonCodes().contains(InformalToFormal.AWAITS_ANSWER), routed.reasonCodes()::toString);
        assertTrue(routing.spawned().isEmpty(), "nothing to ask formally before the answer");

        long answeredAt = T0 + 3 * DAY;
        RoutingOutcome formal = POLICY.followUp(informal, answeredAt, VIEW);
        CooperationRequest mla = formal.request();
        assertEquals(List.of(RequestType.MLA, informal.getHeader().getCaseId() + "-MLA", List.of(informal.getHeader().getCaseId())),
            List.of(mla.getRequestType(), mla.getHeader().getCaseId(), mla.getLinkedCaseIds()));
        assertEquals(informal.getHeader().getEventId(), mla.getHeader().getCausationId());
        assertEquals(informal.getHeader().getCorrelationId(), mla.getHeader().getCorrelationId());
        assertEquals(Instant.ofEpochMilli(answeredAt + 5 * DAY), mla.getHeader().getSimulatedTime(), "answer + 5 days' drafting");
        RoutingDecision.Routed formalRoute = assertInstanceOf(RoutingDecision.Routed.class, formal.decision());
        assertEquals(List.of(Channel.CENTRAL_AUTHORITY, from + "-CA-MLA", formalNode),
            List.of(formalRoute.channel(), formalRoute.fromNode(), formalRoute.toNode()));
        assertEquals(InformalToFormal.REASON, formalRoute.reasonCodes().getFirst());
    }

    @Test
    @DisplayName("the formal case id is derived from the informal one: same input, same id")
    void deterministicId() {
        CooperationRequest informal = request(RequestType.POLICE_INFORMATION, Instrument.UNTOC, "ALD", "DUN").setEvidentialUse(true).build();
        assertEquals(POLICY.followUp(informal, T0, VIEW), POLICY.followUp(informal, T0, VIEW));
        assertEquals("C-9-MLA", InformalToFormal.formalCaseId("C-9"));
    }

    @ParameterizedTest(name = "{0} at {1}: {2}")
    @DisplayName("executed in the requested state answers; refused, withdrawn or lapsed closes; anything else still waits")
    @CsvSource(delimiter = '|', textBlock = """
        EXECUTED           | DUN-NCB    | ANSWERED
        PARTIALLY_EXECUTED | DUN-CA-MLA | ANSWERED
        EXECUTED           | ALD-NCB    | PENDING
        DELIVERED          | DUN-NCB    | PENDING
        UNDER_REVIEW       | DUN-NCB    | PENDING
        MORE_INFO_REQUESTED| DUN-NCB    | PENDING
        REFUSED            | DUN-NCB    | CLOSED
        WITHDRAWN          | ALD-NCB    | CLOSED
        LAPSED             | DUN-NCB    | CLOSED
        """)
    void steps(CaseStatus status, String node, InformalToFormal.Step expected) {
        CooperationRequest informal = request(RequestType.POLICE_INFORMATION, Instrument.UNTOC, "ALD", "DUN").setEvidentialUse(true).build();
        assertEquals(expected, InformalToFormal.step(informal, status, node, VIEW));
    }

    @ParameterizedTest(name = "{0} urgent={1} evidential={2}: no follow-up")
    @DisplayName("no follow-up for exchanges not meant as evidence, or already formal (urgent MLA via INTERPOL is confirmed under UNTOC 18(14) instead)")
    @CsvSource(delimiter = '|', textBlock = """
        POLICE_INFORMATION | false | false
        PRESERVATION       | false | false
        MLA                | true  | true
        MLA                | false | true
        """)
    void noFollowUp(RequestType type, boolean urgent, boolean evidential) {
        RoutingOutcome outcome = decide(request(type, Instrument.UNTOC, "ALD", "IRV").setUrgent(urgent).setEvidentialUse(evidential)
            .setInstrument(type == RequestType.PRESERVATION ? Instrument.CYBERCRIME_CONVENTION : Instrument.UNTOC).build());
        assertInstanceOf(RoutingDecision.Routed.class, outcome.decision());
        assertTrue(outcome.spawned().isEmpty());
        assertFalse(outcome.decision().reasonCodes().contains(InformalToFormal.AWAITS_ANSWER));
    }
}
