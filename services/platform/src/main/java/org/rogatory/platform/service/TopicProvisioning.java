package org.rogatory.platform.service;

import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.rogatory.platform.topics.TopicCatalogue;

import java.util.Map;

/**
 * Creates the catalogue's topics once, before any stream service defines its topology (each
 * service's stream factory depends on this bean), and the topics a service owns that must share
 * the partitioning of one of its inputs.
 */
@Singleton
public class TopicProvisioning implements AutoCloseable {

    private final Admin admin;

    public TopicProvisioning(@Value("${kafka.bootstrap.servers}") String bootstrapServers,
                             @Value("${rogatory.topics.partitions:" + TopicCatalogue.DEFAULT_PARTITIONS + "}") int partitions) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        TopicCatalogue.ensure(admin, partitions);
    }

    /** See {@link TopicCatalogue#ensureCoPartitioned}; returns the partition count. */
    public int coPartitioned(String topic, String like) {
        return TopicCatalogue.ensureCoPartitioned(admin, topic, like, TopicCatalogue.EVENT_LOG);
    }

    @Override
    @PreDestroy
    public void close() {
        admin.close();
    }
}
