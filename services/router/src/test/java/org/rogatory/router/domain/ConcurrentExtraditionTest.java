package org.rogatory.router.domain;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rogatory.contracts.Channel;
import org.rogatory.contracts.CooperationRequest;
import org.rogatory.contracts.Instrument;
import org.rogatory.contracts.RequestType;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rogatory.router.domain.Fixtures.DAY;
import static org.rogatory.router.domain.Fixtures.POLICY;
import static org.rogatory.router.domain.Fixtures.T0;
import static org.rogatory.router.domain.Fixtures.VIEW;
import static org.rogatory.router.domain.Fixtures.request;

@DisplayName("Rule 8 - concurrent extradition requests are arbitrated, with the alternatives (res. 12/1 annex II (i))")
class ConcurrentExtraditionTest {

    private static CooperationRequest extradition(String from, String to, String person) {
        return request(RequestType.EXTRADITION, Instrument.UNTOC, from, to).setSubjectPerson(person).build();
    }

    @ParameterizedTest(name = "earlier {0} to {1} {3} days before, now {2} to {1}: arbitration at {4}")
    @DisplayName("a second state asking for the same person within the window opens an arbitration case for the extradition authority")
    @CsvSource(delimiter = '|', textBlock = """
        ALD | KES | DUN | 10 | KES-CA-EXT | CENTRAL_AUTHORITY
        DUN | BRV | ALD | 59 | BRV-MOJ    | CENTRAL_AUTHORITY
        ALD | HAL | DUN | 1  | HAL-MFA    | DIPLOMATIC
        """)
    void arbitration(String firstFrom, String to, String secondFrom, int daysBefore, String authority, Channel channel) {
        ExtraditionClaim earlier = new ExtraditionClaim("C-FIRST", firstFrom, to, T0 - daysBefore * DAY);
        CooperationRequest second = extradition(secondFrom, to, "P-7f3a91");
        assertInstanceOf(RoutingDecision.Routed.class, POLICY.decide(second, T0, VIEW).decision());
        RoutingOutcome arbitration = POLICY.arbitrate(second, T0, VIEW, List.of(earlier)).orElseThrow();
        assertEquals(RequestType.EXTRADITION_ARBITRATION, arbitration.request().getRequestType());
        assertEquals("ARB-C-FIRST", arbitration.request().getHeader().getCaseId());
        assertEquals(List.of("C-FIRST", second.getHeader().getCaseId()), arbitration.request().getLinkedCaseIds());
        RoutingDecision.Routed routed = assertInstanceOf(RoutingDecision.Routed.class, arbitration.decision());
        assertEquals(List.of(channel, authority), List.of(routed.channel(), routed.toNode()));
        assertTrue(routed.reasonCodes().containsAll(ConcurrentExtradition.ALTERNATIVES), routed.reasonCodes()::toString);
    }

    @ParameterizedTest(name = "earlier {0} to {1} {3} days before, now {2} to {1}: no arbitration")
    @DisplayName("no competition: same requesting state, another requested state, or outside the window")
    @CsvSource(delimiter = '|', textBlock = """
        DUN | KES | DUN | 1
        DUN | IRV | ALD | 1
        DUN | KES | ALD | 60
        DUN | KES | ALD | 200
        """)
    void none(String firstFrom, String firstTo, String secondFrom, int daysBefore) {
        ExtraditionClaim earlier = new ExtraditionClaim("C-FIRST", firstFrom, firstTo, T0 - daysBefore * DAY);
        assertEquals(Optional.empty(), POLICY.arbitrate(extradition(secondFrom, "KES", "P-7f3a91"), T0, VIEW, List.of(earlier)));
    }

    @Test
    @DisplayName("a third requester joins the same arbitration case (its id follows the earliest claim in the window)")
    void thirdRequester() {
        List<ExtraditionClaim> earlier = List.of(
            new ExtraditionClaim("C-2", "DUN", "KES", T0 - 5 * DAY),
            new ExtraditionClaim("C-1", "ALD", "KES", T0 - 9 * DAY));
        CooperationRequest arbitration = POLICY.arbitrate(extradition("IRV", "KES", "P-7f3a91"), T0, VIEW, earlier).orElseThrow().request();
        assertEquals("ARB-C-1", arbitration.getHeader().getCaseId());
        assertEquals(List.of("C-1", "C-2", "C-IRV-KES-EXTRADITION"), arbitration.getLinkedCaseIds());
    }

    @Test
    @DisplayName("the register keeps only claims inside the window")
    void liveClaims() {
        List<ExtraditionClaim> claims = List.of(new ExtraditionClaim("old", "ALD", "KES", T0 - 61 * DAY),
            new ExtraditionClaim("new", "DUN", "KES", T0 - DAY));
        assertEquals(List.of("new"), ConcurrentExtradition.live(claims, T0, POLICY.parameters().concurrentExtraditionWindow())
            .stream().map(ExtraditionClaim::caseId).toList());
    }
}
