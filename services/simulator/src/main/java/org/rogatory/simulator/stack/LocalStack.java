package org.rogatory.simulator.stack;

import org.apache.kafka.clients.admin.Admin;
import org.rogatory.platform.kafka.EmbeddedKafka;
import org.rogatory.platform.topics.TopicCatalogue;
import org.rogatory.registry.SchemaRegistryServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.Map;

/** A broker, the project's topics and the schema registry, all in this JVM on loopback. */
public final class LocalStack implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalStack.class);

    private final EmbeddedKafka kafka;
    private final SchemaRegistryServer registry;

    private LocalStack(EmbeddedKafka kafka, SchemaRegistryServer registry) {
        this.kafka = kafka;
        this.registry = registry;
    }

    /** Ports 0 pick free ones; a null data directory means a fresh temporary one. */
    public static LocalStack start(int kafkaPort, int registryPort, Path dataDir) {
        return start(kafkaPort, registryPort, dataDir, TopicCatalogue.DEFAULT_PARTITIONS);
    }

    /** @param partitions partitions of each of the project's topics it creates */
    public static LocalStack start(int kafkaPort, int registryPort, Path dataDir, int partitions) {
        EmbeddedKafka kafka = EmbeddedKafka.start(kafkaPort, dataDir);
        try {
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
                TopicCatalogue.ensure(admin, partitions);
            }
            SchemaRegistryServer registry = SchemaRegistryServer.start(kafka.bootstrapServers(), registryPort);
            LOG.info("Kafka at {} (data in {}), schema registry at {}", kafka.bootstrapServers(), kafka.dataDir(), registry.url());
            return new LocalStack(kafka, registry);
        } catch (RuntimeException e) {
            kafka.close();
            throw e;
        }
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    public String registryUrl() {
        return registry.url();
    }

    @Override
    public void close() {
        registry.close();
        kafka.close();
    }
}
