package org.rogatory.simulator.load;

import org.rogatory.contracts.Transmission;
import org.rogatory.platform.serde.AvroSerdeConfig;
import org.rogatory.platform.serde.KafkaAvroDeserializer;
import org.rogatory.platform.topics.Topics;
import org.rogatory.simulator.run.Pipeline;
import org.rogatory.simulator.workload.TimedRecord;

import java.util.List;
import java.util.Map;

/**
 * The live pipeline: requests go to coop.requests.submitted as the exercise control writes them,
 * stamped with their intended send time, which is their simulated time (the live clock ticks wall time).
 * The router decides on arrival (coop.case-events) and writes the transmission to its channel topic;
 * the node takes it in at the next tick (coop.node-actions); the case timer shows it (coop.cases).
 */
final class PipelineTarget implements LoadTarget {

    static final String DECIDED = "decided";
    static final String ROUTED = "routed";

    private final Pipeline pipeline;
    private final RequestMix mix;
    private final List<Stage> stages;

    PipelineTarget(Pipeline pipeline, RequestMix mix, String registryUrl) {
        this.pipeline = pipeline;
        this.mix = mix;
        KafkaAvroDeserializer avro = new KafkaAvroDeserializer();
        avro.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl, AvroSerdeConfig.SPECIFIC_AVRO_READER, true), false);
        // channel topics are keyed by receiving node: the case is in the transmission's header
        Stage routed = new Stage(ROUTED, 1, List.of(Topics.CHANNEL_CENTRAL_AUTHORITY, Topics.CHANNEL_CONTACT_POINT_247,
            Topics.CHANNEL_I247, Topics.CHANNEL_DIPLOMATIC),
            record -> ((Transmission) avro.deserialize(record.topic(), record.value())).getHeader().getCaseId());
        this.stages = List.of(Stage.keyed("submitted", 0, Topics.REQUESTS_SUBMITTED), Stage.keyed(DECIDED, 1, Topics.CASE_EVENTS),
            routed, Stage.keyed("node action", 2, Topics.NODE_ACTIONS), Stage.keyed("case view", 2, Topics.CASES));
    }

    @Override
    public String name() {
        return "pipeline";
    }

    @Override
    public void begin(String step, int recordBytes) {
        // the scenario's requests are as long as they are
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
