package org.rogatory.authorities.topology;

import static org.rogatory.authorities.topology.TestRecords.SERDES;

import java.time.Instant;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.rogatory.contracts.CaseEvent;
import org.rogatory.contracts.ClockTick;
import org.rogatory.contracts.DirectoryEntry;
import org.rogatory.contracts.Escalation;
import org.rogatory.contracts.Handover;
import org.rogatory.contracts.Inject;
import org.rogatory.contracts.Transmission;
import org.rogatory.platform.serde.AvroSerdes;
import org.rogatory.platform.topics.Topics;

/**
 * One stream task of the authorities, driven record by record: its stores outlive the processor
 * instances built on them (a restart), and several tasks stand for several partitions.
 */
final class AuthoritiesTask {
    private static final Serde<Transmission> TRANSMISSIONS = AvroSerdes.specific(SERDES, false);
    private static final Serde<Escalation> ESCALATIONS = AvroSerdes.specific(SERDES, false);
    private static final Serde<Inject> INJECTS = AvroSerdes.specific(SERDES, false);
    private static final Serde<DirectoryEntry> ENTRIES = AvroSerdes.specific(SERDES, false);
    private static final Serde<ClockTick> TICKS = AvroSerdes.specific(SERDES, false);
    private static final Serde<Handover> HANDOVERS = AvroSerdes.specific(SERDES, false);
    private static final Serde<CaseEvent> EVENTS = AvroSerdes.specific(SERDES, false);

    final MockProcessorContext<String, Object> context = new MockProcessorContext<>(new Properties());
    private final NodeFactory factory;
    private final KeyValueStore<String, byte[]> directory = store(AuthoritiesTopology.DIRECTORY_STORE, Serdes.ByteArray());
    private AuthoritiesProcessor processor;
    private long offset;
    private int handoversTaken;

    /** @param directory every node of the directory (each task has the whole global store) */
    AuthoritiesTask(NodeFactory factory, List<DirectoryEntry> directory) {
        this.factory = factory;
        for (KeyValueStore<String, ?> store : List.of(store(AuthoritiesTopology.INBOX_STORE, Serdes.ByteArray()),
                store(AuthoritiesTopology.WATERMARK_STORE, Serdes.Long()),
                store(AuthoritiesTopology.CHANNEL_OUTAGES_STORE, Serdes.Long()), store(BacklogView.STORE, Serdes.String()),
                this.directory)) {
            store.init(context.getStateStoreContext(), store);
            context.addStateStore(store);
        }
        directory.forEach(entry -> this.directory.put(entry.getNodeId(), ENTRIES.serializer().serialize(Topics.DIRECTORY, entry)));
        restart();
    }

    /** A fresh processor on the same stores, as after a restart. */
    void restart() {
        processor = new AuthoritiesProcessor(factory, TRANSMISSIONS.deserializer(), ESCALATIONS.deserializer(),
                INJECTS.deserializer(), ENTRIES.deserializer(), HANDOVERS.deserializer(), EVENTS.deserializer());
        processor.init(context);
    }

    void transmission(Transmission t, long at) {
        process(Topics.forChannel(t.getChannel()), t.getToNode(), TRANSMISSIONS.serializer().serialize(Topics.forChannel(t.getChannel()), t), at);
    }

    void inject(Inject inject) {
        process(Topics.INJECTS, inject.getTarget(), INJECTS.serializer().serialize(Topics.INJECTS, inject),
                inject.getStartAt().toEpochMilli());
    }

    void handover(Handover hop) {
        process(AuthoritiesTopology.HANDOVERS_BY_NODE_TOPIC, hop.getToNode(),
                HANDOVERS.serializer().serialize(AuthoritiesTopology.HANDOVERS_BY_NODE_TOPIC, hop),
                hop.getHeader().getSimulatedTime().toEpochMilli());
    }

    void tick(long at) {
        process(Topics.CLOCK, "clock", TICKS.serializer().serialize(Topics.CLOCK, new ClockTick(Instant.ofEpochMilli(at), "test", offset)),
                at);
    }

    private void process(String topic, String key, byte[] value, long at) {
        context.setRecordMetadata(topic, 0, offset++);
        processor.process(new Record<>(key, value, at));
    }

    /** The node actions published so far, after the first {@code from}. */
    List<Record<String, Object>> actions(int from) {
        return sent(AuthoritiesTopology.NODE_ACTIONS_SINK).stream().skip(from).toList();
    }

    List<CaseEvent> actions() {
        return actions(0).stream().map(r -> (CaseEvent) r.value()).toList();
    }

    /** The hops sent since the last call. */
    List<Handover> newHandovers() {
        List<Handover> hops = sent(AuthoritiesTopology.HANDOVERS_BY_NODE_SINK).stream().skip(handoversTaken)
                .map(r -> (Handover) r.value()).toList();
        handoversTaken += hops.size();
        return hops;
    }

    @SuppressWarnings("unchecked")
    private List<Record<String, Object>> sent(String sink) {
        return context.forwarded().stream().filter(f -> f.childName().orElseThrow().equals(sink))
                .map(f -> (Record<String, Object>) f.record()).toList();
    }

    private static <V> KeyValueStore<String, V> store(String name, Serde<V> values) {
        return Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), Serdes.String(), values).withLoggingDisabled().build();
    }
}
