package org.rogatory.authorities.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;
import org.rogatory.authorities.domain.NodeBehaviourTable;
import org.rogatory.authorities.domain.TransportPolicy;
import org.rogatory.contracts.CaseEvent;
import org.rogatory.contracts.Channel;
import org.rogatory.contracts.DeadLetter;
import org.rogatory.contracts.DirectoryEntry;
import org.rogatory.contracts.Escalation;
import org.rogatory.contracts.Handover;
import org.rogatory.contracts.Inject;
import org.rogatory.contracts.Transmission;
import org.rogatory.platform.serde.AvroSerdes;
import org.rogatory.platform.streams.DirectoryLoader;
import org.rogatory.platform.streams.NamedSinks;
import org.rogatory.platform.topics.Topics;

/**
 * The simulated nodes' topology, for the service and for TopologyTestDriver tests alike.
 *
 * <pre>
 * coop.channel.* (key: node) ───────────┐
 * coop.injects (key: target node) ──────┤
 * escalations-by-node (key: node) ──────┼─▶ authorities ──▶ coop.node-actions (key: case id)
 * handovers-by-node (key: node) ───────┤   (inbox buffer,  ├─▶ coop.deadletter
 * player-steps-by-node (key: node) ────┤
 * coop.clock (watermark ticks) ─────────┘    node models,   └─▶ handovers-by-node (the round trip's hops)
 *                                             backlog store: GET /nodes/{id}/backlog)
 * coop.escalations (key: case) ──▶ escalation-router ──▶ escalations-by-node
 * coop.player-actions (key: case) ──▶ player-action-relay ──▶ coop.node-actions
 *                                                           └─▶ player-steps-by-node (a forward for execution)
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
 * The round trip's domestic hops go the same way, through the handovers-by-node topic: an
 * executing authority has one model, in the task holding it, whichever node sends it work.
 *
 * <p>Nodes that people play (the exercise's players) have no model: their inputs are left to the
 * person, who reads the node's inbox through the gateway, and what the person does comes back on
 * coop.player-actions, which this service relays, so coop.node-actions keeps one writer. A
 * player's forward for execution also goes, keyed by the played node, to that node's model, which
 * sends the request on to its state's executing authority as a simulated node would.
 */
public final class AuthoritiesTopology {

    public static final String INBOX_STORE = "authorities-inbox";
    public static final String WATERMARK_STORE = "authorities-watermark";
    /** Channel outages (CHANNEL_OUTAGE injects): {@code channel|start} → end, simulated millis. */
    public static final String CHANNEL_OUTAGES_STORE = "authorities-channel-outages";
    public static final String DIRECTORY_STORE = "authorities-directory";
    /** Escalations keyed by the node they are addressed to; owned and written by the authorities only. */
    public static final String ESCALATIONS_BY_NODE_TOPIC = "rogatory-authorities-escalations-by-node";
    /** The round trip's domestic hops keyed by the node they reach; owned, written and read by the authorities only. */
    public static final String HANDOVERS_BY_NODE_TOPIC = "rogatory-authorities-handovers-by-node";
    /** A played node's forwards for execution, keyed by that node; owned, written and read by the authorities only. */
    public static final String PLAYER_STEPS_BY_NODE_TOPIC = "rogatory-authorities-player-steps-by-node";

    static final String NODE_ACTIONS_SINK = "node-actions-sink";
    static final String DEADLETTER_SINK = "deadletter-sink";
    static final String ESCALATIONS_BY_NODE_SINK = "escalations-by-node-sink";
    static final String HANDOVERS_BY_NODE_SINK = "handovers-by-node-sink";
    static final String ROUTER_DEADLETTER_SINK = "escalation-router-deadletter-sink";
    static final String RELAYED_SINK = "player-actions-relayed-sink";
    static final String PLAYER_STEPS_SINK = "player-steps-by-node-sink";
    static final String RELAY_DEADLETTER_SINK = "player-action-relay-deadletter-sink";
    private static final String PROCESSOR = "authorities";
    private static final String ESCALATION_ROUTER = "escalation-router";
    private static final String PLAYER_ACTION_RELAY = "player-action-relay";

    private AuthoritiesTopology() {
    }

    /**
     * @param behaviours  node behaviour from the scenario
     * @param translationHours translation delay the world sets (rule 6), unless a node's behaviour overrides it
     * @param seed        scenario seed: every random draw is keyed by (seed, case id, step)
     * @param playedNodes nodes people play: no model acts for them, their players' actions are relayed
     * @param transport   the e-CODEX transport's delays and timeout
     * @param serdeConfig Avro serde settings under Confluent's names ({@code schema.registry.url}...)
     */
    public static Topology build(NodeBehaviourTable behaviours, double translationHours, long seed, Set<String> playedNodes,
                                 TransportPolicy transport, Map<String, ?> serdeConfig) {
        StreamsBuilder builder = new StreamsBuilder();
        define(builder, behaviours, translationHours, seed, playedNodes, transport, serdeConfig);
        return builder.build();
    }

