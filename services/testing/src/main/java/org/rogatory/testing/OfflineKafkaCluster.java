package org.rogatory.testing;

import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.lifecycle.Startables;
import org.testcontainers.utility.DockerImageName;

/**
 * Three Kafka nodes (KRaft, each broker and controller, a three-voter quorum) in Docker from the
 * offline {@link OfflineKafka#IMAGE}, set up as a production cluster would be: every topic
 * replicated three times by default, {@code min.insync.replicas} 2, and the same for the consumer
 * offsets and the transaction state (exactly-once services write there). Never pulls. Call
 * {@link DockerRequirement#assumeDocker()} first; {@link #close()} removes the containers and
 * their network.
 */
public final class OfflineKafkaCluster implements AutoCloseable {

    public static final int NODES = 3;
    public static final short REPLICATION_FACTOR = 3;
    public static final int MIN_IN_SYNC_REPLICAS = 2;

    /** Brokers' listener for clients on this host, published on a loopback port. */
    private static final int CLIENT_PORT = 9092;
    /** Brokers' listener for each other (replication), on the cluster's own network. */
    private static final int INTERNAL_PORT = 29092;
    private static final int CONTROLLER_PORT = 9093;
    /** Any fixed id: every node of one cluster formats its storage with the same. */
    private static final String CLUSTER_ID = "R0gat0ryScaleOutTest3Q";
    private static final Logger LOG = LoggerFactory.getLogger(OfflineKafkaCluster.class);

    private final Network network;
    private final List<GenericContainer<?>> nodes;
    private final String bootstrapServers;

    private OfflineKafkaCluster(Network network, List<GenericContainer<?>> nodes, String bootstrapServers) {
        this.network = network;
        this.nodes = nodes;
        this.bootstrapServers = bootstrapServers;
    }

    /** Starts the three nodes together (none is ready before the quorum has a leader); returns once all run. */
    public static OfflineKafkaCluster start() {
        Network network = Network.newNetwork();
        String voters = IntStream.rangeClosed(1, NODES).mapToObj(id -> id + "@" + alias(id) + ":" + CONTROLLER_PORT)
                .collect(Collectors.joining(","));
        List<GenericContainer<?>> nodes = new ArrayList<>();
        List<String> bootstrap = new ArrayList<>();
        for (int id = 1; id <= NODES; id++) {
            // The client listener advertises the host port, so it must be known before the broker
            // starts: a free one picked here, published on loopback only.
            int hostPort = freePort();
            bootstrap.add("127.0.0.1:" + hostPort);
            nodes.add(node(id, voters, hostPort, network));
        }
        long begin = System.nanoTime();
        try {
            Startables.deepStart(nodes).join();
        } catch (RuntimeException e) {
            nodes.forEach(GenericContainer::stop);
            network.close();
            throw e;
        }
        OfflineKafkaCluster cluster = new OfflineKafkaCluster(network, nodes, String.join(",", bootstrap));
        LOG.info("Kafka cluster of {} nodes ({}) ready at {} in {} ms", NODES, OfflineKafka.IMAGE, cluster.bootstrapServers,
                Duration.ofNanos(System.nanoTime() - begin).toMillis());
        return cluster;
    }

