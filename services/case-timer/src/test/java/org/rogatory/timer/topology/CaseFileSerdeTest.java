package org.rogatory.timer.topology;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.common.errors.SerializationException;
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

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The case file survives its store and changelog format unchanged: a restart resumes from it. */
class CaseFileSerdeTest {

    private static final Instant T0 = Instant.parse("2027-01-04T09:00:00Z");

    @Test
    @DisplayName("a case file with clocks, ladder progress and follow-ups round-trips through Smile")
    void roundTrip() {
        CaseFile escalated = escalatedWithFollowUp();

        CaseFileSerde serde = new CaseFileSerde();
        byte[] written = serde.serializer().serialize("t", escalated);
        CaseFile copy = serde.deserializer().deserialize("t", written);

        assertThat(new String(written, 0, 3, StandardCharsets.US_ASCII)).isEqualTo(":)\n");
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

    @Test
    @DisplayName("a case file written as JSON by an earlier version still restores, whole")
    void readsEarlierJson() throws Exception {
        CaseFile escalated = escalatedWithFollowUp();
        // how the timer wrote its files before Smile: plain JSON of the fields
        byte[] json = new ObjectMapper().setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
            .writeValueAsBytes(escalated);

        CaseFile copy = new CaseFileSerde().deserializer().deserialize("t", json);

        assertThat(json[0]).isEqualTo((byte) '{');
        assertThat(new CaseFileSerde().serializer().serialize("t", escalated)).hasSizeLessThan(json.length);
        assertThat(copy).usingRecursiveComparison().isEqualTo(escalated);
    }

    @Test
    @DisplayName("bytes that are neither Smile nor JSON fail with a serialization error, not a half-read file")
    void rejectsGarbage() {
        CaseFileSerde serde = new CaseFileSerde();
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", new byte[] {':', ')', '\n', 0x7f, 0x01}))
            .isInstanceOf(SerializationException.class).hasMessageContaining("cannot read case file");
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", "not a file".getBytes(StandardCharsets.UTF_8)))
            .isInstanceOf(SerializationException.class);
    }

    private static CaseFile escalatedWithFollowUp() {
        CaseDocket docket = new CaseDocket(ClockPolicy.defaults(), LadderPolicy.defaults(), TimerPieces.REGISTER);
        CaseFile parent = accepted(docket.record(null, CaseRecords.change(
            Contracts.routed("P", RequestType.MLA, Channel.I247, "BRV-NCB", T0, true), CaseChange.Source.ROUTER,
            T0.toEpochMilli())));
        CaseFile followedUp = docket.recordFollowUp(parent, CaseRecords.notice("P",
            Contracts.routed("F", RequestType.MLA, Channel.CENTRAL_AUTHORITY, "BRV-CA-MLA", T0.plus(Duration.ofDays(20)), false, "P"),
            T0.plus(Duration.ofDays(20)).toEpochMilli()));
        return docket.fire(followedUp, ClockKind.POC_ACKNOWLEDGEMENT,
            T0.plus(Duration.ofDays(4)).toEpochMilli()).file();
    }

    private static CaseFile accepted(CaseDocket.Recorded recorded) {
        return ((CaseDocket.Accepted) recorded).file();
    }
}
