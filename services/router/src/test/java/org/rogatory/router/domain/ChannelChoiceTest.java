package org.rogatory.router.domain;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rogatory.contracts.Channel;
import org.rogatory.contracts.CooperationRequest;
import org.rogatory.contracts.Hop;
import org.rogatory.contracts.Instrument;
import org.rogatory.contracts.InterpolInstrument;
import org.rogatory.contracts.RefusalGround;
import org.rogatory.contracts.RequestType;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rogatory.router.domain.Fixtures.DAY;
import static org.rogatory.router.domain.Fixtures.T0;
import static org.rogatory.router.domain.Fixtures.VIEW;
import static org.rogatory.router.domain.Fixtures.WORLD;
import static org.rogatory.router.domain.Fixtures.request;

@DisplayName("Rule 3 - channel by type and urgency (UNTOC art. 18(13); INTERPOL membership; Cybercrime Convention arts. 41-43, 47; INTERPOL Constitution art. 3)")
class ChannelChoiceTest {

    @ParameterizedTest(name = "{0} urgent={2} {3} to {4}: {5} from {6} to {7} ({8})")
    @DisplayName("channel, sending and receiving node in the default world")
    @CsvSource(delimiter = '|', textBlock = """
        MLA                     | UNTOC                 | false | ALD | DUN | CENTRAL_AUTHORITY | ALD-CA-MLA  | DUN-CA-MLA  | UNTOC-18.13:CENTRAL-AUTHORITY
        MLA                     | UNTOC                 | true  | ALD | IRV | I247              | ALD-NCB     | IRV-NCB     | UNTOC-18.13:INTERPOL-URGENT
        MLA                     | UNTOC                 | true  | ALD | DUN | CENTRAL_AUTHORITY | ALD-CA-MLA  | DUN-CA-MLA  | UNTOC-18.13:CENTRAL-AUTHORITY
        MLA                     | UNTOC                 | true  | ALD | KES | CENTRAL_AUTHORITY | ALD-CA-MLA  | KES-CA-MLA  | UNTOC-18.13:CENTRAL-AUTHORITY
        MLA                     | CYBERCRIME_CONVENTION | true  | ALD | KES | CONTACT_POINT_247 | ALD-POC-247 | KES-POC-247 | CYBERCRIME-41:24/7-URGENT-MLA
        MLA                     | UNTOC                 | false | ALD | BRV | CENTRAL_AUTHORITY | ALD-CA-MLA  | BRV-MOJ     | UNTOC-18.13:CENTRAL-AUTHORITY
        PRESERVATION            | CYBERCRIME_CONVENTION | false | ALD | IRV | CONTACT_POINT_247 | ALD-POC-247 | IRV-POC-247 | CYBERCRIME-42:24/7-TO-24/7
        DISCLOSURE              | CYBERCRIME_CONVENTION | false | ALD | KES | CONTACT_POINT_247 | ALD-POC-247 | KES-POC-247 | CYBERCRIME-43:24/7-TO-24/7
        PRESERVATION            | CYBERCRIME_CONVENTION | false | ALD | CSK | I247              | ALD-NCB     | CSK-NCB     | CYBERCRIME-47:NO-24/7-POINT:I-24/7
        PRESERVATION            | CYBERCRIME_CONVENTION | false | ALD | LUM | I247              | ALD-NCB     | LUM-NCB     | CYBERCRIME-47:NO-24/7-POINT:I-24/7
        PRESERVATION            | CYBERCRIME_CONVENTION | false | CSK | ALD | I247              | CSK-NCB     | ALD-NCB     | CYBERCRIME-47:NO-24/7-POINT:I-24/7
        PRESERVATION            | CYBERCRIME_CONVENTION | false | ALD | JAS | CENTRAL_AUTHORITY | ALD-CA-MLA  | JAS-CA-MLA  | CYBERCRIME-42:NO-24/7-POINT:CENTRAL-AUTHORITY
        POLICE_INFORMATION      | UNTOC                 | false | ALD | DUN | I247              | ALD-NCB     | DUN-NCB     | INTERPOL:NCB-TO-NCB
        POLICE_INFORMATION      | CYBERCRIME_CONVENTION | false | ALD | KES | I247              | ALD-NCB     | KES-NCB     | INTERPOL:NCB-TO-NCB
        POLICE_INFORMATION      | UNTOC                 | false | ALD | JAS | DIPLOMATIC        | ALD-MFA     | JAS-MFA     | UNTOC-18.13:NO-DESIGNATION:DIPLOMATIC
        PROVISIONAL_ARREST      | UNTOC                 | false | ALD | DUN | I247              | ALD-NCB     | DUN-NCB     | INTERPOL:DIFFUSION-NCB-TO-NCB
        PROVISIONAL_ARREST      | UNTOC                 | true  | ALD | DUN | I247              | ALD-NCB     | DUN-NCB     | INTERPOL:DIFFUSION-NCB-TO-NCB
        PROVISIONAL_ARREST      | UNTOC                 | false | ALD | JAS | CENTRAL_AUTHORITY | ALD-CA-EXT  | JAS-CA-EXT  | UNTOC-16.9:DIRECT-REQUEST
        EXTRADITION             | UNTOC                 | false | ALD | KES | CENTRAL_AUTHORITY | ALD-CA-EXT  | KES-CA-EXT  | UNTOC-16:CENTRAL-AUTHORITY
        EXTRADITION             | UNTOC                 | false | ALD | BRV | CENTRAL_AUTHORITY | ALD-CA-EXT  | BRV-MOJ     | UNTOC-16:CENTRAL-AUTHORITY
        EXTRADITION             | UNTOC                 | false | ALD | LUM | CENTRAL_AUTHORITY | ALD-CA-EXT  | LUM-MOJ     | UNTOC-16:CENTRAL-AUTHORITY
        EXTRADITION             | UNTOC                 | false | ALD | HAL | DIPLOMATIC        | ALD-MFA     | HAL-MFA     | UNTOC-18.13:NO-DESIGNATION:DIPLOMATIC
        CONFISCATION            | UNTOC                 | false | ALD | KES | CENTRAL_AUTHORITY | ALD-CA-MLA  | KES-CA-MLA  | UNTOC-13:CENTRAL-AUTHORITY
        TRANSFER_OF_PROCEEDINGS | UNTOC                 | false | ALD | KES | CENTRAL_AUTHORITY | ALD-CA-EXT  | KES-CA-EXT  | RES-12/1-II(i):CENTRAL-AUTHORITY
        TEMPORARY_SURRENDER     | UNTOC                 | false | ALD | DUN | CENTRAL_AUTHORITY | ALD-CA-EXT  | DUN-CA-EXT  | RES-12/1-II(i):CENTRAL-AUTHORITY
        SPONTANEOUS_INFORMATION | UNTOC                 | false | ALD | DUN | CENTRAL_AUTHORITY | ALD-CA-MLA  | DUN-CA-MLA  | UNTOC-18.4:SPONTANEOUS
        """)
    void channel(RequestType type, Instrument instrument, boolean urgent, String from, String to,
                 Channel channel, String fromNode, String toNode, String reason) {
        RoutingDecision decision = ChannelChoice.choose(request(type, instrument, from, to).setUrgent(urgent).build(),
            T0, VIEW, WORLD.parameters());
        RoutingDecision.Routed routed = assertInstanceOf(RoutingDecision.Routed.class, decision);
        assertEquals(List.of(channel, fromNode, toNode), List.of(routed.channel(), routed.fromNode(), routed.toNode()));
        assertEquals(reason, routed.reasonCodes().getFirst());
    }

