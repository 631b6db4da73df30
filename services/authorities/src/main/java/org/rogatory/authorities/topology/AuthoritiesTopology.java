package org.rogatory.authorities.topology;

import java.util.Map;

import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.rogatory.authorities.scenario.NodeBehaviourTable;
import org.rogatory.contracts.CaseEvent;
import org.rogatory.contracts.Channel;
import org.rogatory.contracts.DeadLetter;
import org.rogatory.contracts.DirectoryEntry;
import org.rogatory.contracts.Escalation;
import org.rogatory.contracts.Inject;
import org.rogatory.contracts.Transmission;
import org.rogatory.platform.serde.AvroSerdes;
import org.rogatory.platform.topics.Topics;

/**
 * The simulated nodes' topology, for the service and for TopologyTestDriver tests alike.
 *
 * <pre>
 * coop.channel.* (key: node) ───────────┐
 * coop.injects (key: target node) ──────┤
 * escalations-by-node (key: node) ──────┼─▶ authorities ──▶ coop.node-actions (key: case id)
 * coop.clock (watermark ticks) ─────────┘   (inbox buffer,  └─▶ coop.deadletter
 *                                             node models)
 * coop.escalations (key: case) ──▶ escalation-router ──▶ escalations-by-node
 * coop.directory ──▶ global store (officers, hours, zone, languages of each node)
 * </pre>
 *
 * <p>Inputs wait in the inbox store until a coop.clock tick (the watermark) passes their
 * simulated time; they are then fed to the node models in (time, case id) order, so the result
 * does not depend on the order in which partitions were read. Fed inputs stay in the store: after
 * a restart the node models are rebuilt by replaying them, which gives the same state because the
 * models are deterministic. Escalations are keyed by case id; they are re-keyed by the node they
 * are addressed to (the handling node for reminders and supervisors), through a topic that must
 * have as many partitions as the channel topics, so that they reach the task holding that node.
 */
public final class AuthoritiesTopology {

    public static final String INBOX_STORE = "authorities-inbox";
    public static final String WATERMARK_STORE = "authorities-watermark";
    /** Channel outages (CHANNEL_OUTAGE injects): {@code channel|start} → end, simulated millis. */
    public static final String CHANNEL_OUTAGES_STORE = "authorities-channel-outages";
    public static final String DIRECTORY_STORE = "authorities-directory";
    /** Escalations keyed by the node they are addressed to; owned and written by the authorities only. */
    public static final String ESCALATIONS_BY_NODE_TOPIC = "rogatory-authorities-escalations-by-node";

    static final String NODE_ACTIONS_SINK = "node-actions-sink";
    static final String DEADLETTER_SINK = "deadletter-sink";
    static final String ESCALATIONS_BY_NODE_SINK = "escalations-by-node-sink";
    static final String ROUTER_DEADLETTER_SINK = "escalation-router-deadletter-sink";
    private static final String PROCESSOR = "authorities";
    private static final String ESCALATION_ROUTER = "escalation-router";

    private AuthoritiesTopology() {
    }

    /**
     * @param behaviours  node behaviour from the scenario
     * @param translationHours translation delay the world sets (rule 6), unless a node's behaviour overrides it
     * @param seed        scenario seed: every random draw is keyed by (seed, case id, step)
     * @param serdeConfig Avro serde settings under Confluent's names ({@code schema.registry.url}...)
     */
    public static Topology build(NodeBehaviourTable behaviours, double translationHours, long seed, Map<String, ?> serdeConfig) {
        Serde<Transmission> transmissions = AvroSerdes.specific(serdeConfig, false);
        Serde<Escalation> escalations = AvroSerdes.specific(serdeConfig, false);
        Serde<Inject> injects = AvroSerdes.specific(serdeConfig, false);
        Serde<DirectoryEntry> entries = AvroSerdes.specific(serdeConfig, false);
        Serde<CaseEvent> events = AvroSerdes.specific(serdeConfig, false);
        Serde<DeadLetter> deadLetters = AvroSerdes.specific(serdeConfig, false);

        StoreBuilder<KeyValueStore<String, byte[]>> inbox = Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(INBOX_STORE), Serdes.String(), Serdes.ByteArray());
        StoreBuilder<KeyValueStore<String, Long>> watermark = Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(WATERMARK_STORE), Serdes.String(), Serdes.Long());
        StoreBuilder<KeyValueStore<String, Long>> outages = Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(CHANNEL_OUTAGES_STORE), Serdes.String(), Serdes.Long());
        StoreBuilder<KeyValueStore<String, byte[]>> directory = Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(DIRECTORY_STORE), Serdes.String(), Serdes.ByteArray()).withLoggingDisabled();

        StringDeserializer keys = new StringDeserializer();
        ByteArrayDeserializer raw = new ByteArrayDeserializer();
        Topology topology = new Topology();
        String[] sources = new String[Channel.values().length + 2];
        int s = 0;
        for (Channel channel : Channel.values()) {
            if (channel != Channel.UNKNOWN) {
                String topic = Topics.forChannel(channel);
                topology.addSource(topic, keys, raw, topic);
                sources[s++] = topic;
            }
        }
        topology.addSource(Topics.INJECTS, keys, raw, Topics.INJECTS);
        sources[s++] = Topics.INJECTS;
        topology.addSource(ESCALATIONS_BY_NODE_TOPIC, keys, raw, ESCALATIONS_BY_NODE_TOPIC);
        sources[s++] = ESCALATIONS_BY_NODE_TOPIC;
        topology.addSource(Topics.CLOCK, keys, raw, Topics.CLOCK);
        sources[s] = Topics.CLOCK;

        NodeFactory nodes = new NodeFactory(behaviours, translationHours, seed);
        topology.addProcessor(PROCESSOR,
                () -> new AuthoritiesProcessor(nodes, transmissions.deserializer(), escalations.deserializer(),
                        injects.deserializer(), entries.deserializer()),
                sources);
        topology.addStateStore(inbox, PROCESSOR);
        topology.addStateStore(watermark, PROCESSOR);
        topology.addStateStore(outages, PROCESSOR);
        topology.addSink(NODE_ACTIONS_SINK, Topics.NODE_ACTIONS, new StringSerializer(), events.serializer(), PROCESSOR);
        topology.addSink(DEADLETTER_SINK, Topics.DEADLETTER, new StringSerializer(), deadLetters.serializer(), PROCESSOR);

        topology.addSource(Topics.ESCALATIONS, keys, raw, Topics.ESCALATIONS);
        topology.addProcessor(ESCALATION_ROUTER, () -> new EscalationRouter(escalations.deserializer()), Topics.ESCALATIONS);
        topology.addSink(ESCALATIONS_BY_NODE_SINK, ESCALATIONS_BY_NODE_TOPIC, new StringSerializer(), new ByteArraySerializer(),
                ESCALATION_ROUTER);
        topology.addSink(ROUTER_DEADLETTER_SINK, Topics.DEADLETTER, new StringSerializer(), deadLetters.serializer(),
                ESCALATION_ROUTER);

        topology.addGlobalStore(directory, "directory", keys, raw, Topics.DIRECTORY, "directory-loader", DirectoryLoader::new);
        return topology;
    }
}
