package org.rogatory.simulator.cli;

import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rogatory.platform.kafka.EmbeddedKafka;
import org.rogatory.platform.topics.TopicCatalogue;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code rogatory service NAME} as a container runs it: a separate JVM configured by the
 * environment, serving until SIGTERM, with its HTTP surface; a wrong setting stops it at once.
 */
class StandaloneServicesIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static EmbeddedKafka kafka;

    @TempDir
    Path work;

    @BeforeAll
    static void broker() {
        kafka = EmbeddedKafka.start();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            TopicCatalogue.ensure(admin, TopicCatalogue.DEFAULT_PARTITIONS);
        }
    }

    @AfterAll
    static void stop() {
        kafka.close();
    }

    @Test
    @DisplayName("service schema-registry serves until SIGTERM and says where; service case-timer beside it is ready on /health")
    void registryAndTimer() throws Exception {
        int registryPort = freePort();
        try (CliProcess registry = CliProcess.start(work.resolve("registry"), Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(), "SCHEMA_REGISTRY_PORT", String.valueOf(registryPort)),
                "service", "schema-registry")) {
            registry.awaitErr("schema registry serving http://127.0.0.1:" + registryPort, Duration.ofMinutes(1));
            // It keeps serving (it used to exit after about 5 s with nothing listening).
            await().during(Duration.ofSeconds(8)).atMost(Duration.ofSeconds(20))
                .until(() -> get(registryPort, "/subjects").statusCode() == 200);

            int httpPort = freePort();
            try (CliProcess timer = CliProcess.start(work.resolve("timer"), Map.of(
                    "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                    "SCHEMA_REGISTRY_URL", "http://127.0.0.1:" + registryPort,
                    "ROGATORY_HTTP_PORT", String.valueOf(httpPort)), "service", "case-timer")) {
                timer.awaitErr("case-timer running", Duration.ofMinutes(2));
                await().atMost(Duration.ofMinutes(1)).until(() -> get(httpPort, "/health/readiness").statusCode() == 200);
                assertThat(get(httpPort, "/info").body()).contains("rogatory-case-timer");
                assertThat(get(httpPort, "/prometheus").body()).contains("kafka_stream");
                assertThat(timer.terminate(Duration.ofMinutes(1))).as("SIGTERM").isEqualTo(143);
            }
            assertThat(registry.terminate(Duration.ofMinutes(1))).as("SIGTERM").isEqualTo(143);
            assertThat(registry.stderr()).noneMatch(line -> line.contains("Exception"));
        }
    }

    @Test
    @DisplayName("a wrong setting in the environment stops the service with one line naming the property and the variable")
    void wrongSettingFromTheEnvironment() {
        try (CliProcess timer = CliProcess.start(work.resolve("wrong"), Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "ROGATORY_CASE_TIMER_WATERMARK_GRACE", "two days"), "service", "case-timer")) {
            assertThat(timer.awaitExit(Duration.ofMinutes(1))).isEqualTo(2);
            assertThat(timer.stderr()).filteredOn(line -> line.startsWith("rogatory: ")).containsExactly(
                "rogatory: rogatory.case-timer.watermark-grace: 'two days' is not a duration: write e.g. 4h, 90d, 5wd, 2d12h, "
                    + "30m or PT4H (from the environment variable ROGATORY_CASE_TIMER_WATERMARK_GRACE)");
        }
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10))
            .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
