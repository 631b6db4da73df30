package org.rogatory.authorities.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.rogatory.authorities.topology.TestRecords.HOUR;
import static org.rogatory.authorities.topology.TestRecords.POC;
import static org.rogatory.authorities.topology.TestRecords.SERDES;
import static org.rogatory.authorities.topology.TestRecords.T0;
import static org.rogatory.authorities.topology.TestRecords.escalation;
import static org.rogatory.authorities.topology.TestRecords.handover;
import static org.rogatory.authorities.topology.TestRecords.outage;
import static org.rogatory.authorities.topology.TestRecords.transmission;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rogatory.contracts.CaseEvent;
import org.rogatory.contracts.Escalation;
import org.rogatory.contracts.Handover;
import org.rogatory.contracts.Inject;
import org.rogatory.contracts.InjectKind;
import org.rogatory.contracts.Transmission;
import org.rogatory.platform.deadletter.DeadLetters;
import org.rogatory.platform.serde.AvroSerdes;
import org.rogatory.platform.topics.Topics;
import org.rogatory.testing.MemoryStores;

/** The intake alone: which inputs reach the inbox, which are refused and why. */
class InboxIntakeTest {
    private final Serde<Transmission> transmissions = AvroSerdes.specific(SERDES, false);
    private final Serde<Escalation> escalations = AvroSerdes.specific(SERDES, false);
    private final Serde<Inject> injects = AvroSerdes.specific(SERDES, false);
    private final Serde<Handover> handovers = AvroSerdes.specific(SERDES, false);
    private final Serde<CaseEvent> events = AvroSerdes.specific(SERDES, false);
    private final Inbox inbox = new Inbox(MemoryStores.keyValue("inbox", Serdes.String(), Serdes.ByteArray()));
    private final ChannelOutages channels = new ChannelOutages(MemoryStores.keyValue("outages", Serdes.String(), Serdes.Long()));
    private final InboxIntake intake = new InboxIntake(inbox, channels, node -> node.equals(POC),
            transmissions.deserializer(), escalations.deserializer(), injects.deserializer(), handovers.deserializer(),
            events.deserializer());

    @Test
    @DisplayName("a transmission, an escalation, an outage and a hop for a node of the directory wait in its inbox, in kind order")
    void held() {
        assertEquals(Optional.empty(), take(AuthoritiesTopology.HANDOVERS_BY_NODE_TOPIC, POC, T0, handover("C-2", T0, POC)));
        assertEquals(Optional.empty(), take(Topics.CHANNEL_CONTACT_POINT_247, POC, T0, transmission("C-1", T0)));
        assertEquals(Optional.empty(), take(AuthoritiesTopology.ESCALATIONS_BY_NODE_TOPIC, POC, T0, escalation("C-1", T0)));
        assertEquals(Optional.empty(), take(Topics.INJECTS, POC, T0, outage(T0, T0 + HOUR)));
        assertEquals(List.of(Inbox.INJECT, Inbox.TRANSMISSION, Inbox.ESCALATION, Inbox.HANDOVER),
                inbox.due(T0 + 1).stream().map(kv -> kv.key.kind()).toList());
    }

    @Test
    @DisplayName("refused: a node outside the directory, a transmission or a hop keyed by another node, injects without an end or officers")
    void refused() {
        assertEquals(rejection(DeadLetters.Cause.UNKNOWN_REFERENCE, "node 'XX-POC' is not in the directory"),
                take(Topics.CHANNEL_CONTACT_POINT_247, "XX-POC", T0, transmission("C-1", T0, "XX-POC")));
        assertEquals(rejection(DeadLetters.Cause.MISKEYED, "record key 'OTHER' is not the receiving node '" + POC + "'"),
                take(Topics.CHANNEL_CONTACT_POINT_247, "OTHER", T0, transmission("C-1", T0)));
        assertEquals(rejection(DeadLetters.Cause.MISKEYED, "record key 'OTHER' is not the receiving node '" + POC + "'"),
                take(AuthoritiesTopology.HANDOVERS_BY_NODE_TOPIC, "OTHER", T0, handover("C-1", T0, POC)));
        assertEquals(rejection(DeadLetters.Cause.REJECTED, "NODE_OUTAGE inject without an end"),
                take(Topics.INJECTS, POC, T0, Inject.newBuilder(outage(T0, T0 + HOUR)).setEndAt(null).build()));
        assertEquals(rejection(DeadLetters.Cause.REJECTED, "STAFF_CUT inject without a whole number of officers"),
                take(Topics.INJECTS, POC, T0, Inject.newBuilder(outage(T0, T0 + HOUR)).setKind(InjectKind.STAFF_CUT)
                        .setParameters(Map.of("officers", "two")).build()));
        assertEquals(List.of(), inbox.due(Long.MAX_VALUE), "nothing refused reaches the inbox");
    }

    @Test
    @DisplayName("a channel outage goes among the channel outages; a surge is not the nodes' business; unreadable bytes throw")
    void channel_outage_surge_and_garbage() {
        take(Topics.INJECTS, "CONTACT_POINT_247", T0, Inject.newBuilder(outage(T0, T0 + HOUR))
                .setKind(InjectKind.CHANNEL_OUTAGE).setTarget("CONTACT_POINT_247").build());
        assertEquals(T0 + HOUR, channels.restoredAt("CONTACT_POINT_247", T0));
        assertEquals(Optional.empty(), take(Topics.INJECTS, POC, T0, Inject.newBuilder(outage(T0, T0 + HOUR))
                .setKind(InjectKind.SURGE).build()));
        assertEquals(List.of(), inbox.due(Long.MAX_VALUE));
        assertThrows(RuntimeException.class, () -> intake.take(Topics.CHANNEL_CONTACT_POINT_247, POC, T0, new byte[] {1, 2, 3}));
    }

    private Optional<InboxIntake.Rejection> take(String topic, String key, long at, Object value) {
        byte[] bytes = switch (value) {
            case Transmission t -> transmissions.serializer().serialize(topic, t);
            case Escalation e -> escalations.serializer().serialize(topic, e);
            case Inject i -> injects.serializer().serialize(topic, i);
            case Handover h -> handovers.serializer().serialize(topic, h);
            default -> throw new IllegalArgumentException(String.valueOf(value));
        };
        return intake.take(topic, key, at, bytes);
    }

    private static Optional<InboxIntake.Rejection> rejection(DeadLetters.Cause cause, String reason) {
        return Optional.of(new InboxIntake.Rejection(cause, reason));
    }
}
