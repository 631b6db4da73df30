package org.rogatory.timer.topology;

import org.rogatory.testing.Contracts;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rogatory.contracts.CaseStatus;
import org.rogatory.contracts.Channel;
import org.rogatory.contracts.ClockKind;
import org.rogatory.contracts.RequestType;
import org.rogatory.timer.domain.CaseDocket;
import org.rogatory.timer.domain.CaseFile;
import org.rogatory.timer.domain.CaseChange;
import org.rogatory.timer.domain.ClockPolicy;
import org.rogatory.timer.domain.LadderPolicy;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The case file survives its store and changelog format unchanged: a restart resumes from it. */
class CaseFileSerdeTest {

    private static final Instant T0 = Instant.parse("2027-01-04T09:00:00Z");

    @Test
    @DisplayName("a case file with clocks, ladder progress and follow-ups round-trips through JSON")
    void roundTrip() {
        CaseDocket docket = new CaseDocket(ClockPolicy.defaults(), LadderPolicy.defaults(), TimerPieces.REGISTER);
        CaseFile parent = accepted(docket.record(null, CaseRecords.change(
            Contracts.routed("P", RequestType.MLA, Channel.I247, "BRV-NCB", T0, true), CaseChange.Source.ROUTER,
            T0.toEpochMilli())));
        CaseFile followedUp = docket.recordFollowUp(parent, CaseRecords.notice("P",
            Contracts.routed("F", RequestType.MLA, Channel.CENTRAL_AUTHORITY, "BRV-CA-MLA", T0.plus(Duration.ofDays(20)), false, "P"),
            T0.plus(Duration.ofDays(20)).toEpochMilli()));
        CaseFile escalated = docket.fire(followedUp, ClockKind.POC_ACKNOWLEDGEMENT,
            T0.plus(Duration.ofDays(4)).toEpochMilli()).file();

        CaseFileSerde serde = new CaseFileSerde();
        CaseFile copy = serde.deserializer().deserialize("t", serde.serializer().serialize("t", escalated));

        // every field: CaseFiles keeps the objects it wrote and gives them in place of the store's
        // bytes, so a timer restored from its changelog must see exactly the same files
        assertThat(copy).usingRecursiveComparison().isEqualTo(escalated);
        assertThat(CaseRecords.view(copy)).isEqualTo(CaseRecords.view(escalated));
        assertThat(copy.clocks()).isEqualTo(escalated.clocks()).isNotEmpty();
        assertThat(copy.followUps()).isEqualTo(escalated.followUps()).hasSize(1);
        assertThat(copy.history()).isEqualTo(escalated.history());
        assertThat(copy.linkedCaseIds()).isEqualTo(escalated.linkedCaseIds());
        assertThat(copy.clock(ClockKind.POC_ACKNOWLEDGEMENT).orElseThrow().lastLevel()).isNotNull();
        assertThat(copy.status()).isEqualTo(CaseStatus.ROUTED);
        assertThat(copy.lastEventId()).isEqualTo(escalated.lastEventId());
    }

    private static CaseFile accepted(CaseDocket.Recorded recorded) {
        return ((CaseDocket.Accepted) recorded).file();
    }
}