    @SuppressWarnings("resource") // each container is stopped by close()
    private static GenericContainer<?> node(int id, String voters, int hostPort, Network network) {
        return new GenericContainer<>(DockerImageName.parse(OfflineKafka.IMAGE))
                .withImagePullPolicy(new LocalImagesOnly())
                .withNetwork(network)
                .withNetworkAliases(alias(id))
                .withEnv("CLUSTER_ID", CLUSTER_ID)
                .withEnv("KAFKA_NODE_ID", String.valueOf(id))
                .withEnv("KAFKA_PROCESS_ROLES", "broker,controller")
                .withEnv("KAFKA_LISTENERS", "HOST://0.0.0.0:" + CLIENT_PORT + ",INTERNAL://0.0.0.0:" + INTERNAL_PORT
                        + ",CONTROLLER://0.0.0.0:" + CONTROLLER_PORT)
                .withEnv("KAFKA_ADVERTISED_LISTENERS", "HOST://127.0.0.1:" + hostPort + ",INTERNAL://" + alias(id) + ":" + INTERNAL_PORT)
                .withEnv("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP", "HOST:PLAINTEXT,INTERNAL:PLAINTEXT,CONTROLLER:PLAINTEXT")
                .withEnv("KAFKA_INTER_BROKER_LISTENER_NAME", "INTERNAL")
                .withEnv("KAFKA_CONTROLLER_LISTENER_NAMES", "CONTROLLER")
                .withEnv("KAFKA_CONTROLLER_QUORUM_VOTERS", voters)
                .withEnv("KAFKA_DEFAULT_REPLICATION_FACTOR", String.valueOf(REPLICATION_FACTOR))
                .withEnv("KAFKA_MIN_INSYNC_REPLICAS", String.valueOf(MIN_IN_SYNC_REPLICAS))
                .withEnv("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", String.valueOf(REPLICATION_FACTOR))
                .withEnv("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", String.valueOf(REPLICATION_FACTOR))
                .withEnv("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", String.valueOf(MIN_IN_SYNC_REPLICAS))
                .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false")
                // Simulated time is far from wall time: keep every record, accept any record timestamp.
                .withEnv("KAFKA_LOG_RETENTION_MS", "-1")
                .withEnv("KAFKA_LOG_MESSAGE_TIMESTAMP_BEFORE_MAX_MS", String.valueOf(Long.MAX_VALUE))
                .withEnv("KAFKA_LOG_MESSAGE_TIMESTAMP_AFTER_MAX_MS", String.valueOf(Long.MAX_VALUE))
                // Three JVMs beside the test's own on a small machine: small heaps, and a busy
                // moment must not fence a broker for a missed heartbeat.
                .withEnv("KAFKA_HEAP_OPTS", "-Xms128m -Xmx384m")
                .withEnv("KAFKA_BROKER_SESSION_TIMEOUT_MS", "30000")
                .withExposedPorts(CLIENT_PORT)
                .withCreateContainerCmdModifier(cmd -> cmd.getHostConfig().withPortBindings(
                        new PortBinding(Ports.Binding.bindIpAndPort("127.0.0.1", hostPort), ExposedPort.tcp(CLIENT_PORT))))
                // Logged by the image at INFO once the broker has registered with the quorum's leader.
                .waitingFor(Wait.forLogMessage(".*Transitioning from RECOVERY to RUNNING.*", 1)
                        .withStartupTimeout(Duration.ofSeconds(180)));
    }

    private static String alias(int id) {
        return "kafka-" + id;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on loopback", e);
        }
    }

    /**
     * Stops node {@code id} (1 to {@link #NODES}) as an operator would ({@code docker stop}: SIGTERM,
     * a controlled shutdown that hands its leaderships over), keeping its data and its host port.
     */
    public void stopNode(int id) {
        DockerClientFactory.instance().client().stopContainerCmd(node(id).getContainerId()).withTimeout(60).exec();
        LOG.info("Kafka node {} stopped", id);
    }

    /** Starts a node {@link #stopNode stopped} before, on its data; it rejoins the quorum and catches up by itself. */
    public void startNode(int id) {
        DockerClientFactory.instance().client().startContainerCmd(node(id).getContainerId()).exec();
        LOG.info("Kafka node {} started again", id);
    }

    private GenericContainer<?> node(int id) {
        if (id < 1 || id > NODES) {
            throw new IllegalArgumentException("node ids are 1 to " + NODES + ", not " + id);
        }
        return nodes.get(id - 1);
    }

    /** The three brokers' client listeners, {@code 127.0.0.1:<port>,…}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public void close() {
        nodes.forEach(GenericContainer::stop);
        network.close();
    }
}
