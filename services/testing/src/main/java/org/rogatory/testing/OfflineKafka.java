package org.rogatory.testing;

import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * One real Kafka broker (KRaft, broker + controller) in Docker, shared by every test of a JVM and
 * started on first use. The image is the offline {@code rogatory/kafka:4.2.0}, which follows the
 * official {@code apache/kafka} image's conventions, so Testcontainers' {@link KafkaContainer}
 * drives it as if it were that image. Call {@link DockerRequirement#assumeDocker()} (or extend
 * the test with {@link DockerRequirement}) first.
 */
public final class OfflineKafka {

    public static final String IMAGE = "rogatory/kafka:4.2.0";

    /** Port of the listener Testcontainers advertises to clients outside the container. */
    private static final int CLIENT_PORT = 9092;

    private static final Logger LOG = LoggerFactory.getLogger(OfflineKafka.class);

    private static KafkaContainer broker;

    private OfflineKafka() {
    }

    /** Bootstrap servers of the shared broker ({@code localhost:<port>}), starting it if needed. */
    public static synchronized String bootstrapServers() {
        if (broker == null) {
            broker = start();
        }
        return broker.getBootstrapServers();
    }

    private static KafkaContainer start() {
        DockerImageName image = DockerImageName.parse(IMAGE).asCompatibleSubstituteFor("apache/kafka");
        KafkaContainer container = new KafkaContainer(image)
                .withImagePullPolicy(new LocalImagesOnly())
                .withStartupTimeout(Duration.ofSeconds(90))
                // Published on the loopback interface only, on a free port Docker picks.
                .withCreateContainerCmdModifier(cmd -> cmd.getHostConfig().withPortBindings(
                        new PortBinding(Ports.Binding.bindIp("127.0.0.1"), ExposedPort.tcp(CLIENT_PORT))));
        long begin = System.nanoTime();
        container.start();
        // Ryuk, which would remove the container after the JVM, is off here (its image cannot be pulled).
        Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "offline-kafka-stop"));
        LOG.info("Kafka container {} ready at {} in {} ms", IMAGE, container.getBootstrapServers(),
                Duration.ofNanos(System.nanoTime() - begin).toMillis());
        return container;
    }
}
