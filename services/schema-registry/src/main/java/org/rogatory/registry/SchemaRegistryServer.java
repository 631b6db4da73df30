package org.rogatory.registry;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The registry inside another JVM (the CLI's {@code up} and all-in-one modes, tests): reads the
 * log, then serves on 127.0.0.1.
 */
public final class SchemaRegistryServer implements AutoCloseable {

    /**
     * What the registry needs whatever application.yml the classpath holds (an embedding
     * application may shadow this module's): its beans switched on, and Confluent's media types
     * handled as JSON.
     */
    static final Map<String, Object> REQUIRED = Map.of(
        "registry.enabled", true,
        "micronaut.codec.json.additional-types",
        List.of("application/vnd.schemaregistry.v1+json", "application/vnd.schemaregistry+json"));

    private final ApplicationContext context;
    private final EmbeddedServer server;

    private SchemaRegistryServer(ApplicationContext context, EmbeddedServer server) {
        this.context = context;
        this.server = server;
    }

    /** @param port 0 for any free port */
    public static SchemaRegistryServer start(String bootstrapServers, int port) {
        return start(bootstrapServers, port, Map.of());
    }

    /**
     * @param properties further configuration, e.g. {@code registry.leader-url} for a follower or
     *                   {@code registry.topic}
     */
    public static SchemaRegistryServer start(String bootstrapServers, int port, Map<String, Object> properties) {
        Map<String, Object> all = new HashMap<>(properties);
        all.putAll(REQUIRED);
        all.put("registry.bootstrap-servers", bootstrapServers);
        // micronaut-kafka's own clients (health indicator, metrics) read the standard key; unset, they try localhost:9092.
        all.put("kafka.bootstrap.servers", bootstrapServers);
        all.put("micronaut.server.port", port == 0 ? -1 : port); // Micronaut's "random port"
        all.putIfAbsent("micronaut.server.host", "127.0.0.1");
        ApplicationContext context = ApplicationContext.builder().properties(all).deduceEnvironment(false).start();
        try {
            EmbeddedServer server = context.getBean(EmbeddedServer.class).start();
            return new SchemaRegistryServer(context, server);
        } catch (RuntimeException e) {
            context.close();
            throw e;
        }
    }

    /** {@code http://127.0.0.1:<port>} */
    public String url() {
        return "http://" + server.getHost() + ":" + server.getPort();
    }

    @Override
    public void close() {
        server.stop();
        context.close();
    }
}
