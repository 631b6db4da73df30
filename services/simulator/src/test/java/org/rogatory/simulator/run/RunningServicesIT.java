package org.rogatory.simulator.run;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.rogatory.simulator.exercise.LoadedScenario;
import org.rogatory.simulator.exercise.ScenarioLoader;
import org.rogatory.platform.topics.TopicCatalogue;
import org.rogatory.platform.topics.Topics;
import org.rogatory.simulator.exercise.WorldLoader;
import org.rogatory.simulator.stack.LocalStack;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * run --use-running-services on a cluster where it has nothing to drive: each refusal is one line
 * naming what is missing, before any record is written. (Driving real services: ComposeStackIT.)
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RunningServicesIT {

    private static LocalStack stack;
    private static LoadedScenario scenario;

    @BeforeAll
    static void start() {
        stack = LocalStack.start(0, 0, null);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()))) {
            TopicCatalogue.ensure(admin, TopicCatalogue.DEFAULT_PARTITIONS);
        }
        scenario = ScenarioLoader.load(ScenarioOutcomesIT.SCENARIOS.resolve("fugitive-race.yaml"));
    }

    @AfterAll
    static void stop() {
        stack.close();
        // the ITs share one JVM: a static would keep the closed broker and registry on its heap for the rest of them
        stack = null;
    }

    @Test
    @Order(1)
    @DisplayName("no service reads the requests: refused, naming the router")
    void noRunningRouter() {
        assertThatThrownBy(this::driveRunningServices).isInstanceOf(IllegalStateException.class)
            .hasMessage("--use-running-services: no service running against " + stack.bootstrapServers() + " reads "
                + Topics.REQUESTS_SUBMITTED + " (the router); start it (docker compose up -d) or run without"
                + " --use-running-services on a fresh cluster");
    }

    @Test
    @Order(2) // leaves a tick behind
    @DisplayName("another clock already ticks (rogatory up's live services): refused before anything is written")
    void anotherClock() {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.CLOCK, 0, "wall-clock", "tick"));
        }
        assertThatThrownBy(this::driveRunningServices).isInstanceOf(IllegalStateException.class)
            .hasMessageStartingWith("--use-running-services: " + Topics.CLOCK + " at " + stack.bootstrapServers()
                + " already holds ticks (1 records): another clock drives these services (rogatory up?)");
    }

    private void driveRunningServices() {
        new ExerciseRunner().run(new ExerciseRunner.Options(scenario, WorldLoader.load(scenario.worldFile().orElseThrow()),
            RunSpeed.MAX, stack.bootstrapServers(), stack.registryUrl(), false, true));
    }
}
