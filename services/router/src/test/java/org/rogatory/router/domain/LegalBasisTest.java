package org.rogatory.router.domain;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rogatory.contracts.Channel;
import org.rogatory.contracts.ConductCategory;
import org.rogatory.contracts.Instrument;
import org.rogatory.contracts.RefusalGround;
import org.rogatory.contracts.RequestType;
import org.rogatory.contracts.TreatyMembership;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rogatory.router.domain.Fixtures.VIEW;
import static org.rogatory.router.domain.Fixtures.decide;
import static org.rogatory.router.domain.Fixtures.request;

@DisplayName("Rule 1 - legal basis binding both states (UNTOC arts. 13/16/18/21, Cybercrime Convention arts. 37/40/42/43, bilateral treaty, reciprocity)")
class LegalBasisTest {

    @ParameterizedTest(name = "{0} under {1}, {2} to {3}: {4}")
    @DisplayName("the basis found in the default world, invoked instrument first (an organised online fraud, 10 years)")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
        MLA                | UNTOC                 | ALD | DUN | -                                          | UNTOC-3:SERIOUS-CRIME-ORGANISED-GROUP | UNTOC-18:BOTH-PARTIES
        EXTRADITION        | UNTOC                 | ALD | KES | -                                          | UNTOC-3:SERIOUS-CRIME-ORGANISED-GROUP | UNTOC-16:BOTH-PARTIES
        PROVISIONAL_ARREST | UNTOC                 | ALD | DUN | -                                          | UNTOC-3:SERIOUS-CRIME-ORGANISED-GROUP | UNTOC-16.9:BOTH-PARTIES
        CONFISCATION       | UNTOC                 | ALD | KES | -                                          | UNTOC-3:SERIOUS-CRIME-ORGANISED-GROUP | UNTOC-13:BOTH-PARTIES
        TRANSFER_OF_PROCEEDINGS | UNTOC            | ALD | KES | -                                          | UNTOC-3:SERIOUS-CRIME-ORGANISED-GROUP | UNTOC-21:BOTH-PARTIES
        PRESERVATION       | CYBERCRIME_CONVENTION | ALD | FEN | -                                          | CYBERCRIME:CONVENTION-OFFENCE | CYBERCRIME-42:BOTH-PARTIES
        DISCLOSURE         | CYBERCRIME_CONVENTION | ALD | KES | -                                          | CYBERCRIME:CONVENTION-OFFENCE | CYBERCRIME-43:BOTH-PARTIES
        EXTRADITION        | CYBERCRIME_CONVENTION | ALD | KES | -                                          | CYBERCRIME:CONVENTION-OFFENCE | CYBERCRIME-37:BOTH-PARTIES
        MLA                | UNTOC                 | ALD | FEN | RULE-1:INVOKED-UNTOC-NOT-BINDING           | CYBERCRIME:CONVENTION-OFFENCE | CYBERCRIME-40:BOTH-PARTIES
        EXTRADITION        | CYBERCRIME_CONVENTION | ALD | CSK | RULE-1:INVOKED-CYBERCRIME_CONVENTION-NOT-BINDING | UNTOC-3:SERIOUS-CRIME-ORGANISED-GROUP | UNTOC-16:BOTH-PARTIES
        EXTRADITION        | UNTOC                 | FEN | KES | RULE-1:INVOKED-UNTOC-NOT-BINDING           | CYBERCRIME:CONVENTION-OFFENCE | CYBERCRIME-37:BOTH-PARTIES
        """)
    void basisFound(RequestType type, Instrument invoked, String from, String to, String substitution, String scope, String basis) {
        List<String> expected = substitution == null ? List.of(scope, basis) : List.of(substitution, scope, basis);
        assertEquals(Optional.of(expected), LegalBasis.find(request(type, invoked, from, to).build(), VIEW));
    }

    @ParameterizedTest(name = "{0} under {1}, {2} to {3}: {4}")
    @DisplayName("treaties and reciprocity: their scope is not modelled")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
        MLA                | BILATERAL_TREATY      | KES | FEN | -                                          | BILATERAL:TREATY-IN-FORCE
        CONFISCATION       | BILATERAL_TREATY      | ALD | BRV | -                                          | BILATERAL:TREATY-IN-FORCE
        PRESERVATION       | CYBERCRIME_CONVENTION | ALD | CSK | RULE-1:INVOKED-CYBERCRIME_CONVENTION-NOT-BINDING | RECIPROCITY:OFFERED-BY-CSK
        MLA                | RECIPROCITY           | ALD | GRT | -                                          | RECIPROCITY:OFFERED-BY-GRT
        MLA                | UNTOC                 | GRT | MOR | RULE-1:INVOKED-UNTOC-NOT-BINDING           | RECIPROCITY:OFFERED-BY-MOR
        """)
    void treatyBasisFound(RequestType type, Instrument invoked, String from, String to, String substitution, String basis) {
        List<String> expected = substitution == null ? List.of(basis) : List.of(substitution, basis);
        assertEquals(Optional.of(expected), LegalBasis.find(request(type, invoked, from, to).build(), VIEW));
    }

    @ParameterizedTest(name = "{0} under {1}, {2} to {3}: no basis")
    @DisplayName("no instrument, treaty or reciprocity offer binds both states")
    @CsvSource(delimiter = '|', textBlock = """
        MLA          | UNTOC                 | ALD | JAS
        MLA          | UNTOC                 | GRT | DUN
        PRESERVATION | CYBERCRIME_CONVENTION | KES | HAL
        MLA          | NONE                  | JAS | ELV
        EXTRADITION  | RECIPROCITY           | JAS | MOR
        """)
    void noBasis(RequestType type, Instrument invoked, String from, String to) {
        assertEquals(Optional.empty(), LegalBasis.find(request(type, invoked, from, to).build(), VIEW));
    }

    @Test
    @DisplayName("rule 1 policy 'diplomatic': without a basis the request goes MFA to MFA (Aldoria to Jasmuri)")
    void noBasisDiplomaticPolicy() {
        RoutingOutcome outcome = decide(request(RequestType.MLA, Instrument.UNTOC, "ALD", "JAS").build());
        RoutingDecision.Routed routed = (RoutingDecision.Routed) outcome.decision();
        assertEquals(Channel.DIPLOMATIC, routed.channel());
        assertEquals("ALD-MFA", routed.fromNode());
        assertEquals("JAS-MFA", routed.toNode());
        assertTrue(routed.reasonCodes().contains("RULE-1:NO-LEGAL-BASIS:DIPLOMATIC"), routed.reasonCodes()::toString);
    }

    @Test
    @DisplayName("rule 1 policy 'refuse': Elvaria refuses a request without a basis (ground NO_LEGAL_BASIS)")
    void noBasisRefusePolicy() {
        RoutingOutcome outcome = decide(request(RequestType.MLA, Instrument.UNTOC, "JAS", "ELV").build());
        RoutingDecision.Refused refused = (RoutingDecision.Refused) outcome.decision();
        assertEquals(RefusalGround.NO_LEGAL_BASIS, refused.ground());
        assertEquals(List.of("RULE-1:NO-LEGAL-BASIS:REFUSED"), refused.reasonCodes());
    }

    @Test
    @DisplayName("a convention not yet in force for one state is no basis (UNTOC art. 18 needs both parties)")
    void notInForce() {
        // Alpha is a party to UNTOC, Beta has signed it but it is not yet in force for Beta; no other instrument.
        WorldView world = PublishedWorld.view(List.of(), List.of(
            membership("AAA", Instrument.NONE, true), membership("AAA", Instrument.UNTOC, true),
            membership("BBB", Instrument.NONE, true), membership("BBB", Instrument.UNTOC, false)));
        var mla = request(RequestType.MLA, Instrument.UNTOC, "AAA", "BBB").build();
        assertEquals(Optional.empty(), LegalBasis.find(mla, world));
        mla.setRequestingState("BBB");
        mla.setRequestedState("AAA");
        assertEquals(Optional.empty(), LegalBasis.find(mla, world));
    }

    /** A state's own law (NONE) or party record as a world file makes it: every conduct criminalised, no partner. */
    private static TreatyMembership membership(String state, Instrument instrument, boolean inForce) {
        return TreatyMembership.newBuilder().setState(state).setInstrument(instrument).setInForce(inForce)
            .setConducts(Arrays.stream(ConductCategory.values()).filter(c -> c != ConductCategory.UNKNOWN).toList())
            .build();
    }
}
