package org.rogatory.router.topology;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;
import org.rogatory.contracts.DirectoryEntry;
import org.rogatory.contracts.TreatyMembership;
import org.rogatory.platform.topics.Topics;
import org.rogatory.router.domain.RoutingPolicy;

/**
 * The router: {@code coop.requests.submitted} (raw bytes) → routing decision → the channel topic
 * of the transmission (key: receiving node), {@code coop.case-events} (key: case id) and
 * {@code coop.deadletter}. The directory and treaties are global stores of version histories, read
 * as of each request's timestamp. Routed extraditions are repartitioned by person to the
 * concurrent-extradition check (rule 8), whose claims live in a persistent store. Routed informal
 * exchanges meant as evidence are repartitioned by case id to a store read with the nodes' actions
 * on coop.node-actions (rule 5): the answer opens the formal MLA follow-up, stamped later by the
 * drafting delay; a refusal, withdrawal or lapse forgets it.
 */
public final class RouterTopology {

    public static final String DIRECTORY_STORE = "router-directory";
    public static final String TREATIES_STORE = "router-treaties";
    public static final String CLAIMS_STORE = "router-extradition-claims";
    /** Internal topic (prefixed by the application id, suffixed "-repartition") keyed by person. */
    public static final String BY_PERSON = "extradition-by-person";
    /** Rule 5: routed informal exchanges whose answer calls for a formal MLA request, by case id, until answered or closed. */
    public static final String AWAITING_ANSWER_STORE = "router-awaiting-answer";
    /**
     * Internal topic keyed by case id, read with coop.node-actions: it gets the partitions of
     * coop.requests.submitted, which the topic catalogue gives every topic, so a case id maps to
     * the same partition on both.
     */
    public static final String AWAITING_BY_CASE = "informal-awaiting-answer";

    private RouterTopology() {
    }

    public static Topology build(RouterSettings settings, RouterSerdes serdes) {
        StreamsBuilder builder = new StreamsBuilder();
        define(builder, settings, serdes);
        return builder.build();
    }

    /** Defines the router on {@code builder} (the service's configured builder, or a test's); returns its decisions. */
    public static KStream<String, ?> define(StreamsBuilder builder, RouterSettings settings, RouterSerdes serdes) {
        RoutingPolicy policy = new RoutingPolicy(settings.parameters());
        // In-memory: rebuilt from the compacted topics at each start, through the versioning processor.
        builder.addGlobalStore(
            Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(DIRECTORY_STORE), Serdes.String(), Serdes.ByteArray()).withLoggingDisabled(),
            Topics.DIRECTORY, Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("directory-source"),
            () -> new WorldRecordVersioning<>(DIRECTORY_STORE, serdes.directory().deserializer(), DirectoryEntry::getState));
        builder.addGlobalStore(
            Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(TREATIES_STORE), Serdes.String(), Serdes.ByteArray()).withLoggingDisabled(),
            Topics.TREATIES, Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("treaties-source"),
            () -> new WorldRecordVersioning<>(TREATIES_STORE, serdes.treaties().deserializer(), TreatyMembership::getState));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(CLAIMS_STORE), Serdes.String(),
            new ExtraditionClaimsSerde()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(AWAITING_ANSWER_STORE), Serdes.String(),
            serdes.caseEvents()));

        KStream<String, RouterOutput> decisions = builder
            .stream(Topics.REQUESTS_SUBMITTED, Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("requests-source"))
            .process(() -> new RoutingProcessor(policy, serdes.requests().deserializer(), serdes.directory().deserializer(),
                serdes.treaties().deserializer()), Named.as("route"));
        KStream<String, RouterOutput> arbitrations = decisions
            .filter((person, out) -> out instanceof RouterOutput.Claimed, Named.as("routed-extraditions"))
            .mapValues(out -> ((RouterOutput.Claimed) out).request(), Named.as("claim-request"))
            .repartition(Repartitioned.with(Serdes.String(), serdes.requests()).withName(BY_PERSON))
            .process(() -> new ArbitrationProcessor(policy, serdes.directory().deserializer(), serdes.treaties().deserializer()),
                Named.as("arbitrate"), CLAIMS_STORE);
        decisions
            .filter((caseId, out) -> out instanceof RouterOutput.AwaitingAnswer, Named.as("awaiting-answer-filter"))
            .mapValues(out -> ((RouterOutput.AwaitingAnswer) out).routed(), Named.as("awaiting-routed-event"))
            .repartition(Repartitioned.with(Serdes.String(), serdes.caseEvents()).withName(AWAITING_BY_CASE))
            .process(AwaitingAnswerProcessor::new, Named.as("await-answer"), AWAITING_ANSWER_STORE);
        KStream<String, RouterOutput> followUps = builder
            .stream(Topics.NODE_ACTIONS, Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("node-actions-source"))
            .process(() -> new FollowUpProcessor(policy, serdes.caseEvents().deserializer(), serdes.directory().deserializer(),
                serdes.treaties().deserializer()), Named.as("follow-up"), AWAITING_ANSWER_STORE);
        sink(decisions, serdes, "decision-");
        sink(arbitrations, serdes, "arbitration-");
        sink(followUps, serdes, "follow-up-");
        return decisions;
    }

    private static void sink(KStream<String, RouterOutput> outputs, RouterSerdes serdes, String prefix) {
        outputs.split(Named.as(prefix))
            .branch((key, out) -> out instanceof RouterOutput.Transmitted, Branched.withConsumer(s -> s
                .mapValues(out -> ((RouterOutput.Transmitted) out).transmission(), Named.as(prefix + "transmission"))
                .to((key, transmission, context) -> Topics.forChannel(transmission.getChannel()),
                    Produced.with(Serdes.String(), serdes.transmissions()).withName(prefix + "channel-sink")), "transmitted"))
            .branch((key, out) -> out instanceof RouterOutput.Decided, Branched.withConsumer(s -> s
                .mapValues(out -> ((RouterOutput.Decided) out).event(), Named.as(prefix + "case-event"))
                .to(Topics.CASE_EVENTS, Produced.with(Serdes.String(), serdes.caseEvents()).withName(prefix + "case-events-sink")), "decided"))
            .branch((key, out) -> out instanceof RouterOutput.Rejected, Branched.withConsumer(s -> s
                .mapValues(out -> ((RouterOutput.Rejected) out).deadLetter(), Named.as(prefix + "dead-letter"))
                .to(Topics.DEADLETTER, Produced.with(Serdes.String(), serdes.deadLetters()).withName(prefix + "deadletter-sink")), "rejected"))
            .noDefaultBranch();
    }
}
