package org.rogatory.timer.topology;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.rogatory.contracts.CaseEvent;
import org.rogatory.contracts.CaseView;
import org.rogatory.contracts.ClockWarning;
import org.rogatory.contracts.DeadLetter;
import org.rogatory.contracts.DirectoryEntry;
import org.rogatory.contracts.Escalation;
import org.rogatory.platform.serde.AvroSerdes;
import org.rogatory.platform.streams.DirectoryLoader;
import org.rogatory.platform.streams.NamedSinks;
import org.rogatory.platform.topics.Topics;
import org.rogatory.timer.domain.CaseFile;
import org.rogatory.timer.domain.ClockPolicy;
import org.rogatory.timer.domain.LadderPolicy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The case timer's topology, for the service and for TopologyTestDriver tests alike.
 *
 * <pre>
 * coop.case-events ─┐
 * coop.node-actions ┼─▶ case-timer ──▶ coop.cases, coop.escalations, coop.clock-warnings, coop.deadletter
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
 * follow-up crosses partitions, it may reach the earlier case after that partition's clock ticks
 * (a partition catching up runs days ahead of another). So after each tick every partition
 * multicasts a watermark (its stream time) on the links topic, behind whatever links it wrote;
 * a clock that waits on another case fires only once every partition's watermark has passed its
 * deadline plus {@link ClockPolicy#linkGrace()}, and the follow-up is judged by its own timestamp.
 */
public final class CaseTimerTopology {

    public static final String CASE_FILES_STORE = "case-files";
    public static final String DEADLINES_STORE = "case-deadlines";
    /** Follow-up notices that arrived before their earlier case: {@code parent|time|partition|offset|case} → record. */
    public static final String PARKED_FOLLOW_UPS_STORE = "case-parked-follow-ups";
    public static final String DIRECTORY_STORE = "node-directory";
    /** Default links topic; owned and written by the case timer only. */
    public static final String LINKS_TOPIC = "rogatory-case-timer-links";

    static final String CASES_SINK = "cases-sink";
    static final String ESCALATIONS_SINK = "escalations-sink";
    static final String CLOCK_WARNINGS_SINK = "clock-warnings-sink";
    static final String DEADLETTER_SINK = "deadletter-sink";
    static final String LINKS_SINK = "links-sink";
    static final String PROCESSOR = "case-timer";

    private CaseTimerTopology() {
    }

    /**
     * @param serdeConfig Avro serde settings under Confluent's names ({@code schema.registry.url}...)
     * @param partitions partitions of coop.case-events (and of the links topic): a clock waiting on
     *                   another case fires only once every partition's ticks have passed it
     */
    public static Topology build(ClockPolicy clocks, LadderPolicy ladder, Map<String, ?> serdeConfig, int partitions) {
        return build(clocks, ladder, serdeConfig, StoreKind.PERSISTENT, partitions);
    }

    /** Where the case files and the deadline index live; both are changelogged either way. */
    public enum StoreKind {
        /** RocksDB: state larger than memory, fast restart from local state. */
        PERSISTENT,
        /** Heap: for short embedded runs at maximum speed; restored from the changelog on restart. */
        IN_MEMORY
    }

    public static Topology build(ClockPolicy clocks, LadderPolicy ladder, Map<String, ?> serdeConfig, StoreKind stores,
                                 int partitions) {
        return build(clocks, ladder, serdeConfig, stores, partitions, Duration.ZERO);
    }

    /**
     * @param watermarkGrace how far behind stream time the timer decides clocks: inputs may arrive up
     *                       to this late (allowed lateness) and still count, e.g. node actions that a
     *                       lockstep exercise run delivers one step after the tick that caused them
     */
    public static Topology build(ClockPolicy clocks, LadderPolicy ladder, Map<String, ?> serdeConfig, StoreKind stores,
                                 int partitions, Duration watermarkGrace) {
        StreamsBuilder builder = new StreamsBuilder();
        define(builder, clocks, ladder, serdeConfig, stores, partitions, watermarkGrace);
        return builder.build();
    }

    /** Defines the timer on {@code builder} (the service's configured builder, or a test's); returns its outputs. */
    public static KStream<String, Object> define(StreamsBuilder builder, ClockPolicy clocks, LadderPolicy ladder,
                                                 Map<String, ?> serdeConfig, StoreKind stores, int partitions,
                                                 Duration watermarkGrace) {
        Serde<CaseEvent> events = AvroSerdes.specific(serdeConfig, false);
        Serde<DirectoryEntry> entries = AvroSerdes.specific(serdeConfig, false);
        Serde<CaseView> views = AvroSerdes.specific(serdeConfig, false);
        Serde<Escalation> escalations = AvroSerdes.specific(serdeConfig, false);
        Serde<ClockWarning> warnings = AvroSerdes.specific(serdeConfig, false);
        Serde<DeadLetter> deadLetters = AvroSerdes.specific(serdeConfig, false);

        StoreBuilder<KeyValueStore<String, CaseFile>> caseFiles = Stores.keyValueStoreBuilder(
            store(CASE_FILES_STORE, stores), Serdes.String(), new CaseFileSerde()).withCachingEnabled();
        StoreBuilder<KeyValueStore<String, String>> deadlines = Stores.keyValueStoreBuilder(
            store(DEADLINES_STORE, stores), Serdes.String(), Serdes.String()).withCachingEnabled();
        StoreBuilder<KeyValueStore<String, byte[]>> parked = Stores.keyValueStoreBuilder(
            store(PARKED_FOLLOW_UPS_STORE, stores), Serdes.String(), Serdes.ByteArray());
        StoreBuilder<KeyValueStore<String, byte[]>> directory = Stores.keyValueStoreBuilder(
            Stores.inMemoryKeyValueStore(DIRECTORY_STORE), Serdes.String(), Serdes.ByteArray()).withLoggingDisabled();

        builder.addStateStore(caseFiles);
        builder.addStateStore(deadlines);
        builder.addStateStore(parked);
        builder.addGlobalStore(directory, Topics.DIRECTORY,
            Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("directory"), () -> new DirectoryLoader(DIRECTORY_STORE));
        // One processor reads every input (it tells them apart by topic) and forwards each output to
        // the sink named for it, so the sinks below are its children by those names.
        KStream<String, Object> outputs = builder
            .stream(List.of(Topics.CASE_EVENTS, Topics.NODE_ACTIONS, Topics.CLOCK, LINKS_TOPIC),
                Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("case-timer-inputs"))
            .process(() -> new CaseTimerProcessor(clocks, ladder, events.deserializer(), entries.deserializer(), LINKS_TOPIC,
                partitions, watermarkGrace.toMillis()), Named.as(PROCESSOR), CASE_FILES_STORE, DEADLINES_STORE,
                PARKED_FOLLOW_UPS_STORE);
        outputs.to(Topics.CASES, Produced.with(Serdes.String(), NamedSinks.serde(views)).withName(CASES_SINK));
        outputs.to(Topics.ESCALATIONS, Produced.with(Serdes.String(), NamedSinks.serde(escalations)).withName(ESCALATIONS_SINK));
        outputs.to(Topics.CLOCK_WARNINGS, Produced.with(Serdes.String(), NamedSinks.serde(warnings)).withName(CLOCK_WARNINGS_SINK));
        outputs.to(Topics.DEADLETTER, Produced.with(Serdes.String(), NamedSinks.serde(deadLetters)).withName(DEADLETTER_SINK));
        outputs.to(LINKS_TOPIC, Produced.with(Serdes.String(), NamedSinks.serde(Serdes.ByteArray())).withName(LINKS_SINK)
            .withStreamPartitioner(CaseTimerTopology::linkPartitions));
        return outputs;
    }


    /**
     * A follow-up goes to its earlier case's partition, computed as Kafka's default partitioner
     * does for coop.case-events; a watermark goes to every partition.
     */
    private static Optional<Set<Integer>> linkPartitions(String topic, String key, Object value, int count) {
        if (LinkWatermarks.isMark(key)) {
            return Optional.of(IntStream.range(0, count).boxed().collect(Collectors.toSet()));
        }
        return Optional.of(Set.of(Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % count));
    }

    private static KeyValueBytesStoreSupplier store(String name, StoreKind kind) {
        return kind == StoreKind.PERSISTENT ? Stores.persistentKeyValueStore(name) : Stores.inMemoryKeyValueStore(name);
    }
}
