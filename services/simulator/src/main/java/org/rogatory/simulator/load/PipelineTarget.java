package org.rogatory.simulator.load;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.rogatory.contracts.Transmission;
import org.rogatory.platform.serde.AvroSerdeConfig;
import org.rogatory.platform.serde.KafkaAvroDeserializer;
import org.rogatory.platform.topics.Topics;
import org.rogatory.simulator.run.Pipeline;
import org.rogatory.simulator.run.Quiescence;
import org.rogatory.simulator.workload.TimedRecord;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The live pipeline: requests go to coop.requests.submitted as the exercise control writes them,
 * stamped with their intended send time, which is their simulated time (the live clock ticks wall time).
 * The router decides on arrival (coop.case-events) and writes the transmission to its channel topic;
 * the node takes it in at the next tick (coop.node-actions); the case timer shows it (coop.cases).
 */
final class PipelineTarget implements LoadTarget {

    static final String SUBMITTED = "submitted";
    static final String DECIDED = "decided";
    static final String ROUTED = "routed";
    /** Idle enough: a few ticks in flight on each partition, no request. */
    private static final long IDLE_BACKLOG = 100;
    private static final Duration SETTLE_LIMIT = Duration.ofMinutes(2);

    private final Pipeline pipeline;
    private final RequestMix mix;
    private final List<Stage> stages;
    private final Quiescence quiescence;

    PipelineTarget(Pipeline pipeline, RequestMix mix, String registryUrl, Admin admin) {
        this.pipeline = pipeline;
        this.quiescence = pipeline.quiescence(admin);
        this.mix = mix;
        this.stages = stages(registryUrl, 0, UnaryOperator.identity());
    }

    /**
     * The stages from submission on, whose records name the case: {@code requestOf} says which request a case
     * id is, {@code hopsBefore} how many hops precede submission (the gateway's intake).
     */
    static List<Stage> stages(String registryUrl, int hopsBefore, UnaryOperator<String> requestOf) {
        KafkaAvroDeserializer avro = new KafkaAvroDeserializer();
        avro.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl, AvroSerdeConfig.SPECIFIC_AVRO_READER, true), false);
        Function<ConsumerRecord<String, byte[]>, String> byKey = record -> requestOf.apply(record.key());
        // channel topics are keyed by receiving node: the case is in the transmission's header
        Stage routed = new Stage(ROUTED, hopsBefore + 1, List.of(Topics.CHANNEL_CENTRAL_AUTHORITY, Topics.CHANNEL_CONTACT_POINT_247,
            Topics.CHANNEL_I247, Topics.CHANNEL_DIPLOMATIC),
            record -> requestOf.apply(((Transmission) avro.deserialize(record.topic(), record.value())).getHeader().getCaseId()));
        return List.of(new Stage(SUBMITTED, hopsBefore, List.of(Topics.REQUESTS_SUBMITTED), byKey),
            new Stage(DECIDED, hopsBefore + 1, List.of(Topics.CASE_EVENTS), byKey), routed,
            new Stage("node action", hopsBefore + 2, List.of(Topics.NODE_ACTIONS), byKey),
            new Stage("case view", hopsBefore + 2, List.of(Topics.CASES), byKey));
    }

    @Override
    public String name() {
        return "pipeline";
    }

    /**
     * Waits until the services have done the work earlier steps left them (the nodes and the case
     * timer fall behind the router at high rates): it would take the cores from this step.
     */
    @Override
    public void begin(String step, int recordBytes) {
        // the scenario's requests are as long as they are
        long deadline = System.nanoTime() + SETTLE_LIMIT.toNanos();
        while (backlog() > IDLE_BACKLOG && System.nanoTime() < deadline) {
            LockSupport.parkNanos(200_000_000L);
        }
    }

    /** Records the services have not yet committed: the live clock's latest ticks at least, when idle. */
    private long backlog() {
        return quiescence.lag().values().stream().mapToLong(Long::longValue).sum();
    }

    @Override
    public List<Stage> stages() {
        return stages;
    }

    @Override
    public String keyStage() {
        return DECIDED;
    }

    @Override
    public void send(String id, long intendedEpochMillis) {
        pipeline.publish(List.of(new TimedRecord(intendedEpochMillis, Topics.REQUESTS_SUBMITTED, id,
            mix.request(id, intendedEpochMillis))));
    }

    @Override
    public void flush() {
        pipeline.flush();
    }

    @Override
    public void end() {
        pipeline.flush();
    }
}
