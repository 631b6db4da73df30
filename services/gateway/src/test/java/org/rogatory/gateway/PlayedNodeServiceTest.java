package org.rogatory.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rogatory.authorities.AuthoritiesConfiguration;
import org.rogatory.authorities.AuthoritiesStream;
import org.rogatory.authorities.domain.NodeBehaviourRule;
import org.rogatory.authorities.domain.NodeBehaviourTable;
import org.rogatory.authorities.domain.ServiceTimeDistribution;
import org.rogatory.contracts.CaseEvent;
import org.rogatory.contracts.CaseStatus;
import org.rogatory.contracts.Channel;
import org.rogatory.contracts.ClockTick;
import org.rogatory.contracts.DirectoryEntry;
import org.rogatory.contracts.EvidenceType;
import org.rogatory.contracts.NodeRole;
import org.rogatory.contracts.RequestType;
import org.rogatory.platform.service.ServiceHost;
import org.rogatory.platform.service.StreamService;
import org.rogatory.platform.topics.TopicCatalogue;
import org.rogatory.platform.topics.Topics;
import org.rogatory.testing.Contracts;
import org.rogatory.timer.CaseTimerStream;
import org.rogatory.timer.domain.DeliveryEvidence;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A node played by a person (issue 12), on a real (embedded KRaft) broker with the gateway, the
 * case timer and the simulated authorities in one application: a scripted player reads its inbox,
 * is refused a step the case state machine does not allow yet, acknowledges and executes; the
 * simulated authorities work the node beside it and, for the played one, only deliver (the
 * transport's evidence, so its transport clock is met).
 */
class PlayedNodeServiceTest {

    private static final String REGISTRY = "mock://played-node-service-test";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PLAYED = "KES-CA-MLA";
    private static final String SIMULATED = "KES-POC-247";
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final Instant TICK = T0.plus(Duration.ofHours(10));
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path state;

    private TestBroker broker;
    private int port;

    @Test
    @DisplayName("a scripted player works its node's inbox through the API; the case views show it; the simulated nodes leave the node alone")
    void playerActsForItsNode() throws Exception {
        try (TestBroker started = TestBroker.start(REGISTRY)) {
            broker = started;
            CaseEvent played = Contracts.routed("C-PLAYED", RequestType.MLA, Channel.CENTRAL_AUTHORITY, PLAYED, T0, false);
            CaseEvent simulated = Contracts.routed("C-SIMULATED", RequestType.MLA, Channel.CONTACT_POINT_247, SIMULATED, T0, false);
            try (KafkaProducer<String, Object> producer = broker.producer()) {
                for (DirectoryEntry node : List.of(
                        Contracts.node(PLAYED, "KES", NodeRole.CA_MLA, "UTC", true, List.of()),
                        Contracts.node(SIMULATED, "KES", NodeRole.POC_247, "UTC", true, List.of()))) {
                    producer.send(new ProducerRecord<>(Topics.DIRECTORY, node.getNodeId(), node)).get();
                }
                for (CaseEvent routed : List.of(played, simulated)) {
                    String caseId = routed.getHeader().getCaseId();
                    producer.send(new ProducerRecord<>(Topics.CASE_EVENTS, null, T0.toEpochMilli(), caseId, routed)).get();
                    producer.send(new ProducerRecord<>(Topics.forChannel(routed.getChannel()), null, T0.toEpochMilli(),
                        routed.getNodeId(), Contracts.transmission(routed))).get();
                }
                for (int partition = 0; partition < TopicCatalogue.DEFAULT_PARTITIONS; partition++) {
                    producer.send(new ProducerRecord<>(Topics.CLOCK, partition, TICK.toEpochMilli(), "test",
                        new ClockTick(TICK, "test", 1L))).get();
                }
            }
            port = TestBroker.freePort();
            try (ServiceHost host = ServiceHost.start(settings(), List.of(oneHourNodes()), true, Duration.ofMinutes(2))) {
                // the simulated node works its case up to the tick: the authorities have read the tick
                await().atMost(Duration.ofSeconds(90)).until(() -> status("C-SIMULATED"), "EXECUTED"::equals);
                await().atMost(Duration.ofSeconds(30)).until(() -> status("C-PLAYED"), "DELIVERED"::equals);

                JsonNode inbox = JSON.readTree(get("/api/v1/nodes/" + PLAYED + "/inbox").body());
                assertThat(inbox.path("items")).hasSize(1);
                assertThat(inbox.path("items").get(0).path("caseId").asText()).isEqualTo("C-PLAYED");
                JsonNode place = inbox.path("items").get(0).path("queuePlace");
                assertThat(place.path("priority").asInt(-1)).as("neither urgent nor escalated").isZero();
                assertThat(place.path("since").asLong()).as("in the node's queue since its delivery")
                    .isEqualTo(Instant.parse(inbox.path("items").get(0).path("statusTimes").path("DELIVERED").asText()).toEpochMilli());
                assertThat(texts(inbox.path("items").get(0).path("allowedActions")))
                    .containsExactlyInAnyOrder("TRANSLATING", "ACKNOWLEDGED", "UNDER_REVIEW", "REFUSED");

                long before = broker.recordCount(Topics.PLAYER_ACTIONS);
                HttpResponse<String> tooEarly = act("C-PLAYED", "EXECUTED");
                assertThat(tooEarly.statusCode()).isEqualTo(409);
                assertThat(tooEarly.headers().firstValue("Content-Type")).hasValue(Problem.MEDIA_TYPE);
                JsonNode conflict = JSON.readTree(tooEarly.body());
                assertThat(conflict.path("field").asText()).isEqualTo("status");
                assertThat(conflict.path("detail").asText()).isEqualTo("status: illegal transition DELIVERED -> EXECUTED");
                assertThat(texts(conflict.path("allowed")))
                    .containsExactlyInAnyOrder("TRANSLATING", "ACKNOWLEDGED", "UNDER_REVIEW", "REFUSED");
                assertThat(act("C-PLAYED", "ACKNOWLEDGED", SIMULATED).statusCode()).as("a node nobody plays").isEqualTo(400);
                assertThat(act("NO-SUCH-CASE", "ACKNOWLEDGED").statusCode()).isEqualTo(404);
                assertThat(get("/api/v1/nodes/KES-NOPE/inbox").statusCode()).isEqualTo(404);
                assertThat(broker.recordCount(Topics.PLAYER_ACTIONS)).as("nothing refused is written").isEqualTo(before);

                HttpResponse<String> acknowledged = act("C-PLAYED", "ACKNOWLEDGED");
                assertThat(acknowledged.statusCode()).as(acknowledged.body()).isEqualTo(202);
                assertThat(JSON.readTree(acknowledged.body()).path("header").path("simulatedTime").asText())
                    .as("stamped with the exercise's simulated time: the latest tick").isEqualTo(TICK.toString());
                await().atMost(Duration.ofSeconds(60)).until(() -> status("C-PLAYED"), "ACKNOWLEDGED"::equals);
                assertThat(act("C-PLAYED", "EXECUTED").statusCode()).isEqualTo(202);
                await().atMost(Duration.ofSeconds(60)).until(() -> status("C-PLAYED"), "EXECUTED"::equals);

                JsonNode view = JSON.readTree(get("/api/v1/cases/C-PLAYED").body());
                assertThat(view.path("statusTimes").path("ACKNOWLEDGED").asText()).isEqualTo(TICK.toString());
                assertThat(view.path("statusTimes").path("EXECUTED").asText()).isEqualTo(TICK.toString());
                assertThat(JSON.readTree(get("/api/v1/nodes/" + PLAYED + "/inbox").body()).path("items"))
                    .as("an executed MLA leaves the inbox").isEmpty();
                // the played case's node actions: the transport's e-CODEX evidence, then the player's steps only, relayed
                List<CaseEvent> all = nodeActions("C-PLAYED");
                assertThat(all).filteredOn(a -> a.getEvidence() != null).extracting(a -> a.getEvidence().getType())
                    .containsExactly(EvidenceType.RELAYED, EvidenceType.DELIVERED, EvidenceType.RETRIEVED);
                List<CaseEvent> actions = all.stream().filter(a -> a.getEvidence() == null
                    || DeliveryEvidence.movesCase(a.getEvidence().getType(), a.getStatus())).toList();
                assertThat(actions).extracting(CaseEvent::getStatus)
                    .containsExactly(CaseStatus.DELIVERED, CaseStatus.ACKNOWLEDGED, CaseStatus.EXECUTED);
                assertThat(actions.getFirst().getReasonCodes()).containsExactly("e-CODEX:DELIVERED");
                assertThat(actions.subList(1, 3)).allMatch(a -> a.getReasonCodes().contains(PlayerActionForm.PLAYED_BY_PERSON));
                List<CaseEvent> simulatedActions = nodeActions("C-SIMULATED");
                assertThat(simulatedActions).extracting(CaseEvent::getStatus).contains(CaseStatus.DELIVERED, CaseStatus.EXECUTED);
                assertThat(simulatedActions).noneMatch(a -> a.getReasonCodes().contains(PlayerActionForm.PLAYED_BY_PERSON));
            }
        }
    }

    private Map<String, Object> settings() {
        Map<String, Object> settings = new HashMap<>(AuthoritiesConfiguration.properties(7, 0, List.of(PLAYED)));
        settings.putAll(GatewayConfiguration.properties(List.of(PLAYED)));
        for (String service : List.of(GatewayStream.NAME, CaseTimerStream.NAME, AuthoritiesStream.NAME)) {
            settings.put(StreamService.enabledProperty(service), true);
            settings.put("kafka.streams." + service + ".state.dir", state.toString());
        }
        // One tick, no barrier: the authorities' task must read the transmissions stamped before it
        // first, not take the tick from one topic before the other topic's records are fetched.
        settings.put("kafka.streams." + AuthoritiesStream.NAME + ".max.task.idle.ms", 2_000);
        settings.put("kafka.bootstrap.servers", broker.bootstrapServers());
        settings.put("kafka.schema.registry.url", REGISTRY);
        settings.put("micronaut.server.port", port);
        return settings;
    }

    /** Every node takes one officer hour per request and executes it. */
    private static NodeBehaviourTable oneHourNodes() {
        return new NodeBehaviourTable(List.of(new NodeBehaviourRule(new NodeBehaviourRule.Match(null, NodeRole.POC_247, null), null,
            new NodeBehaviourRule.ServiceTimes(Map.of(), new ServiceTimeDistribution.Fixed(1.0)),
            new NodeBehaviourRule.Outcomes(0, 0, 0, 0, Map.of()), null, null, null, null)));
    }

    private String status(String caseId) throws Exception {
        HttpResponse<String> answer = get("/api/v1/cases/" + caseId);
        return answer.statusCode() == 200 ? JSON.readTree(answer.body()).path("status").asText() : "none";
    }

    private HttpResponse<String> act(String caseId, String status) throws Exception {
        return act(caseId, status, PLAYED);
    }

    private HttpResponse<String> act(String caseId, String status, String node) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/cases/" + caseId + "/actions"))
            .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
            .POST(HttpRequest.BodyPublishers.ofString("{\"node\":\"" + node + "\",\"status\":\"" + status + "\"}")).build(),
            HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30)).build(),
            HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }

    /** The case's records on coop.node-actions, read committed, in order. */
    private List<CaseEvent> nodeActions(String caseId) {
        return broker.records(Topics.NODE_ACTIONS).stream()
            .filter(record -> caseId.equals(record.key())).map(record -> (CaseEvent) record.value()).toList();
    }
}