    @Test
    @DisplayName("spontaneous information (UNTOC 18(4)) leaves on the sender's own network: an NCB sends over I-24/7")
    void spontaneousFromNcb() {
        CooperationRequest request = request(RequestType.SPONTANEOUS_INFORMATION, Instrument.UNTOC, "ALD", "DUN")
            .setOriginNode("ALD-NCB").build();
        RoutingDecision.Routed routed = (RoutingDecision.Routed) ChannelChoice.choose(request, T0, VIEW, WORLD.parameters());
        assertEquals(List.of(Channel.I247, "DUN-NCB"), List.of(routed.channel(), routed.toNode()));
    }

    @Test
    @DisplayName("urgent MLA through INTERPOL or 24/7 must be confirmed in writing (UNTOC 18(14))")
    void writtenConfirmation() {
        RoutingDecision.Routed routed = (RoutingDecision.Routed) ChannelChoice.choose(
            request(RequestType.MLA, Instrument.UNTOC, "ALD", "IRV").setUrgent(true).build(), T0, VIEW, WORLD.parameters());
        assertTrue(routed.reasonCodes().contains("UNTOC-18.14:WRITTEN-CONFIRMATION-DUE"), routed.reasonCodes()::toString);
        RoutingDecision.Routed normal = (RoutingDecision.Routed) ChannelChoice.choose(
            request(RequestType.MLA, Instrument.UNTOC, "ALD", "IRV").build(), T0, VIEW, WORLD.parameters());
        assertTrue(normal.reasonCodes().stream().noneMatch(c -> c.startsWith("UNTOC-18.14")), normal.reasonCodes()::toString);
    }

