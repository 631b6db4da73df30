package org.rogatory.gateway;

import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rogatory.platform.serde.AvroSerdeConfig;
import org.rogatory.platform.topics.Topics;

import java.time.Instant;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** The gateway's topology keeps the exercise's simulated time: the latest coop.clock tick, whatever order partitions are read in. */
class ExerciseClockTopologyTest {

    @Test
    @DisplayName("the latest tick is the exercise clock; an earlier tick read later does not set it back")
    void latestTick() {
        StreamsBuilder builder = new StreamsBuilder();
        IntakeTopology.define(builder, Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://exercise-clock-test"));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "exercise-clock-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), props)) {
            assertThat(driver.<String, Long>getKeyValueStore(IntakeTopology.EXERCISE_CLOCK_STORE).get(LatestTick.WATERMARK)).isNull();
            TestInputTopic<String, byte[]> clock = driver.createInputTopic(Topics.CLOCK, new StringSerializer(),
                new ByteArraySerializer());
            Instant t1 = Instant.parse("2026-01-07T00:00:00Z");
            Instant t0 = Instant.parse("2026-01-05T00:00:00Z");
            clock.pipeInput("runner", new byte[0], t1);
            clock.pipeInput("runner", new byte[0], t0);

            assertThat(driver.<String, Long>getKeyValueStore(IntakeTopology.EXERCISE_CLOCK_STORE).get(LatestTick.WATERMARK))
                .isEqualTo(t1.toEpochMilli());
        }
    }
}
