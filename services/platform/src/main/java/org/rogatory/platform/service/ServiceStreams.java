package org.rogatory.platform.service;

import io.micronaut.configuration.kafka.streams.ConfiguredStreamBuilder;
import io.micronaut.context.BeanContext;
import io.micronaut.inject.qualifiers.Qualifiers;
import jakarta.inject.Singleton;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.rogatory.platform.serde.AvroSerdeConfig;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The stream services this application runs, each with its {@code KafkaStreams}: what the health
 * indicators, the lockstep barrier and the CLI ask about them.
 */
@Singleton
public class ServiceStreams {

    private final BeanContext context;
    private final List<StreamService> services;

    public ServiceStreams(BeanContext context, List<StreamService> services) {
        this.context = context;
        this.services = services.stream().sorted(Comparator.comparingInt(StreamService::stage)).toList();
    }

    /**
     * A stream's settings as the Avro serdes read them (Confluent's names: {@code schema.registry.url}...);
     * fails at once when no registry is set.
     */
    public static Map<String, Object> serdeSettings(ConfiguredStreamBuilder builder) {
        Map<String, Object> settings = new HashMap<>();
        builder.getConfiguration().forEach((key, value) -> settings.put(key.toString(), value));
        AvroSerdeConfig.from(settings);
        return settings;
    }

    /** Enabled services in pipeline order. */
    public List<StreamService> services() {
        return services;
    }

    /** The service's {@code KafkaStreams}: micronaut-kafka-streams names each after its {@code kafka.streams.<name>} entry. */
    public KafkaStreams streams(String service) {
        return context.getBean(KafkaStreams.class, Qualifiers.byName(service));
    }

    /** The service's Kafka Streams settings. */
    public Properties configuration(String service) {
        return context.getBean(ConfiguredStreamBuilder.class, Qualifiers.byName(service)).getConfiguration();
    }

    /** The service's Kafka Streams application id: its consumer group and the prefix of its internal topics. */
    public String applicationId(String service) {
        return configuration(service).getProperty(StreamsConfig.APPLICATION_ID_CONFIG);
    }

    /** Consumer group → input topics, its repartition topics included, in pipeline order. */
    public LinkedHashMap<String, List<String>> inputsByGroup() {
        LinkedHashMap<String, List<String>> groups = new LinkedHashMap<>();
        services.forEach(s -> {
            String group = applicationId(s.name());
            List<String> inputs = new ArrayList<>(s.inputTopics());
            s.repartitions().forEach(name -> inputs.add(group + "-" + name + "-repartition"));
            groups.put(group, inputs);
        });
        return groups;
    }

    public Map<String, KafkaStreams.State> states() {
        Map<String, KafkaStreams.State> states = new LinkedHashMap<>();
        services.forEach(s -> states.put(s.name(), streams(s.name()).state()));
        return states;
    }

    /** The first service whose streams stopped or failed, with its state. */
    public Optional<String> failure() {
        return states().entrySet().stream().filter(e -> isDead(e.getValue()))
            .map(e -> "the " + e.getKey() + " service stopped (Kafka Streams state " + e.getValue() + ")").findFirst();
    }

    public boolean allRunning() {
        return states().values().stream().allMatch(state -> state == KafkaStreams.State.RUNNING);
    }

    /**
     * Blocks until every enabled service's streams run.
     *
     * @throws IllegalStateException if one fails or the timeout passes first
     */
    public void awaitRunning(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!allRunning()) {
            failure().ifPresent(reason -> {
                throw new IllegalStateException(reason + " while starting");
            });
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("services not running after " + timeout.toSeconds() + " s: " + states());
            }
            try {
                // Streams started inside the context take no state listener any more; their state is polled.
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the services were starting", e);
            }
        }
    }

    static boolean isDead(KafkaStreams.State state) {
        return state == KafkaStreams.State.ERROR || state == KafkaStreams.State.PENDING_ERROR
            || state == KafkaStreams.State.NOT_RUNNING || state == KafkaStreams.State.PENDING_SHUTDOWN;
    }
}
