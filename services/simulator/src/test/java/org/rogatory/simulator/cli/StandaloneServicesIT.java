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
    @DisplayName("service schema-registry serves until SIGTERM and says where; service case-timer beside it is ready on /health; service gateway asks it for cases")
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

                // The gateway alone asks that case timer for cases, and checks submissions against the
                // directory it reads (empty here: no state is known).
                int gatewayPort = freePort();
                try (CliProcess gateway = CliProcess.start(work.resolve("gateway"), Map.of(
                        "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                        "SCHEMA_REGISTRY_URL", "http://127.0.0.1:" + registryPort,
                        "ROGATORY_CASE_TIMER_URL", "http://127.0.0.1:" + httpPort,
                        "ROGATORY_HTTP_PORT", String.valueOf(gatewayPort)), "service", "gateway")) {
                    gateway.awaitErr("gateway running", Duration.ofMinutes(2));
                    assertThat(get(gatewayPort, "/info").body()).contains("rogatory-gateway");
                    HttpResponse<String> unknownCase = get(gatewayPort, "/api/v1/cases/NO-SUCH-CASE");
                    assertThat(unknownCase.statusCode()).isEqualTo(404);
                    assertThat(unknownCase.body()).contains("\"field\":\"caseId\"");
                    HttpResponse<String> refused = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gatewayPort
                        + "/api/v1/requests")).POST(HttpRequest.BodyPublishers.ofString(
                        "{\"requestingState\":\"ALD\"}")).build(), HttpResponse.BodyHandlers.ofString());
                    assertThat(refused.statusCode()).isEqualTo(400);
                    assertThat(refused.body()).contains("requestingState: no state ALD in the directory");
                    assertThat(gateway.terminate(Duration.ofMinutes(1))).as("SIGTERM").isEqualTo(143);
                }
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
                "rogatory: rogatory.case-timer.watermark-grace: must read like 12h or 3d (whole hours or days, not negative), "
                    + "not 'two days' (from the environment variable ROGATORY_CASE_TIMER_WATERMARK_GRACE)");
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
