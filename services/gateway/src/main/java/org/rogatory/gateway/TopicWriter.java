package org.rogatory.gateway;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.rogatory.platform.serde.AvroSerdeConfig;
import org.rogatory.platform.serde.KafkaAvroSerializer;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The gateway's writes of what clients send (submissions, players' actions): each waits for the
 * broker's acknowledgement by all replicas, so an accepted answer means the record is on the log.
 */
@Singleton
@Requires(property = "rogatory.gateway.enabled", value = "true")
public class TopicWriter implements AutoCloseable {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(TopicWriter.class);

    private final KafkaProducer<String, Object> producer;

    public TopicWriter(@Value("${kafka.bootstrap.servers}") String bootstrapServers,
                       @Value("${kafka.schema.registry.url}") String registryUrl) {
        Map<String, Object> config = new HashMap<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
            ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
            AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl));
        KafkaAvroSerializer values = new KafkaAvroSerializer();
        values.configure(config, false);
        this.producer = new KafkaProducer<>(config, new StringSerializer(), values);
    }

    /**
     * Writes {@code value} keyed by {@code caseId} at {@code timestamp} (simulated time) and waits for it.
     *
     * @throws IllegalStateException when the broker does not take it
     */
    public void write(String topic, String caseId, long timestamp, Object value) {
        try {
            producer.send(new ProducerRecord<>(topic, null, timestamp, caseId, value)).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot write " + caseId + " to " + topic + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing " + caseId + " to " + topic, e);
        }
    }

    /**
     * Writes {@code value} without waiting (the audit trail, after an answer was given): a record
     * the broker refuses after the producer's retries is logged as an error, naming it.
     */
    public void append(String topic, String key, long timestamp, Object value) {
        producer.send(new ProducerRecord<>(topic, null, timestamp, key, value), (metadata, error) -> {
            if (error != null) {
                LOG.error("cannot write to {}: {} (lost: {})", topic, error.toString(), value);
            }
        });
    }

    @Override
    @PreDestroy
    public void close() {
        producer.close();
    }
}
