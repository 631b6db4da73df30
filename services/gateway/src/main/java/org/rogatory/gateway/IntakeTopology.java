package org.rogatory.gateway;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.rogatory.contracts.CooperationRequest;
import org.rogatory.contracts.DirectoryEntry;
import org.rogatory.contracts.ExerciseStatus;
import org.rogatory.platform.serde.AvroSerdes;
import org.rogatory.platform.topics.Topics;

import java.util.Map;

/**
 * The gateway's stream: accepted submissions, keyed by case id on {@link #SUBMISSIONS_TOPIC}, go on
 * to {@code coop.requests.submitted} once per case id. The case id is derived from the
 * idempotency key, so a retried submission has the same key here; the case ids already passed on
 * are kept in a changelogged store, so one partition's task (whichever instance runs it, before
 * or after a restart) is the only judge of a key, and exactly-once processing makes "forwarded"
 * and "remembered" one transaction. The directory, as a global table, lets every instance check
 * states and nodes; the latest coop.clock tick, as a global store, gives every instance the
 * exercise's simulated time to stamp a player's action with ({@link ExerciseClock}); the live
 * exercise's status, as a global table, what a trainer's command is checked against
 * ({@link ExerciseCommands}).
 */
public final class IntakeTopology {

    /** Accepted submissions, before the once-per-case check (co-partitioned with coop.requests.submitted). */
    public static final String SUBMISSIONS_TOPIC = "rogatory-gateway-submissions";
    /** Case id → the event id of the submission passed on for it. */
    public static final String PASSED_ON_STORE = "gateway-passed-on";
    /** Node id → directory entry, on every instance. */
    public static final String DIRECTORY_STORE = "gateway-directory";
    /** The live exercise's status (coop.exercise), on every instance: what a trainer's command is checked against. */
    public static final String EXERCISE_STORE = "gateway-exercise";
    /** The latest coop.clock tick's simulated time, on every instance ({@link LatestTick}). */
    public static final String EXERCISE_CLOCK_STORE = "gateway-exercise-clock";

    private IntakeTopology() {
    }

    public static KStream<String, CooperationRequest> define(StreamsBuilder builder, Map<String, Object> serdeConfig) {
        Serde<CooperationRequest> requests = AvroSerdes.specific(serdeConfig, false);
        Serde<DirectoryEntry> entries = AvroSerdes.specific(serdeConfig, false);
        builder.globalTable(Topics.DIRECTORY, Consumed.with(Serdes.String(), entries),
            Materialized.<String, DirectoryEntry, KeyValueStore<Bytes, byte[]>>as(DIRECTORY_STORE)
                .withKeySerde(Serdes.String()).withValueSerde(entries));
        Serde<ExerciseStatus> statuses = AvroSerdes.specific(serdeConfig, false);
        builder.globalTable(Topics.EXERCISE, Consumed.with(Serdes.String(), statuses),
            Materialized.<String, ExerciseStatus, KeyValueStore<Bytes, byte[]>>as(EXERCISE_STORE)
                .withKeySerde(Serdes.String()).withValueSerde(statuses));
        // the topic is the store's log: rebuilt from coop.clock through LatestTick at every start
        builder.addGlobalStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(EXERCISE_CLOCK_STORE),
                Serdes.String(), Serdes.Long()).withLoggingDisabled(), Topics.CLOCK,
            Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("exercise-clock"),
            () -> new LatestTick(EXERCISE_CLOCK_STORE));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PASSED_ON_STORE),
            Serdes.String(), Serdes.String()));
        KStream<String, CooperationRequest> firsts = builder.stream(SUBMISSIONS_TOPIC, Consumed.with(Serdes.String(), requests))
            .process(FirstSubmission::new, PASSED_ON_STORE);
        firsts.to(Topics.REQUESTS_SUBMITTED, Produced.with(Serdes.String(), requests));
        return firsts;
    }

    /** Passes a case's first submission on; a retry of it (same case id) stops here. */
    private static final class FirstSubmission implements Processor<String, CooperationRequest, String, CooperationRequest> {
        private ProcessorContext<String, CooperationRequest> context;
        private KeyValueStore<String, String> passedOn;

        @Override
        public void init(ProcessorContext<String, CooperationRequest> context) {
            this.context = context;
            this.passedOn = context.getStateStore(PASSED_ON_STORE);
        }

        @Override
        public void process(Record<String, CooperationRequest> submission) {
            if (passedOn.get(submission.key()) == null) {
                passedOn.put(submission.key(), submission.value().getHeader().getEventId());
                context.forward(submission);
            }
        }
    }
}
