package org.rogatory.timer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rogatory.contracts.CaseStatus;
import org.rogatory.contracts.Channel;
import org.rogatory.contracts.RequestType;
import org.rogatory.platform.kafka.EmbeddedKafka;
import org.rogatory.platform.serde.AvroSerdeConfig;
import org.rogatory.platform.serde.KafkaAvroSerializer;
import org.rogatory.platform.service.InvalidSetting;
import org.rogatory.platform.service.ServiceHost;
import org.rogatory.platform.service.StreamService;
import org.rogatory.platform.topics.TopicCatalogue;
import org.rogatory.platform.topics.Topics;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.rogatory.testing.Contracts.action;
import static org.rogatory.testing.Contracts.routed;

/** The case timer as the application runs it: settings, HTTP surface, two instances of one application id. */
class CaseTimerServiceTest {

    private static final String REGISTRY = "mock://case-timer-service-test";
    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
    private static final int CASES = 40;
    private final HttpClient http = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path state;

    @Test
    @DisplayName("a wrong clock name stops the service at start with one line naming the property")
    void unknownClock() {
        Map<String, Object> settings = settings("127.0.0.1:1", state.resolve("x"), -1);
        settings.put("rogatory.case-timer.clocks.provisional-arest", "40d");
        assertThatThrownBy(() -> ServiceHost.start(settings, List.of(), false, Duration.ofSeconds(30)))
            .isInstanceOf(InvalidSetting.class)
            .hasMessageStartingWith("rogatory.case-timer.clocks.provisional-arest: no such clock; the clocks are ")
            .hasMessageContaining("provisional-arrest");
    }

    @Test
    @DisplayName("a negative span stops the service at start with one line naming the property")
    void negativeGrace() {
        Map<String, Object> settings = settings("127.0.0.1:1", state.resolve("x"), -1);
        settings.put("rogatory.case-timer.watermark-grace", "-1h");
        assertThatThrownBy(() -> ServiceHost.start(settings, List.of(), false, Duration.ofSeconds(30)))
            .isInstanceOf(InvalidSetting.class)
            .hasMessageStartingWith("rogatory.case-timer.watermark-grace: ");
    }

