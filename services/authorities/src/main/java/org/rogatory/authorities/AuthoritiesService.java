package org.rogatory.authorities;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.rogatory.authorities.scenario.LoadedScenario;
import org.rogatory.authorities.scenario.NodeBehaviourTable;
import org.rogatory.authorities.scenario.ScenarioLoader;
import org.rogatory.authorities.topology.AuthoritiesTopology;
import org.rogatory.platform.serde.AvroSerdeConfig;
import org.rogatory.platform.streams.RunningStreams;
import org.rogatory.platform.streams.StandaloneService;
import org.rogatory.platform.topics.TopicCatalogue;
import org.rogatory.platform.topics.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated nodes as a service: runs the authorities topology with exactly-once processing
 * for one scenario (its node behaviour and seed). Several services may run in one JVM (the
 * CLI's embedded mode).
 */
public final class AuthoritiesService implements AutoCloseable {

    public static final String APPLICATION_ID = "rogatory-authorities";
    private static final Logger LOG = LoggerFactory.getLogger(AuthoritiesService.class);

    private KafkaStreams streams;

    /**
     * Starts the nodes; returns once the streams are running.
     *
     * @param settings         Kafka Streams settings and the serde's ({@code schema.registry.url} required)
     * @param scenario         the scenario whose node behaviour and seed the nodes follow
     * @param translationHours the world's translation delay (rule 6), for nodes the scenario says nothing about
     */
    public void start(Properties settings, LoadedScenario scenario, double translationHours) {
        if (streams != null) {
            throw new IllegalStateException("authorities already started");
        }
        Map<String, Object> serdeConfig = new HashMap<>();
        settings.stringPropertyNames().forEach(n -> serdeConfig.put(n, settings.getProperty(n)));
        AvroSerdeConfig.from(serdeConfig); // fails fast without a registry

        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION_ID);
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.putAll(serdeConfig);
        ensureEscalationsByNodeTopic(config);

        KafkaStreams started = RunningStreams.start(AuthoritiesTopology.build(
                new NodeBehaviourTable(scenario.scenario().nodeBehaviour()), translationHours, scenario.scenario().seed(),
                serdeConfig), config, "authorities");
        streams = started;
        LOG.info("authorities running for scenario {} (seed {})", scenario.scenario().name(), scenario.scenario().seed());
    }

    /** False once the streams stopped or failed: the run loop stops waiting on a dead service. */
    public boolean isRunning() {
        return streams != null && streams.state().isRunningOrRebalancing();
    }

    @Override
    public void close() {
        if (streams != null) {
            streams.close(Duration.ofSeconds(30));
            streams = null;
            LOG.info("authorities stopped");
        }
    }

    /** Escalations re-keyed by node must land on the partition of that node's inbox: same partition count as the channels. */
    private static void ensureEscalationsByNodeTopic(Properties config) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                config.getProperty(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG)))) {
            TopicCatalogue.ensureCoPartitioned(admin, AuthoritiesTopology.ESCALATIONS_BY_NODE_TOPIC,
                    Topics.CHANNEL_CENTRAL_AUTHORITY, TopicCatalogue.EVENT_LOG);
        }
    }

    /**
     * Runs the nodes alone for the scenario file given as first argument, configured by
     * {@code KAFKA_BOOTSTRAP_SERVERS}, {@code SCHEMA_REGISTRY_URL}, {@code AUTHORITIES_STATE_DIR}
     * and {@code AUTHORITIES_TRANSLATION_HOURS} (the world's translation delay; 72 as in
     * DOMAIN.md when unset); an optional second argument names a properties file with further
     * Kafka Streams settings, which the environment overrides.
     */
    public static void main(String[] args) throws InterruptedException {
        if (args.length == 0) {
            throw new IllegalArgumentException("usage: AuthoritiesService <scenario.yaml> [settings.properties]");
        }
        LoadedScenario scenario = ScenarioLoader.load(Path.of(args[0]));
        Properties settings = StandaloneService.settings(args.length > 1 ? Path.of(args[1]) : null, "AUTHORITIES_STATE_DIR");
        String translation = System.getenv("AUTHORITIES_TRANSLATION_HOURS");
        double translationHours = translation == null || translation.isBlank() ? 72 : Double.parseDouble(translation);
        StandaloneService.runUntilStopped(new AuthoritiesService(),
                nodes -> nodes.start(settings, scenario, translationHours), "authorities");
    }
}
