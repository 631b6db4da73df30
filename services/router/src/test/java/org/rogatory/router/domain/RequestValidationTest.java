package org.rogatory.router.domain;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rogatory.contracts.CooperationRequest;
import org.rogatory.contracts.EventHeader;
import org.rogatory.contracts.Instrument;
import org.rogatory.contracts.InterpolInstrument;
import org.rogatory.contracts.RequestType;

import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.rogatory.router.domain.Fixtures.decide;
import static org.rogatory.router.domain.Fixtures.request;

@DisplayName("Bad input - requests the router cannot decide on are dead-lettered with the reason, never dropped (docs/design.md#bad-input)")
class RequestValidationTest {

    static Stream<Arguments> badRequests() {
        return Stream.<Arguments>of(
            Arguments.of("self-addressed", (UnaryOperator<CooperationRequest.Builder>) b -> b.setRequestedState("ALD"),
                "self-addressed request: ALD asks itself"),
            Arguments.of("unknown requested state", (UnaryOperator<CooperationRequest.Builder>) b -> b.setRequestedState("QQQ"),
                "unknown state QQQ: no node in the directory"),
            Arguments.of("unknown requesting state", (UnaryOperator<CooperationRequest.Builder>) b -> b.setRequestingState("ZZZ"),
                "unknown state ZZZ: no node in the directory"),
            Arguments.of("unknown origin node", (UnaryOperator<CooperationRequest.Builder>) b -> b.setOriginNode("ALD-NOBODY"),
                "unknown origin node ALD-NOBODY for state ALD"),
            Arguments.of("origin node of another state", (UnaryOperator<CooperationRequest.Builder>) b -> b.setOriginNode("DUN-CA-MLA"),
                "unknown origin node DUN-CA-MLA for state ALD"),
            Arguments.of("blank case id", (UnaryOperator<CooperationRequest.Builder>) b -> {
                EventHeader header = ShallowCopy.of(b.getHeader(), EventHeader::new);
                header.setCaseId(" ");
                return b.setHeader(header);
            }, "missing required field header.caseId"),
            Arguments.of("blank language", (UnaryOperator<CooperationRequest.Builder>) b -> b.setLanguage(""),
                "missing required field language"),
            Arguments.of("unknown request type", (UnaryOperator<CooperationRequest.Builder>) b -> b.setRequestType(RequestType.UNKNOWN),
                "unknown requestType"),
            Arguments.of("unknown instrument", (UnaryOperator<CooperationRequest.Builder>) b -> b.setInstrument(Instrument.UNKNOWN),
                "unknown instrument"),
            Arguments.of("INTERPOL instrument from a newer writer", (UnaryOperator<CooperationRequest.Builder>) b ->
                b.setInterpolInstrument(InterpolInstrument.UNKNOWN), "unknown interpolInstrument (RED_NOTICE or DIFFUSION, or none)"),
            Arguments.of("negative maximum penalty", (UnaryOperator<CooperationRequest.Builder>) b -> b.setMaxPenaltyYears(-1),
                "negative maxPenaltyYears -1"),
            Arguments.of("arbitration submitted from outside", (UnaryOperator<CooperationRequest.Builder>) b ->
                b.setRequestType(RequestType.EXTRADITION_ARBITRATION),
                "EXTRADITION_ARBITRATION cases are opened by the router (rule 8), not submitted"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void deadLettered(String name, UnaryOperator<CooperationRequest.Builder> spoil, String reason) {
        CooperationRequest request = spoil.apply(request(RequestType.MLA, Instrument.UNTOC, "ALD", "DUN")).build();
        RoutingDecision.DeadLettered dead = assertInstanceOf(RoutingDecision.DeadLettered.class, decide(request).decision());
        assertEquals(reason, dead.reason());
    }
}