    @Test
    @DisplayName("Red Notice: an extra hop through the INTERPOL General Secretariat and its review delay (Constitution arts. 2, 3)")
    void redNoticeHop() {
        RoutingDecision.Routed routed = (RoutingDecision.Routed) ChannelChoice.choose(
            request(RequestType.PROVISIONAL_ARREST, Instrument.UNTOC, "ALD", "DUN")
                .setInterpolInstrument(InterpolInstrument.RED_NOTICE).build(), T0, VIEW, WORLD.parameters());
        assertEquals(List.of("ALD-CA-EXT", "ALD-NCB", "INTERPOL-GS", "DUN-NCB"), routed.hops().stream().map(Hop::getNode).toList());
        assertEquals(T0 + 2 * DAY, routed.hops().getLast().getAt().toEpochMilli(), "48 h review in the default world");
        assertTrue(routed.reasonCodes().contains("INTERPOL-CONST-3:GS-REVIEW-PASSED"));
    }

    @Test
    @DisplayName("diffusion: straight from NCB to NCB, no review hop, no delay")
    void diffusionHop() {
        CooperationRequest request = request(RequestType.PROVISIONAL_ARREST, Instrument.UNTOC, "ALD", "DUN")
            .setInterpolInstrument(InterpolInstrument.DIFFUSION).setOriginNode("ALD-NCB").build();
        RoutingDecision.Routed routed = (RoutingDecision.Routed) ChannelChoice.choose(request, T0, VIEW, WORLD.parameters());
        assertEquals(List.of("ALD-NCB", "DUN-NCB"), routed.hops().stream().map(Hop::getNode).toList());
        assertEquals(T0, routed.hops().getLast().getAt().toEpochMilli());
    }

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @DisplayName("Red Notice for an offence of political, military, religious or racial character is refused (INTERPOL Constitution art. 3)")
    @CsvSource(delimiter = '|', textBlock = """
        Desertion from the armed forces       | INTERPOL-CONST-3:MILITARY-CHARACTER
        insulting the head of state            | INTERPOL-CONST-3:POLITICAL-CHARACTER
        blasphemy                              | INTERPOL-CONST-3:RELIGIOUS-CHARACTER
        """)
    void article3(String label, String code) {
        RoutingDecision decision = ChannelChoice.choose(request(RequestType.PROVISIONAL_ARREST, Instrument.UNTOC, "ALD", "DUN")
            .setInterpolInstrument(InterpolInstrument.RED_NOTICE).setNationalOffenceLabel(label).build(), T0, VIEW, WORLD.parameters());
        RoutingDecision.Refused refused = assertInstanceOf(RoutingDecision.Refused.class, decision);
        assertEquals(RefusalGround.POLITICAL_OFFENCE, refused.ground());
        assertEquals("INTERPOL-GS", refused.atNode());
        assertEquals(List.of(code), refused.reasonCodes());
    }

    @Test
    @DisplayName("a diffusion is not reviewed beforehand: the same art. 3 case goes through (the diffusion's failure mode)")
    void diffusionUnreviewed() {
        RoutingDecision decision = ChannelChoice.choose(request(RequestType.PROVISIONAL_ARREST, Instrument.UNTOC, "ALD", "DUN")
            .setInterpolInstrument(InterpolInstrument.DIFFUSION).setNationalOffenceLabel("desertion").build(), T0, VIEW, WORLD.parameters());
        assertInstanceOf(RoutingDecision.Routed.class, decision);
    }
}
