package org.rogatory.simulator.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rogatory.platform.topics.TopicCatalogue;
import org.rogatory.platform.topics.Topics;
import org.rogatory.registry.SchemaRegistryServer;
import org.rogatory.simulator.exercise.LoadedScenario;
import org.rogatory.simulator.exercise.ScenarioLoader;
import org.rogatory.simulator.exercise.World;
import org.rogatory.simulator.exercise.WorldLoader;
import org.rogatory.simulator.run.ReportAggregates;
import org.rogatory.simulator.run.ExerciseRunner;
import org.rogatory.simulator.run.RunSpeed;
import org.rogatory.simulator.run.Scale;
import org.rogatory.simulator.run.StopRequest;
import org.rogatory.testing.DockerRequirement;
import org.rogatory.testing.OfflineKafkaCluster;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scale-out (docs/deployment.md): the short compose exercise on three brokers (replication factor
 * 3, min.insync.replicas 2) with two instances of every stream service gives the same report.json
 * and cases.csv as on one in-process broker with one instance of each; and every topic the run
 * used, the project's, the services' internal ones, the registry's and Kafka's own, is replicated
 * three times with two in sync required.
 */
@ExtendWith(DockerRequirement.class)
class ScaleOutIT {

    private static final Logger LOG = LoggerFactory.getLogger(ScaleOutIT.class);
    private static final Path SCENARIO = Path.of("src/test/resources/compose/compose-short.yaml");
    private static final Path SCENARIOS = Path.of("../../scenarios");
    /**
     * On three brokers a transaction's first write is refused (CONCURRENT_TRANSACTIONS) until the
     * previous one's commit markers are written, which the lockstep runner's short commit intervals
     * make frequent; the exactly-once services' producers ask again sooner than their default back-off
     * (100 ms doubling to 1 s). Results must not depend on it (DeterminismIT varies such settings).
     */
    private static final Map<String, Object> QUICK_RETRIES = Map.of(
        "kafka.streams.authorities.producer.retry.backoff.ms", 10,
        "kafka.streams.authorities.producer.retry.backoff.max.ms", 50,
        "kafka.streams.case-timer.producer.retry.backoff.ms", 10,
        "kafka.streams.case-timer.producer.retry.backoff.max.ms", 50);

    @Test
    @DisplayName("three brokers, two instances of every service: the one-broker report; every topic replicated 3 times, 2 in sync required")
    void threeBrokersTwoInstancesSameReport() throws Exception {
        LoadedScenario scenario = ScenarioLoader.load(SCENARIO.getFileName().toString(), Files.readAllBytes(SCENARIO), SCENARIOS);
        World world = WorldLoader.load(scenario.worldFile().orElseThrow());
        // The cluster's JVMs start while the one-broker run plays.
        long clusterStart = System.nanoTime();
        CompletableFuture<OfflineKafkaCluster> starting = CompletableFuture.supplyAsync(OfflineKafkaCluster::start);
        long oneBroker = System.nanoTime();
        JsonNode single = ReportAggregates.of(new ExerciseRunner().run(new ExerciseRunner.Options(scenario, world,
            RunSpeed.MAX, null, null, false)));
        LOG.info("scale-out: one broker, one instance of each service: {} s", seconds(oneBroker));

        try (OfflineKafkaCluster cluster = starting.join();
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()))) {
            LOG.info("scale-out: three brokers ready {} s after the start was asked", seconds(clusterStart));
            // The project's topics before the registry, which would otherwise create _schemas its own way.
            TopicCatalogue.ensure(admin, TopicCatalogue.DEFAULT_PARTITIONS);
            long threeBrokers = System.nanoTime();
            JsonNode scaled;
            try (SchemaRegistryServer registry = SchemaRegistryServer.start(cluster.bootstrapServers(), 0)) {
                scaled = ReportAggregates.of(new ExerciseRunner(new StopRequest(), QUICK_RETRIES,
                    new Scale(TopicCatalogue.DEFAULT_PARTITIONS, 2)).run(new ExerciseRunner.Options(scenario, world,
                    RunSpeed.MAX, cluster.bootstrapServers(), registry.url(), false)));
            }
            LOG.info("scale-out: three brokers, two instances of each service: {} s", seconds(threeBrokers));

            assertThat(single.path("totals").path("submitted").asInt()).as("requests of the short exercise").isGreaterThan(20);
            assertThat(scaled).isEqualTo(single);
            assertEveryTopicReplicated(admin);
        }
    }

    private static void assertEveryTopicReplicated(Admin admin) throws Exception {
        Collection<String> names = admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get();
        assertThat(names).as("the catalogue's, Kafka's own, the services' internal topics")
            .contains(Topics.CASE_EVENTS, Topics.SCHEMAS, "__consumer_offsets", "__transaction_state")
            .anyMatch(name -> name.endsWith("-changelog"));
        Map<String, TopicDescription> topics = admin.describeTopics(names).allTopicNames().get();
        Map<String, List<Integer>> replicas = topics.values().stream().collect(Collectors.toMap(TopicDescription::name,
            topic -> topic.partitions().stream().map(partition -> partition.replicas().size()).distinct().toList()));
        assertThat(replicas).as("replicas of each topic's partitions")
            .allSatisfy((topic, counts) -> assertThat(counts).as(topic).containsOnly((int) OfflineKafkaCluster.REPLICATION_FACTOR));

        List<ConfigResource> resources = names.stream().map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name)).toList();
        Map<ConfigResource, Config> configs = admin.describeConfigs(resources).all().get();
        Map<String, String> minInSync = configs.entrySet().stream().collect(Collectors.toMap(entry -> entry.getKey().name(),
            entry -> entry.getValue().get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG).value()));
        assertThat(minInSync).as("min.insync.replicas of each topic")
            .allSatisfy((topic, value) -> assertThat(value).as(topic).isEqualTo(String.valueOf(OfflineKafkaCluster.MIN_IN_SYNC_REPLICAS)));
        LOG.info("scale-out: {} topics, each partition on {} brokers, {} in sync required", names.size(),
            OfflineKafkaCluster.REPLICATION_FACTOR, OfflineKafkaCluster.MIN_IN_SYNC_REPLICAS);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
