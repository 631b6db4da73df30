package org.rogatory.timer.topology;

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
import org.rogatory.contracts.CaseEvent;
import org.rogatory.contracts.CaseView;
import org.rogatory.contracts.DeadLetter;
import org.rogatory.contracts.DirectoryEntry;
import org.rogatory.contracts.Escalation;
import org.rogatory.platform.serde.AvroSerdes;
import org.rogatory.platform.topics.Topics;
import org.rogatory.timer.domain.CaseFile;
import org.rogatory.timer.domain.ClockPolicy;
import org.rogatory.timer.domain.LadderPolicy;

import java.util.Map;

/**
 * The case timer's topology, for the service and for TopologyTestDriver tests alike.
 *
 * <pre>
 * coop.case-events ─┐
 * coop.node-actions ┼─▶ case-timer ──▶ coop.cases, coop.escalations, coop.deadletter
 * coop.clock ───────┤   (case files,  └─▶ links topic (keyed by the earlier case) ─┐
 * links topic ──────┘    deadlines)                                                │
 *        ▲──────────────────────────────────────────────────────────────────────────┘
 * coop.directory ──▶ global store (calendars, liaison officers, foreign ministries)
 * </pre>
 *
 * <p>Linked cases have their own ids, so a follow-up (a formal MLA after a preservation, an
 * extradition request after a provisional arrest, a written confirmation after an INTERPOL
 * request) usually lives on another partition than the case it follows up. The follow-up's
 * processor knows the link (the request's linkedCaseIds, kept in its case file) and writes its
 * own record, re-keyed by the earlier case id, to the links topic; the same processor reads that
 * topic and finds the earlier case's file on the partition the key maps to. The links topic must
 * have as many partitions as coop.case-events so that both map a case id to the same partition.
 * This keeps one store keyed by case id (no second copy of the case keyed by parent), and the
 * write and the read are in the same exactly-once transactions as everything else. Because the
 * follow-up crosses partitions, it may reach the earlier case after that partition's clock ticks:
 * clocks that wait on another case are judged by the follow-up's own timestamp and fire only
 * {@link ClockPolicy#linkGrace()} after their deadline.
 */
public final class CaseTimerTopology {

    public static final String CASE_FILES_STORE = "case-files";
    public static final String DEADLINES_STORE = "case-deadlines";
    public static final String DIRECTORY_STORE = "node-directory";
    /** Default links topic; owned and written by the case timer only. */
    public static final String LINKS_TOPIC = "rogatory-case-timer-links";

    static final String CASES_SINK = "cases-sink";
    static final String ESCALATIONS_SINK = "escalations-sink";
    static final String DEADLETTER_SINK = "deadletter-sink";
    static final String LINKS_SINK = "links-sink";
    private static final String PROCESSOR = "case-timer";

    private CaseTimerTopology() {
    }

    /**
     * @param serdeConfig Avro serde settings under Confluent's names ({@code schema.registry.url}...)
     */
    public static Topology build(ClockPolicy clocks, LadderPolicy ladder, Map<String, ?> serdeConfig) {
        return build(clocks, ladder, serdeConfig, LINKS_TOPIC);
    }

    public static Topology build(ClockPolicy clocks, LadderPolicy ladder, Map<String, ?> serdeConfig, String linksTopic) {
        Serde<CaseEvent> events = AvroSerdes.specific(serdeConfig, false);
        Serde<DirectoryEntry> entries = AvroSerdes.specific(serdeConfig, false);
        Serde<CaseView> views = AvroSerdes.specific(serdeConfig, false);
        Serde<Escalation> escalations = AvroSerdes.specific(serdeConfig, false);
        Serde<DeadLetter> deadLetters = AvroSerdes.specific(serdeConfig, false);

        StoreBuilder<KeyValueStore<String, CaseFile>> caseFiles = Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(CASE_FILES_STORE), Serdes.String(), new CaseFileSerde()).withCachingEnabled();
        StoreBuilder<KeyValueStore<String, String>> deadlines = Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(DEADLINES_STORE), Serdes.String(), Serdes.String()).withCachingEnabled();
        StoreBuilder<KeyValueStore<String, byte[]>> directory = Stores.keyValueStoreBuilder(
            Stores.inMemoryKeyValueStore(DIRECTORY_STORE), Serdes.String(), Serdes.ByteArray()).withLoggingDisabled();

        StringDeserializer keys = new StringDeserializer();
        ByteArrayDeserializer raw = new ByteArrayDeserializer();
        Topology topology = new Topology();
        topology.addSource("case-events", keys, raw, Topics.CASE_EVENTS);
        topology.addSource("node-actions", keys, raw, Topics.NODE_ACTIONS);
        topology.addSource("clock", keys, raw, Topics.CLOCK);
        topology.addSource("links", keys, raw, linksTopic);
        topology.addProcessor(PROCESSOR,
            () -> new CaseTimerProcessor(clocks, ladder, events.deserializer(), entries.deserializer(), linksTopic),
            "case-events", "node-actions", "clock", "links");
        topology.addStateStore(caseFiles, PROCESSOR);
        topology.addStateStore(deadlines, PROCESSOR);
        topology.addSink(CASES_SINK, Topics.CASES, new StringSerializer(), views.serializer(), PROCESSOR);
        topology.addSink(ESCALATIONS_SINK, Topics.ESCALATIONS, new StringSerializer(), escalations.serializer(), PROCESSOR);
        topology.addSink(DEADLETTER_SINK, Topics.DEADLETTER, new StringSerializer(), deadLetters.serializer(), PROCESSOR);
        topology.addSink(LINKS_SINK, linksTopic, new StringSerializer(), new ByteArraySerializer(), PROCESSOR);
        topology.addGlobalStore(directory, "directory", keys, raw, Topics.DIRECTORY, "directory-loader", DirectoryLoader::new);
        return topology;
    }
}
