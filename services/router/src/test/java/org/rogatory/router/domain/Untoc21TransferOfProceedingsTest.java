package org.rogatory.router.domain;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rogatory.contracts.Instrument;
import org.rogatory.contracts.RequestType;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rogatory.router.domain.Fixtures.decide;
import static org.rogatory.router.domain.Fixtures.request;

/** UNTOC art. 21 (transfer of criminal proceedings) is the basis of a transfer, not art. 16 (extradition). */
@DisplayName("UNTOC art. 21 - transfer of proceedings cites its own article")
class Untoc21TransferOfProceedingsTest {

    @Test
    @DisplayName("Aldoria transfers proceedings to Kessaly under UNTOC art. 21")
    void article21() {
        var codes = ((RoutingDecision.Routed) decide(request(RequestType.TRANSFER_OF_PROCEEDINGS, Instrument.UNTOC, "ALD", "KES")
            .build()).decision()).reasonCodes();
        assertTrue(codes.contains("UNTOC-21:BOTH-PARTIES"), codes::toString);
        assertFalse(codes.contains("UNTOC-16:BOTH-PARTIES"), codes::toString);
    }
}