    @Test
    @DisplayName("two instances of one application id answer every case alike, and report health, metrics and info")
    void twoInstances() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start();
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            TopicCatalogue.ensure(admin, TopicCatalogue.DEFAULT_PARTITIONS);
            int portA = freePort();
            int portB = freePort();
            try (ServiceHost a = ServiceHost.start(settings(kafka.bootstrapServers(), state.resolve("a"), portA), List.of(), true,
                     Duration.ofMinutes(2));
                 ServiceHost b = ServiceHost.start(settings(kafka.bootstrapServers(), state.resolve("b"), portB), List.of(), true,
                     Duration.ofMinutes(2));
                 KafkaProducer<String, Object> producer = producer(kafka.bootstrapServers())) {
                for (int i = 0; i < CASES; i++) {
                    String id = "C-" + i;
                    Instant at = T0.plusSeconds(60L * i);
                    producer.send(new ProducerRecord<>(Topics.CASE_EVENTS, null, at.toEpochMilli(), id,
                        routed(id, RequestType.MLA, Channel.CENTRAL_AUTHORITY, "BRV-CA-MLA", at, false)));
                }
                producer.flush();
                // Both instances share the partitions: each holds some cases, and answers for all.
                awaitEveryCase(portA, portB, "ROUTED");
                // The nodes act after the routing, as in the pipeline (an action for a case the timer
                // has not yet seen is a dead letter).
                for (int i = 0; i < CASES; i++) {
                    String id = "C-" + i;
                    Instant at = T0.plusSeconds(60L * i + 3600);
                    producer.send(new ProducerRecord<>(Topics.NODE_ACTIONS, null, at.toEpochMilli(), id,
                        action(id, RequestType.MLA, CaseStatus.DELIVERED, at)));
                }
                producer.flush();
                awaitEveryCase(portA, portB, "DELIVERED");
                assertThat(a.streams().streams(CaseTimerStream.NAME).metadataForLocalThreads().stream()
                    .mapToLong(t -> t.activeTasks().size()).sum()).as("A holds part of the cases, not all").isBetween(1L, 3L);
                assertThat(get(portA, "/cases/NO-SUCH-CASE").statusCode()).isEqualTo(404);

                // Lists span the instances: either gives every case, page by page, in case id order.
                List<String> everyCase = IntStream.range(0, CASES).mapToObj(i -> "C-" + i).sorted().toList();
                assertThat(listed(portA, "/cases?status=DELIVERED&state=BRV&limit=15")).isEqualTo(everyCase);
                assertThat(listed(portB, "/cases?node=BRV-CA-MLA&limit=7")).isEqualTo(everyCase);
                assertThat(listed(portB, "/cases?node=ALD-CA-MLA")).as("the sending node's cases too").isEqualTo(everyCase);
                assertThat(listed(portA, "/cases?status=ROUTED")).isEmpty();
                assertThat(listed(portA, "/cases?state=KES")).isEmpty();
                // A node's inbox is in its queue order: none escalated or urgent, so first delivered first.
                List<String> byDelivery = IntStream.range(0, CASES).mapToObj(i -> "C-" + i).toList();
                assertThat(listed(portB, "/cases?inbox=BRV-CA-MLA&limit=9")).as("open cases the node handles, in queue order")
                    .isEqualTo(byDelivery);
                HttpResponse<String> badCursor = get(portA, "/cases?inbox=BRV-CA-MLA&after=C-3");
                assertThat(badCursor.statusCode()).isEqualTo(400);
                assertThat(badCursor.body()).contains("after: 'C-3' is not a queue place");
                assertThat(listed(portA, "/cases?inbox=ALD-CA-MLA")).as("not the sending node's inbox").isEmpty();
                HttpResponse<String> badStatus = get(portA, "/cases?status=LOST");
                assertThat(badStatus.statusCode()).isEqualTo(400);
                assertThat(badStatus.body()).contains("status: 'LOST' is not a case status: one of ").contains("DELIVERED");
                HttpResponse<String> badLimit = get(portB, "/cases?limit=5000");
                assertThat(badLimit.statusCode()).isEqualTo(400);
                assertThat(badLimit.body()).contains("limit: '5000' is not a whole number from 1 to 1000");

                assertThat(get(portA, "/health/readiness").statusCode()).isEqualTo(200);
                assertThat(get(portA, "/health").body()).contains("\"status\":\"UP\"").contains("case-timer");
                assertThat(get(portA, "/info").body()).contains("rogatory-case-timer").contains(Topics.CASE_EVENTS);
                assertThat(get(portA, "/prometheus").body()).contains("kafka_stream").contains("jvm_memory_used_bytes");
                // Each instance counts its own cases: together, every routed case started its transport
                // step (central-authority channel, electronic), and every delivery met it.
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                    assertThat(counter(portA, "rogatory_clocks_started_total", "clock", "TRANSPORT_STEP")
                        + counter(portB, "rogatory_clocks_started_total", "clock", "TRANSPORT_STEP")).isEqualTo(CASES);
                    assertThat(counter(portA, "rogatory_clocks_met_total", "clock", "TRANSPORT_STEP")
                        + counter(portB, "rogatory_clocks_met_total", "clock", "TRANSPORT_STEP")).isEqualTo(CASES);
                });
                assertThat(get(portA, "/prometheus").body()).as("no untagged copy of a domain counter")
                    .doesNotContain("kafka_streams_rogatory");

                // A service whose streams die is DOWN within seconds, and says which.
                b.streams().streams(CaseTimerStream.NAME).close(Duration.ofSeconds(30));
                await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                    HttpResponse<String> health = get(portB, "/health/liveness");
                    assertThat(health.statusCode()).isEqualTo(503);
                    assertThat(health.body()).contains("\"status\":\"DOWN\"");
                });
                assertThat(b.streams().failure()).hasValueSatisfying(reason ->
                    assertThat(reason).contains("case-timer").contains(KafkaStreams.State.NOT_RUNNING.name()));
                HttpResponse<String> stopped = get(portB, "/cases/C-0");
                assertThat(stopped.statusCode()).as("no case view while the streams are down").isEqualTo(503);
                assertThat(stopped.body()).contains("not RUNNING");
            }
        }
    }

    /** Every case, asked of either instance, has {@code status} and reads the same from both. */
    private void awaitEveryCase(int portA, int portB, String status) {
        await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> {
            for (int i = 0; i < CASES; i++) {
                HttpResponse<String> fromA = get(portA, "/cases/C-" + i);
                HttpResponse<String> fromB = get(portB, "/cases/C-" + i);
                assertThat(fromA.statusCode()).as("case C-%d from A", i).isEqualTo(200);
                assertThat(fromA.body()).contains("\"caseId\": \"C-" + i + "\"").contains("\"status\": \"" + status + "\"");
                assertThat(fromB.body()).as("case C-%d from B", i).isEqualTo(fromA.body());
            }
        });
    }

    /** The case ids a list gives, following its pages to the end; no page is longer than asked. */
    private List<String> listed(int port, String query) throws Exception {
        List<String> ids = new ArrayList<>();
        String after = null;
        do {
            HttpResponse<String> answer = get(port, query + (after == null ? "" : "&after=" + URLEncoder.encode(after, StandardCharsets.UTF_8)));
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            JsonNode page = JSON.readTree(answer.body());
            page.path("items").forEach(item -> ids.add(item.path("caseId").asText()));
            Matcher limit = Pattern.compile("limit=(\\d+)").matcher(query);
            assertThat(page.path("items").size()).isLessThanOrEqualTo(limit.find() ? Integer.parseInt(limit.group(1)) : 100);
            after = page.path("next").isNull() ? null : page.path("next").asText();
        } while (after != null);
        return ids;
    }

    /** The value /prometheus gives the counter with {@code tag="value"}, 0 if absent; fails if it appears more than once. */
    private double counter(int port, String name, String tag, String value) throws Exception {
        List<Double> values = get(port, "/prometheus").body().lines()
            .filter(line -> line.startsWith(name + "{") && line.contains(tag + "=\"" + value + "\""))
            .map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
            .toList();
        assertThat(values).as("%s{%s=%s} on port %d", name, tag, value, port).hasSizeLessThanOrEqualTo(1);
        return values.isEmpty() ? 0 : values.getFirst();
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(20))
            .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, Object> settings(String bootstrap, Path stateDir, int port) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(StreamService.enabledProperty(CaseTimerStream.NAME), true);
        settings.put("kafka.bootstrap.servers", bootstrap);
        settings.put("kafka.schema.registry.url", REGISTRY);
        settings.put("kafka.streams.case-timer.state.dir", stateDir.toString());
        settings.put("kafka.streams.case-timer.application.server", "127.0.0.1:" + port);
        settings.put("micronaut.server.port", port);
        return settings;
    }

    private static int freePort() throws Exception {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static KafkaProducer<String, Object> producer(String bootstrap) {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
            AvroSerdeConfig.SCHEMA_REGISTRY_URL, REGISTRY);
        KafkaAvroSerializer values = new KafkaAvroSerializer();
        values.configure(config, false);
        return new KafkaProducer<>(config, new StringSerializer(), values);
    }
}
