package org.rogatory.platform.kafka;

import kafka.server.KafkaConfig;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.errors.BrokerIdNotRegisteredException;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.PrintStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * A real single-node Kafka (KRaft, combined broker + controller) in this JVM, bound to loopback.
 * Used by the embedded all-in-one mode and by tests that need a broker without Docker.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);
    private static final int NODE_ID = 1;
    /** Written when {@link #close()} has stopped the broker; absent at start means the last process died with it running. */
    private static final String STOPPED_MARKER = ".rogatory-stopped";
    private static final Duration RELEASE_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaRaftServer server;
    private final Path dataDir;
    private final boolean deleteOnClose;
    private final String bootstrapServers;

    private EmbeddedKafka(KafkaRaftServer server, Path dataDir, boolean deleteOnClose, String bootstrapServers) {
        this.server = server;
        this.dataDir = dataDir;
        this.deleteOnClose = deleteOnClose;
        this.bootstrapServers = bootstrapServers;
    }

    /** Starts a broker on a free port in a fresh temporary directory, deleted on close. */
    public static EmbeddedKafka start() {
        return start(0, null);
    }

    /**
     * @param port    client port on 127.0.0.1, 0 for any free port
     * @param dataDir log directory (formatted on first use, reused after); null for a temporary one
     */
    public static EmbeddedKafka start(int port, Path dataDir) {
        try {
            boolean temporary = dataDir == null;
            Path dir = temporary ? Files.createTempDirectory("rogatory-kafka-") : dataDir;
            Files.createDirectories(dir);
            int clientPort = port == 0 ? freePort() : requireFree(port);
            int controllerPort = freePort();
            Map<String, Object> props = combinedSettings(dir, clientPort, controllerPort);
            KafkaConfig config = new KafkaConfig(props, false);
            Path stopped = dir.resolve(STOPPED_MARKER);
            // A formatted directory is reopened as it is: a restart keeps topics and offsets.
            if (!Files.exists(dir.resolve("meta.properties"))) {
                format(dir, config);
            } else if (!Files.exists(stopped)) {
                releaseCrashedRegistration(props, controllerPort, dir);
            }
            Files.deleteIfExists(stopped);
            KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
            server.startup();
            return new EmbeddedKafka(server, dir, temporary, "127.0.0.1:" + clientPort);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the Kafka data directory", e);
        }
    }

    private static Map<String, Object> combinedSettings(Path dir, int clientPort, int controllerPort) {
        Map<String, Object> props = new HashMap<>();
        props.put("process.roles", "broker,controller");
        props.put("node.id", String.valueOf(NODE_ID));
        props.put("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
        props.put("listeners", "PLAINTEXT://127.0.0.1:" + clientPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + clientPort);
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("log.dirs", dir.toString());
        props.put("num.partitions", "1");
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "4");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("transaction.state.log.num.partitions", "4");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        // Simulated time lives in record timestamps: never reject "old" or "future" timestamps.
        props.put("log.message.timestamp.before.max.ms", String.valueOf(Long.MAX_VALUE));
        props.put("log.message.timestamp.after.max.ms", String.valueOf(Long.MAX_VALUE));
        props.put("log.retention.ms", "-1");
        props.put("auto.create.topics.enable", "false");
        // Broker and controller share this JVM with the services: a busy moment must not fence
        // the broker (leaders lost, idempotent producers failing) for a missed heartbeat.
        props.put("broker.session.timeout.ms", "60000");
        return props;
    }

    /**
     * The previous process on this directory died without stopping its broker (killed, power lost)
     * or failed to start it, so the metadata log may still hold a dead broker incarnation as
     * registered and unfenced. When the controller becomes active it grants every unfenced
     * registration a fresh session ({@code broker.session.timeout.ms}, 60 s here) and refuses a new
     * incarnation of the same node id until that session expires; the new broker gives up
     * registering after {@code initial.broker.registration.timeout.ms} (also 60 s), so the restart
     * would fail. Before the broker starts, the controller alone runs over the directory and
     * unregisters the dead incarnation, as an operator would with {@code kafka-cluster unregister};
     * the broker then registers at once and recovers its logs as after any unclean shutdown.
     */
    private static void releaseCrashedRegistration(Map<String, Object> combined, int controllerPort, Path dir) {
        Map<String, Object> props = new HashMap<>(combined);
        props.put("process.roles", "controller");
        props.put("listeners", "CONTROLLER://127.0.0.1:" + controllerPort);
        props.remove("advertised.listeners");
        props.remove("inter.broker.listener.name");
        KafkaRaftServer controller = new KafkaRaftServer(new KafkaConfig(props, false), Time.SYSTEM);
        controller.startup();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_CONTROLLERS_CONFIG, "127.0.0.1:" + controllerPort))) {
            admin.unregisterBroker(NODE_ID).all().get(RELEASE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            LOG.info("Kafka in {} was not stopped cleanly: released the dead broker's registration, recovering its logs", dir);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof BrokerIdNotRegisteredException)) {
                throw new IllegalStateException("cannot release the registration of the broker that last ran in " + dir
                    + ": " + e.getCause().getMessage(), e.getCause());
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("the controller over " + dir + " did not answer within " + RELEASE_TIMEOUT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reopening " + dir, e);
        } finally {
            controller.shutdown();
            controller.awaitShutdown();
        }
    }

    private static void format(Path dir, KafkaConfig config) {
        try {
            new Formatter()
                .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                .setNodeId(NODE_ID)
                .setClusterId(Uuid.randomUuid().toString())
                .setDirectories(java.util.List.of(dir.toString()))
                .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                .setControllerListenerName("CONTROLLER")
                .setMetadataLogDirectory(dir.toString())
                .setIgnoreFormatted(true)
                .run();
        } catch (Exception e) {
            throw new IllegalStateException("cannot format KRaft storage in " + dir + ": " + e.getMessage(), e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        }
    }

    private static int requireFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("127.0.0.1", port));
            return port;
        } catch (IOException e) {
            throw new IllegalStateException("Kafka port " + port + " on 127.0.0.1 is already in use", e);
        }
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public Path dataDir() {
        return dataDir;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
        try {
            if (deleteOnClose) {
                try (Stream<Path> files = Files.walk(dataDir)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            } else {
                Files.createFile(dataDir.resolve(STOPPED_MARKER));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
