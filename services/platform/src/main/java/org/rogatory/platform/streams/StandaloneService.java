package org.rogatory.platform.streams;

import org.apache.kafka.streams.StreamsConfig;
import org.rogatory.platform.serde.AvroSerdeConfig;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

/**
 * What every stream service needs to run alone (a container, {@code rogatory service NAME}):
 * settings from an optional properties file overridden by the environment, and a life that ends
 * with the JVM (Ctrl-C, SIGTERM).
 */
public final class StandaloneService {

    private StandaloneService() {
    }

    /**
     * Kafka Streams and serde settings: {@code file} (may be null), then the environment:
     * KAFKA_BOOTSTRAP_SERVERS, SCHEMA_REGISTRY_URL and {@code stateDirVariable} (default: a fresh
     * temporary directory).
     */
    public static Properties settings(Path file, String stateDirVariable) {
        Properties settings = new Properties();
        try {
            if (file != null) {
                try (Reader in = Files.newBufferedReader(file)) {
                    settings.load(in);
                }
            }
            fromEnvironment(settings, StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092");
            fromEnvironment(settings, AvroSerdeConfig.SCHEMA_REGISTRY_URL, "SCHEMA_REGISTRY_URL", "http://127.0.0.1:8081");
            String stateDir = System.getenv(stateDirVariable);
            if (stateDir != null && !stateDir.isBlank()) {
                settings.put(StreamsConfig.STATE_DIR_CONFIG, stateDir);
            } else if (!settings.containsKey(StreamsConfig.STATE_DIR_CONFIG)) {
                settings.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("rogatory-state-").toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the settings: " + e.getMessage(), e);
        }
        return settings;
    }

    /** Starts the service and blocks until the JVM is asked to stop, then closes it. */
    public static <S extends AutoCloseable> void runUntilStopped(S service, Consumer<S> start, String name)
            throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                service.close();
            } catch (Exception e) {
                throw new IllegalStateException("cannot stop the " + name + ": " + e.getMessage(), e);
            } finally {
                stopped.countDown();
            }
        }, name + "-shutdown"));
        start.accept(service);
        stopped.await();
    }

    private static void fromEnvironment(Properties settings, String key, String variable, String fallback) {
        String value = System.getenv(variable);
        if (value != null && !value.isBlank()) {
            settings.put(key, value);
        } else {
            settings.putIfAbsent(key, fallback);
        }
    }
}
