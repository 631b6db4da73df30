package org.rogatory.simulator.cli;

import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.rogatory.contracts.CaseStatus;
import org.rogatory.contracts.Channel;
import org.rogatory.contracts.RequestType;
import org.rogatory.platform.serde.AvroSerdeConfig;
import org.rogatory.platform.serde.KafkaAvroSerializer;
import org.rogatory.platform.topics.TopicCatalogue;
import org.rogatory.platform.topics.Topics;
import org.rogatory.testing.DockerRequirement;
import org.rogatory.testing.OfflineKafka;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.rogatory.testing.Contracts.action;
import static org.rogatory.testing.Contracts.routed;

/**
 * {@code rogatory service NAME} as a container runs it: a separate JVM configured by the
 * environment, serving until SIGTERM, with its HTTP surface; a wrong setting stops it at once; two
 * of them share one application id. The broker is the offline image in Docker ({@link OfflineKafka}).
 */
class StandaloneServicesIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Logger LOG = LoggerFactory.getLogger(StandaloneServicesIT.class);
    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
    private static final int CASES = 30;
    private static String bootstrap;

    @TempDir
    Path work;

    @BeforeAll
    static void broker() {
        DockerRequirement.assumeDocker();
        bootstrap = OfflineKafka.bootstrapServers();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            TopicCatalogue.ensure(admin, TopicCatalogue.DEFAULT_PARTITIONS);
        }
    }

    @Test
    @DisplayName("service schema-registry serves until SIGTERM and says where; service case-timer beside it is ready on /health; service gateway asks it for cases")
    void registryAndTimer() throws Exception {
        int registryPort = freePort();
        try (CliProcess registry = CliProcess.start(work.resolve("registry"), Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", bootstrap, "SCHEMA_REGISTRY_PORT", String.valueOf(registryPort)),
                "service", "schema-registry")) {
            registry.awaitErr("schema registry serving http://127.0.0.1:" + registryPort, Duration.ofMinutes(1));
            // It keeps serving (it used to exit after about 5 s with nothing listening).
            await().during(Duration.ofSeconds(8)).atMost(Duration.ofSeconds(20))
                .until(() -> get(registryPort, "/subjects").statusCode() == 200);

            int httpPort = freePort();
            try (CliProcess timer = CliProcess.start(work.resolve("timer"), Map.of(
                    "KAFKA_BOOTSTRAP_SERVERS", bootstrap,
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
                        "KAFKA_BOOTSTRAP_SERVERS", bootstrap,
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
                "KAFKA_BOOTSTRAP_SERVERS", bootstrap,
                "ROGATORY_CASE_TIMER_WATERMARK_GRACE", "two days"), "service", "case-timer")) {
            assertThat(timer.awaitExit(Duration.ofMinutes(1))).isEqualTo(2);
            assertThat(timer.stderr()).filteredOn(line -> line.startsWith("rogatory: ")).containsExactly(
                "rogatory: rogatory.case-timer.watermark-grace: 'two days' is not a duration: write e.g. 4h, 90d, 5wd, 2d12h, "
                    + "30m or PT4H (from the environment variable ROGATORY_CASE_TIMER_WATERMARK_GRACE)");
        }
    }

    /**
     * Two {@code service case-timer} processes of one application id (each its own HTTP port and
     * state directory): the cases are shared between them, and either answers {@code GET /cases/{id}} for every case.
     */
    @Test
    @DisplayName("two case-timer processes, one application id: the same case view from either, for every case")
    void sameViewFromEither() throws Exception {
        long begin = System.nanoTime();
        int registryPort = freePort();
        try (CliProcess registry = CliProcess.start(work.resolve("registry"), Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", bootstrap, "SCHEMA_REGISTRY_PORT", String.valueOf(registryPort)),
                "service", "schema-registry")) {
            registry.awaitErr("schema registry serving", Duration.ofMinutes(1));
            String registryUrl = "http://127.0.0.1:" + registryPort;
            int portA = freePort();
            int portB = freePort();
            // Each process has its own temporary folder (CliProcess), where Kafka Streams keeps its state by default.
            try (CliProcess a = timer("timer-a", bootstrap, registryUrl, portA);
                 CliProcess b = timer("timer-b", bootstrap, registryUrl, portB);
                 KafkaProducer<String, Object> producer = producer(bootstrap, registryUrl)) {
                a.awaitErr("case-timer running", Duration.ofMinutes(2));
                b.awaitErr("case-timer running", Duration.ofMinutes(2));
                await().atMost(Duration.ofMinutes(2)).until(() ->
                    get(portA, "/health/readiness").statusCode() == 200 && get(portB, "/health/readiness").statusCode() == 200);
                assertThat(a.tmpDir()).isNotEqualTo(b.tmpDir());

                Map<String, CaseStatus> expected = new LinkedHashMap<>();
                for (int i = 0; i < CASES; i++) {
                    String id = "C-" + i;
                    Instant at = T0.plusSeconds(60L * i);
                    producer.send(new ProducerRecord<>(Topics.CASE_EVENTS, null, at.toEpochMilli(), id,
                        routed(id, RequestType.MLA, Channel.CENTRAL_AUTHORITY, "BRV-CA-MLA", at, false)));
                    expected.put(id, CaseStatus.ROUTED);
                }
                producer.flush();
                awaitEveryCase(portA, portB, expected);

                // A node's actions reach the timer after the routing (an action for a case it has not seen is a dead letter).
                for (int i = 0; i < CASES; i++) {
                    String id = "C-" + i;
                    List<CaseStatus> steps = switch (i % 3) {
                        case 0 -> List.of();
                        case 1 -> List.of(CaseStatus.DELIVERED);
                        default -> List.of(CaseStatus.DELIVERED, CaseStatus.ACKNOWLEDGED);
                    };
                    for (int s = 0; s < steps.size(); s++) {
                        Instant at = T0.plusSeconds(60L * i + 3600L * (s + 1));
                        producer.send(new ProducerRecord<>(Topics.NODE_ACTIONS, null, at.toEpochMilli(), id,
                            action(id, RequestType.MLA, steps.get(s), at)));
                        expected.put(id, steps.get(s));
                    }
                }
                producer.flush();
                awaitEveryCase(portA, portB, expected);

                // Each case is held by one process; the other answered it above by asking that one.
                List<Integer> heldByA = new ArrayList<>();
                for (int i = 0; i < CASES; i++) {
                    int fromA = get(portA, "/cases/C-" + i + "?local=true").statusCode();
                    int fromB = get(portB, "/cases/C-" + i + "?local=true").statusCode();
                    assertThat(List.of(fromA, fromB)).as("C-%d held by exactly one", i).containsExactlyInAnyOrder(200, 404);
                    if (fromA == 200) {
                        heldByA.add(i);
                    }
                }
                LOG.info("A holds {} of {} cases; the view of C-2: {}", heldByA.size(), CASES, get(portB, "/cases/C-2").body());
                assertThat(heldByA).as("the cases are shared between the two").isNotEmpty().hasSizeLessThan(CASES);
                assertThat(a.terminate(Duration.ofMinutes(1))).as("SIGTERM").isEqualTo(143);
                assertThat(b.terminate(Duration.ofMinutes(1))).as("SIGTERM").isEqualTo(143);
            }
            assertThat(registry.terminate(Duration.ofMinutes(1))).as("SIGTERM").isEqualTo(143);
        }
        LOG.info("two case timers: {} s from the broker to both stopped", Duration.ofNanos(System.nanoTime() - begin).toSeconds());
    }

    private CliProcess timer(String name, String bootstrap, String registryUrl, int port) {
        return CliProcess.start(work.resolve(name), Map.of(
            "KAFKA_BOOTSTRAP_SERVERS", bootstrap,
            "SCHEMA_REGISTRY_URL", registryUrl,
            "ROGATORY_HTTP_PORT", String.valueOf(port),
            "ROGATORY_APPLICATION_SERVER", "127.0.0.1:" + port), "service", "case-timer");
    }

    /** Every case answers 200 from either process, with the same view, in its expected status. */
    private static void awaitEveryCase(int portA, int portB, Map<String, CaseStatus> expected) {
        await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> {
            for (Map.Entry<String, CaseStatus> c : expected.entrySet()) {
                HttpResponse<String> fromA = get(portA, "/cases/" + c.getKey());
                HttpResponse<String> fromB = get(portB, "/cases/" + c.getKey());
                assertThat(fromA.statusCode()).as("%s from A: %s", c.getKey(), fromA.body()).isEqualTo(200);
                assertThat(fromA.body()).contains("\"caseId\": \"" + c.getKey() + "\"")
                    .contains("\"status\": \"" + c.getValue() + "\"");
                assertThat(fromB.body()).as("%s from B", c.getKey()).isEqualTo(fromA.body());
            }
        });
    }

    private static KafkaProducer<String, Object> producer(String bootstrap, String registryUrl) {
        Map<String, Object> config = Map.of("bootstrap.servers", bootstrap, AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl);
        KafkaAvroSerializer values = new KafkaAvroSerializer();
        values.configure(config, false);
        return new KafkaProducer<>(config, new StringSerializer(), values);
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
