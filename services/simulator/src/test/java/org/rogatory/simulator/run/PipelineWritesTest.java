package org.rogatory.simulator.run;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rogatory.contracts.ClockTick;
import org.rogatory.platform.kafka.EmbeddedKafka;
import org.rogatory.platform.topics.TopicCatalogue;
import org.rogatory.platform.topics.Topics;
import org.rogatory.simulator.exercise.LoadedScenario;
import org.rogatory.simulator.exercise.ScenarioLoader;
import org.rogatory.simulator.exercise.WorldLoader;
import org.rogatory.simulator.workload.TimedRecord;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The exercise's own writes are checked: a lost input would make another exercise's report, silently. */
class PipelineWritesTest {

    @Test
    @DisplayName("a record the broker refuses fails the pipeline's flush, naming why, instead of a run that lacks an input")
    void refusedWriteFailsTheFlush() {
        LoadedScenario scenario = ScenarioLoader.load(ScenarioOutcomesIT.SCENARIOS.resolve("fugitive-race.yaml"));
        try (EmbeddedKafka kafka = EmbeddedKafka.start();
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            TopicCatalogue.ensure(admin, TopicCatalogue.DEFAULT_PARTITIONS);
            // the world is published and flushed: written
            try (Pipeline pipeline = Pipeline.drive(kafka.bootstrapServers(), "mock://pipeline-writes", scenario,
                    WorldLoader.load(scenario.worldFile().orElseThrow()), null)) {
                ClockTick tick = ClockTick.newBuilder().setSimulatedTime(Instant.EPOCH).setSource("test").setSequence(1).build();
                // larger than the producer's max.request.size (1 MiB): refused before it leaves
                pipeline.publish(List.of(new TimedRecord(0, Topics.CLOCK, "k".repeat(2 << 20), tick, 0)));
                assertThatThrownBy(pipeline::flush)
                    .hasMessageStartingWith("the exercise's records were not all written to Kafka: ")
                    .hasMessageContaining("RecordTooLargeException");
            }
        }
    }
}
