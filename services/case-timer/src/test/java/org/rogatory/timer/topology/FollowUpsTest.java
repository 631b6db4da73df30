package org.rogatory.timer.topology;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rogatory.contracts.CaseEvent;
import org.rogatory.contracts.Channel;
import org.rogatory.contracts.RequestType;
import org.rogatory.platform.serde.AvroSerdeConfig;
import org.rogatory.platform.serde.AvroSerdes;
import org.rogatory.testing.Contracts;
import org.rogatory.testing.MemoryStores;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rogatory.timer.topology.TimerPieces.T0;

/** Follow-ups alone: applied to their earlier case, parked until it comes, dead letters when it never does. */
class FollowUpsTest {

    private static final String LINKS = "links";
    private final Serde<CaseEvent> events = AvroSerdes.specific(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://follow-ups"), false);
    private final TimerPieces pieces = new TimerPieces();
    private final LinkWatermarks links = new LinkWatermarks(1);
    private final FollowUps followUps = new FollowUps(pieces.files,
        new ParkedFollowUps(MemoryStores.keyValue("parked", Serdes.String(), Serdes.ByteArray())), pieces.docket,
        events.deserializer(), LINKS, links, pieces);

    @Test
    @DisplayName("a follow-up read before its earlier case waits for it, then counts on that case's file")
    void parkedUntilOpened() {
        Instant at = T0.plus(Duration.ofDays(2));
        read(followUp("F", at, "P"));
        assertThat(pieces.views).isEmpty();

        pieces.open("P", T0);
        followUps.opened("P");
        assertThat(pieces.files.get("P").followUps()).hasSize(1);
        followUps.opened("P");
        assertThat(pieces.files.get("P").followUps()).as("taken once").hasSize(1);
    }

    @Test
    @DisplayName("a follow-up of a case that never comes is a dead letter once every partition has passed its time")
    void expired() {
        Instant at = T0.plus(Duration.ofDays(2));
        read(followUp("F", at, "NEVER"));
        links.record(LinkWatermarks.mark(0), at.toEpochMilli());
        followUps.expire();
        assertThat(pieces.deadLetters).isEmpty();
        links.record(LinkWatermarks.mark(0), at.toEpochMilli() + 1);
        followUps.expire();
        assertThat(pieces.deadLetters).singleElement().satisfies(letter -> {
            assertThat(letter.getReason()).isEqualTo("case F follows up unknown case NEVER");
            assertThat(letter.getSourceTopic()).isEqualTo(LINKS);
            assertThat(letter.getSourceOffset()).isEqualTo(3);
        });
    }

    /** The follow-up as read at offset 3 of partition 0 of the links topic, keyed by the case it follows up. */
    private void read(CaseEvent followUp) {
        followUps.read(followUp.getRequest().getLinkedCaseIds().getFirst(), followUp,
            followUp.getHeader().getSimulatedTime().toEpochMilli(), 0, 3, events.serializer().serialize(LINKS, followUp));
    }

    private static CaseEvent followUp(String caseId, Instant at, String parent) {
        return Contracts.routed(caseId, RequestType.MLA, Channel.CENTRAL_AUTHORITY, "BRV-CA-MLA", at, false, parent);
    }
}
