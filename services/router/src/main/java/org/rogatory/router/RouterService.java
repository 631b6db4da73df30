package org.rogatory.router;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.rogatory.platform.serde.AvroSerdeConfig;
import org.rogatory.platform.streams.StandaloneService;
import org.rogatory.platform.topics.TopicCatalogue;
import org.rogatory.router.domain.RoutingParameters;
import org.rogatory.router.topology.RouterSerdes;
import org.rogatory.router.topology.RouterSettings;
import org.rogatory.router.topology.RouterTopology;
import org.rogatory.router.world.WorldLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The router as a service: Kafka Streams running {@link RouterTopology}. Several services can run
 * in one JVM (the CLI's all-in-one mode) since each has its own streams instance and state dir.
 */
public final class RouterService implements AutoCloseable {

    /** Optional property: world file whose settings give the routing parameters (else DOMAIN.md defaults). */
    public static final String WORLD_FILE = "rogatory.world";
    private static final Logger LOG = LoggerFactory.getLogger(RouterService.class);

    private KafkaStreams streams;

    /**
     * @param properties Kafka Streams properties ({@code bootstrap.servers} required) plus
     *                   {@code schema.registry.url} and optionally {@value #WORLD_FILE}
     */
    public synchronized void start(Properties properties) {
        if (streams != null) {
            throw new IllegalStateException("router already started");
        }
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, RouterSettings.APPLICATION_ID);
        config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        config.put(StreamsConfig.STATE_DIR_CONFIG, temporaryStateDir());
        config.putAll(properties);
        String world = config.getProperty(WORLD_FILE);
        RoutingParameters parameters = world == null ? RoutingParameters.defaults() : WorldLoader.load(Path.of(world)).parameters();
        Map<String, Object> registry = new HashMap<>();
        config.stringPropertyNames().stream().filter(k -> k.startsWith("schema.registry.") || k.equals(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS))
            .forEach(k -> registry.put(k, config.getProperty(k)));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.getProperty(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG)))) {
            TopicCatalogue.ensure(admin, TopicCatalogue.DEFAULT_PARTITIONS);
        }
        streams = new KafkaStreams(RouterTopology.build(new RouterSettings(parameters), RouterSerdes.avro(registry)), config);
        streams.start();
        LOG.info("router started: application {}, world {}", config.getProperty(StreamsConfig.APPLICATION_ID_CONFIG),
            world == null ? "defaults" : world);
    }

    public synchronized KafkaStreams.State state() {
        return streams == null ? KafkaStreams.State.NOT_RUNNING : streams.state();
    }

    @Override
    public synchronized void close() {
        if (streams != null) {
            streams.close(Duration.ofSeconds(30));
            streams = null;
        }
    }

    private static String temporaryStateDir() {
        try {
            return Files.createTempDirectory("rogatory-router-").toString();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a state directory", e);
        }
    }

    /** Runs the router until the JVM is stopped: env {@code KAFKA_BOOTSTRAP_SERVERS}, {@code SCHEMA_REGISTRY_URL}, optional {@code ROGATORY_WORLD}. */
    public static void main(String[] args) throws InterruptedException {
        Properties properties = StandaloneService.settings(null, "ROUTER_STATE_DIR");
        String world = System.getenv("ROGATORY_WORLD");
        if (world != null && !world.isBlank()) {
            properties.put(WORLD_FILE, world);
        }
        StandaloneService.runUntilStopped(new RouterService(), router -> router.start(properties), "router");
    }
}