    /** Defines the nodes on {@code builder} (the service's configured builder, or a test's); returns their actions. */
    public static KStream<String, Object> define(StreamsBuilder builder, NodeBehaviourTable behaviours, double translationHours,
                                                 long seed, Set<String> playedNodes, TransportPolicy transport,
                                                 Map<String, ?> serdeConfig) {
        Serde<Transmission> transmissions = AvroSerdes.specific(serdeConfig, false);
        Serde<Escalation> escalations = AvroSerdes.specific(serdeConfig, false);
        Serde<Inject> injects = AvroSerdes.specific(serdeConfig, false);
        Serde<DirectoryEntry> entries = AvroSerdes.specific(serdeConfig, false);
        Serde<CaseEvent> events = AvroSerdes.specific(serdeConfig, false);
        Serde<DeadLetter> deadLetters = AvroSerdes.specific(serdeConfig, false);
        Serde<Handover> handovers = AvroSerdes.specific(serdeConfig, false);

        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(INBOX_STORE), Serdes.String(), Serdes.ByteArray()));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(WATERMARK_STORE), Serdes.String(), Serdes.Long()));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(CHANNEL_OUTAGES_STORE), Serdes.String(), Serdes.Long()));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(BacklogView.STORE), Serdes.String(), Serdes.String()));
        builder.addGlobalStore(Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(DIRECTORY_STORE), Serdes.String(), Serdes.ByteArray()).withLoggingDisabled(),
                Topics.DIRECTORY, Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("directory"),
                () -> new DirectoryLoader(DIRECTORY_STORE));

        List<String> inputs = new ArrayList<>();
        for (Channel channel : Channel.values()) {
            if (channel != Channel.UNKNOWN) {
                inputs.add(Topics.forChannel(channel));
            }
        }
        inputs.addAll(List.of(Topics.INJECTS, ESCALATIONS_BY_NODE_TOPIC, HANDOVERS_BY_NODE_TOPIC, PLAYER_STEPS_BY_NODE_TOPIC,
                Topics.CLOCK));
        NodeFactory nodes = new NodeFactory(behaviours, translationHours, seed, playedNodes, transport);
        // Each processor forwards an output to the sink named for it: the sinks are its children by those names.
        KStream<String, Object> actions = builder
                .stream(inputs, Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("authorities-inputs"))
                .process(() -> new AuthoritiesProcessor(nodes, transmissions.deserializer(),
                        escalations.deserializer(), injects.deserializer(), entries.deserializer(), handovers.deserializer(),
                        events.deserializer()),
                        Named.as(PROCESSOR),
                        INBOX_STORE, WATERMARK_STORE, CHANNEL_OUTAGES_STORE, BacklogView.STORE);
        actions.to(Topics.NODE_ACTIONS, Produced.with(Serdes.String(), NamedSinks.serde(events)).withName(NODE_ACTIONS_SINK));
        actions.to(Topics.DEADLETTER, Produced.with(Serdes.String(), NamedSinks.serde(deadLetters)).withName(DEADLETTER_SINK));
        actions.to(HANDOVERS_BY_NODE_TOPIC, Produced.with(Serdes.String(), NamedSinks.serde(handovers))
                .withName(HANDOVERS_BY_NODE_SINK));

        KStream<String, Object> byNode = builder
                .stream(Topics.ESCALATIONS, Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("escalations"))
                .process(() -> new EscalationRouter(escalations.deserializer()), Named.as(ESCALATION_ROUTER));
        byNode.to(ESCALATIONS_BY_NODE_TOPIC, Produced.with(Serdes.String(), NamedSinks.serde(Serdes.ByteArray()))
                .withName(ESCALATIONS_BY_NODE_SINK));
        byNode.to(Topics.DEADLETTER, Produced.with(Serdes.String(), NamedSinks.serde(deadLetters)).withName(ROUTER_DEADLETTER_SINK));

        KStream<String, Object> relayed = builder
                .stream(Topics.PLAYER_ACTIONS, Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("player-actions"))
                .process(() -> new PlayerActionRelay(events.deserializer(), playedNodes), Named.as(PLAYER_ACTION_RELAY));
        relayed.to(Topics.NODE_ACTIONS, Produced.with(Serdes.String(), NamedSinks.serde(events)).withName(RELAYED_SINK));
        relayed.to(PLAYER_STEPS_BY_NODE_TOPIC, Produced.with(Serdes.String(), NamedSinks.serde(events)).withName(PLAYER_STEPS_SINK));
        relayed.to(Topics.DEADLETTER, Produced.with(Serdes.String(), NamedSinks.serde(deadLetters)).withName(RELAY_DEADLETTER_SINK));
        return actions;
    }

}
