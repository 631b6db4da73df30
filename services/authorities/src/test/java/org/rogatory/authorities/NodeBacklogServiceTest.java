package org.rogatory.authorities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.rogatory.authorities.topology.TestRecords.HOUR;
import static org.rogatory.authorities.topology.TestRecords.T0;
import static org.rogatory.authorities.topology.TestRecords.pocEntry;
import static org.rogatory.authorities.topology.TestRecords.transmission;
import static org.rogatory.authorities.topology.TestRecords.twoHourContactPoints;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rogatory.authorities.topology.TestRecords;
import org.rogatory.contracts.ClockTick;
import org.rogatory.contracts.DirectoryEntry;
import org.rogatory.platform.kafka.EmbeddedKafka;
import org.rogatory.platform.serde.AvroSerdeConfig;
import org.rogatory.platform.serde.KafkaAvroSerializer;
import org.rogatory.platform.service.ServiceHost;
import org.rogatory.platform.service.StreamService;
import org.rogatory.platform.topics.TopicCatalogue;
import org.rogatory.platform.topics.Topics;

/** {@code GET /nodes/{nodeId}/backlog} on two instances of one application id, on a real (in-process) broker. */
class NodeBacklogServiceTest {
    private static final String REGISTRY = "mock://node-backlog-service-test";
    private static final int PARTITIONS = 2;
    private static final int NODES = 6;
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path state;

    @Test
    @DisplayName("every node's backlog reads the same from either instance, as one officer at two hours a request leaves it")
    void twoInstances() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start();
             Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            TopicCatalogue.ensure(admin, PARTITIONS);
            int portA = freePort();
            int portB = freePort();
            try (ServiceHost a = start(kafka, "a", portA);
                 ServiceHost b = start(kafka, "b", portB);
                 KafkaProducer<String, Object> producer = producer(kafka)) {
                producer.send(new ProducerRecord<>(Topics.DIRECTORY, null, T0, "KES-POC-IDLE", node("KES-POC-IDLE")));
                // node n receives n requests at 01:00
                for (int n = 1; n <= NODES; n++) {
                    producer.send(new ProducerRecord<>(Topics.DIRECTORY, null, T0, node(n), node(node(n))));
                }
                producer.flush();
                for (int n = 1; n <= NODES; n++) {
                    for (int i = 0; i < n; i++) {
                        long at = T0 + HOUR;
                        producer.send(new ProducerRecord<>(Topics.CHANNEL_CONTACT_POINT_247, null, at, node(n),
                                transmission("C-" + n + "-" + i, at, node(n))));
                    }
                }
                long watermark = T0 + 4 * HOUR;
                for (int p = 0; p < PARTITIONS; p++) {
                    producer.send(new ProducerRecord<>(Topics.CLOCK, p, watermark, "clock",
                            new ClockTick(Instant.ofEpochMilli(watermark), "test", 1L)));
                }
                producer.flush();

                // A minute a transport step: at 04:00 the first request was reviewed 01:03-03:03, the second is
                // under review, the others wait since their delivery at 01:02.
                await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> {
                    for (int n = 1; n <= NODES; n++) {
                        HttpResponse<String> fromA = get(portA, "/nodes/" + node(n) + "/backlog");
                        assertThat(fromA.statusCode()).as("%s from A: %s", node(n), fromA.body()).isEqualTo(200);
                        JsonNode backlog = JSON.readTree(fromA.body());
                        int waiting = Math.max(0, n - 2);
                        assertThat(backlog.path("waiting").path("count").asInt()).as(node(n)).isEqualTo(waiting);
                        assertThat(backlog.path("waiting").path("oldestSince").asText(null)).as(node(n))
                                .isEqualTo(waiting == 0 ? null : Instant.ofEpochMilli(T0 + HOUR + 2 * TestRecords.MINUTE).toString());
                        assertThat(backlog.path("inService").asInt()).as(node(n)).isEqualTo(n >= 2 ? 1 : 0);
                        assertThat(backlog.path("staffing").path("officers").asInt()).isEqualTo(1);
                        assertThat(get(portB, "/nodes/" + node(n) + "/backlog").body()).as("%s from B", node(n))
                                .isEqualTo(fromA.body());
                    }
                });
                // Each node is held by one instance: the other answered above by asking it.
                for (int n = 1; n <= NODES; n++) {
                    String path = "/nodes/" + node(n) + "/backlog?local=true";
                    assertThat(List.of(get(portA, path).statusCode(), get(portB, path).statusCode())).as(node(n))
                            .containsExactlyInAnyOrder(200, 404);
                }
                JsonNode idle = JSON.readTree(get(portB, "/nodes/KES-POC-IDLE/backlog").body());
                assertThat(idle.path("waiting").path("count").asInt()).isZero();
                assertThat(idle.path("staffing").isNull()).as("no model before the first input").isTrue();
                HttpResponse<String> unknown = get(portA, "/nodes/NO-SUCH-NODE/backlog");
                assertThat(unknown.statusCode()).isEqualTo(404);
                assertThat(unknown.body()).contains("\"detail\":\"node NO-SUCH-NODE is not in the directory\"");

                b.streams().streams(AuthoritiesStream.NAME).close(Duration.ofSeconds(30));
                HttpResponse<String> stopped = get(portB, "/nodes/" + node(1) + "/backlog");
                assertThat(stopped.statusCode()).isEqualTo(503);
                assertThat(stopped.body()).contains("not RUNNING");
            }
        }
    }

    private ServiceHost start(EmbeddedKafka kafka, String instance, int port) {
        Map<String, Object> settings = new HashMap<>(AuthoritiesConfiguration.properties(99, 72, List.of()));
        settings.put(StreamService.enabledProperty(AuthoritiesStream.NAME), true);
        settings.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        settings.put("kafka.schema.registry.url", REGISTRY);
        settings.put("kafka.streams.authorities.state.dir", state.resolve(instance).toString());
        settings.put("kafka.streams.authorities.application.server", "127.0.0.1:" + port);
        settings.put("micronaut.server.port", port);
        return ServiceHost.start(settings, List.of(twoHourContactPoints(), TestRecords.minuteSteps()), true, Duration.ofMinutes(2));
    }

    private static String node(int n) {
        return "KES-POC-" + n;
    }

    private static DirectoryEntry node(String id) {
        return DirectoryEntry.newBuilder(pocEntry()).setNodeId(id).build();
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(20))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static KafkaProducer<String, Object> producer(EmbeddedKafka kafka) {
        KafkaAvroSerializer values = new KafkaAvroSerializer();
        values.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, REGISTRY), false);
        return new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", kafka.bootstrapServers()),
                new StringSerializer(), values);
    }
}
