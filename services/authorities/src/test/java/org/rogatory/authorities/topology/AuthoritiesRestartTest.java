package org.rogatory.authorities.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rogatory.authorities.topology.TestRecords.HOUR;
import static org.rogatory.authorities.topology.TestRecords.POC;
import static org.rogatory.authorities.topology.TestRecords.SERDES;
import static org.rogatory.authorities.topology.TestRecords.T0;
import static org.rogatory.authorities.topology.TestRecords.pocEntry;
import static org.rogatory.authorities.topology.TestRecords.transmission;
import static org.rogatory.authorities.topology.TestRecords.twoHourContactPoints;

import java.time.Instant;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rogatory.authorities.domain.TransportPolicy;
import org.rogatory.contracts.CaseEvent;
import org.rogatory.contracts.ClockTick;
import org.rogatory.contracts.DirectoryEntry;
import org.rogatory.contracts.Escalation;
import org.rogatory.contracts.Inject;
import org.rogatory.contracts.Transmission;
import org.rogatory.platform.serde.AvroSerdes;
import org.rogatory.platform.topics.Topics;

/**
 * A restarted task keeps only its stores; the node models are rebuilt by replaying the inputs
 * already fed. What the rebuilt processor publishes next must be exactly what the processor
 * that never stopped publishes.
 */
class AuthoritiesRestartTest {
    private static final long FIRST_WATERMARK = T0 + 10 * HOUR;
    private static final long SECOND_WATERMARK = T0 + 80 * HOUR;

    private final Serde<Transmission> transmissions = AvroSerdes.specific(SERDES, false);
    private final Serde<Escalation> escalations = AvroSerdes.specific(SERDES, false);
    private final Serde<Inject> injects = AvroSerdes.specific(SERDES, false);
    private final Serde<DirectoryEntry> entries = AvroSerdes.specific(SERDES, false);
    private final Serde<ClockTick> ticks = AvroSerdes.specific(SERDES, false);
    private long offset;

    @Test
    @DisplayName("after a restart the node models are rebuilt from the inbox store and carry on identically")
    void rebuilt_from_the_inbox_store() {
        Task uninterrupted = new Task();
        AuthoritiesProcessor steady = uninterrupted.processor();
        feedBacklog(uninterrupted, steady);
        tick(uninterrupted, steady, FIRST_WATERMARK);
        int before = uninterrupted.context.forwarded().size();
        tick(uninterrupted, steady, SECOND_WATERMARK);
        List<String> expected = published(uninterrupted, before);

        Task restarted = new Task();
        AuthoritiesProcessor first = restarted.processor();
        feedBacklog(restarted, first);
        tick(restarted, first, FIRST_WATERMARK);
        restarted.context.resetForwards();
        AuthoritiesProcessor second = restarted.processor(); // same stores, fresh memory
        tick(restarted, second, SECOND_WATERMARK);

        assertTrue(expected.size() > 20, "the backlog must still be working after the first watermark: " + expected.size());
        assertEquals(expected, published(restarted, 0));
    }

    /** Twenty requests twenty minutes apart for one officer who needs two hours each. */
    private void feedBacklog(Task task, AuthoritiesProcessor processor) {
        for (int i = 0; i < 20; i++) {
            long at = T0 + i * 20 * 60_000L;
            task.context.setRecordMetadata(Topics.CHANNEL_CONTACT_POINT_247, 0, offset++);
            processor.process(new Record<>(POC,
                    transmissions.serializer().serialize(Topics.CHANNEL_CONTACT_POINT_247, transmission("C-%02d".formatted(i), at)),
                    at));
        }
    }

    private void tick(Task task, AuthoritiesProcessor processor, long at) {
        task.context.setRecordMetadata(Topics.CLOCK, 0, offset++);
        processor.process(new Record<>("clock",
                ticks.serializer().serialize(Topics.CLOCK, new ClockTick(Instant.ofEpochMilli(at), "test", offset)), at));
    }

    private static List<String> published(Task task, int from) {
        return task.context.forwarded().stream().skip(from)
                .filter(f -> f.childName().orElseThrow().equals(AuthoritiesTopology.NODE_ACTIONS_SINK))
                .map(f -> f.record().key() + " " + f.record().timestamp() + " " + (CaseEvent) f.record().value())
                .toList();
    }

    /** One stream task: its stores outlive the processor instances built on them. */
    private final class Task {
        final MockProcessorContext<String, Object> context = new MockProcessorContext<>(new Properties());
        private final KeyValueStore<String, byte[]> inbox = Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(AuthoritiesTopology.INBOX_STORE), Serdes.String(), Serdes.ByteArray())
                .withLoggingDisabled().build();
        private final KeyValueStore<String, Long> watermark = Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(AuthoritiesTopology.WATERMARK_STORE), Serdes.String(), Serdes.Long())
                .withLoggingDisabled().build();
        private final KeyValueStore<String, Long> channelOutages = Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(AuthoritiesTopology.CHANNEL_OUTAGES_STORE), Serdes.String(), Serdes.Long())
                .withLoggingDisabled().build();
        private final KeyValueStore<String, String> backlog = Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(BacklogView.STORE), Serdes.String(), Serdes.String())
                .withLoggingDisabled().build();
        private final KeyValueStore<String, byte[]> directory = Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(AuthoritiesTopology.DIRECTORY_STORE), Serdes.String(), Serdes.ByteArray())
                .withLoggingDisabled().build();

        Task() {
            for (KeyValueStore<String, ?> store : List.of(inbox, watermark, channelOutages, backlog, directory)) {
                store.init(context.getStateStoreContext(), store);
                context.addStateStore(store);
            }
            directory.put(POC, entries.serializer().serialize(Topics.DIRECTORY, pocEntry()));
        }

        AuthoritiesProcessor processor() {
            AuthoritiesProcessor processor = new AuthoritiesProcessor(
                    new NodeFactory(twoHourContactPoints(), 72, 99, java.util.Set.of(), TransportPolicy.DEFAULT), transmissions.deserializer(),
                    escalations.deserializer(), injects.deserializer(), entries.deserializer());
            processor.init(context);
            return processor;
        }
    }
}
