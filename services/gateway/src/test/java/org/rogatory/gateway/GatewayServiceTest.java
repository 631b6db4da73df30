package org.rogatory.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rogatory.contracts.CaseEvent;
import org.rogatory.contracts.CaseStatus;
import org.rogatory.contracts.Channel;
import org.rogatory.contracts.ClockKind;
import org.rogatory.contracts.ClockWarning;
import org.rogatory.contracts.CooperationRequest;
import org.rogatory.contracts.DeliveryEvidence;
import org.rogatory.contracts.DirectoryEntry;
import org.rogatory.contracts.EscalationLevel;
import org.rogatory.contracts.EvidenceType;
import org.rogatory.contracts.RequestType;
import org.rogatory.contracts.Transmission;
import org.rogatory.platform.service.ServiceHost;
import org.rogatory.platform.service.StreamService;
import org.rogatory.platform.topics.Topics;
import org.rogatory.testing.Contracts;
import org.rogatory.timer.CaseTimerStream;

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
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The gateway as the application runs it, on a real (embedded KRaft) broker, with the case timer beside it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GatewayServiceTest {

    private static final String REGISTRY = "mock://gateway-service-test";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LIST_NODE = "BRV-CA-LIST";
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    static Path state;

    private TestBroker broker;
    private ServiceHost host;
    private int port;

    @BeforeAll
    void start() throws Exception {
        broker = TestBroker.start(REGISTRY);
        try (KafkaProducer<String, Object> producer = broker.producer()) {
            for (DirectoryEntry node : List.of(TestBroker.node("ALD-CA-MLA", "ALD"), TestBroker.node("KES-CA-MLA", "KES"))) {
                producer.send(new ProducerRecord<>(Topics.DIRECTORY, node.getNodeId(), node)).get();
            }
        }
        port = TestBroker.freePort();
        host = startGateway("first");
    }

    @AfterAll
    void stop() {
        host.close();
        broker.close();
    }

    @Test
    @DisplayName("a submission is answered 202 with its case id and Location, and reaches coop.requests.submitted as the contract")
    void submits() throws Exception {
        HttpResponse<String> answer = post(valid().toString(), null);

        assertThat(answer.statusCode()).isEqualTo(202);
        String caseId = JSON.readTree(answer.body()).get("caseId").asText();
        assertThat(caseId).startsWith("GW-");
        assertThat(answer.headers().firstValue("Location")).hasValue("/api/v1/cases/" + caseId);
        CooperationRequest request = (CooperationRequest) await().atMost(Duration.ofSeconds(60))
            .until(() -> submitted().get(caseId), r -> r != null).getFirst().value();
        assertThat(request.getHeader().getCaseId()).isEqualTo(caseId);
        assertThat(request.getHeader().getEventId()).isEqualTo("E-" + caseId + "-submitted");
        assertThat(request.getHeader().getSourceNode()).isEqualTo("ALD-CA-MLA");
        assertThat(request.getHeader().getClassification().name()).isEqualTo("RESTRICTED");
        assertThat(request.getRequestType().name()).isEqualTo("MLA");
        assertThat(request.getRequestedState()).isEqualTo("KES");
        assertThat(request.getMaxPenaltyYears()).isEqualTo(10);
        assertThat(request.getSubjectPerson()).isEqualTo("P-7f3a91");
        assertThat(request.getRequestedDeadline()).isEqualTo(Instant.parse("2026-03-01T12:00:00Z"));
        assertThat(request.getLinkedCaseIds()).isEmpty();
    }

    @Test
    @DisplayName("a retried submission with the same Idempotency-Key names the same case, before and after a gateway restart, and one record is written")
    void idempotent() throws Exception {
        String first = JSON.readTree(post(valid().toString(), "order-4711").body()).get("caseId").asText();
        HttpResponse<String> retry = post(valid().toString(), "order-4711");
        assertThat(retry.statusCode()).isEqualTo(202);
        assertThat(JSON.readTree(retry.body()).get("caseId").asText()).isEqualTo(first);
        awaitGatewayCaughtUp();
        assertThat(submitted().get(first)).as("records of %s on %s", first, Topics.REQUESTS_SUBMITTED).hasSize(1);

        // A new gateway with empty local state: the changelog gives it back what was passed on.
        host.close();
        host = startGateway("second");
        HttpResponse<String> afterRestart = post(valid().toString(), "order-4711");
        assertThat(JSON.readTree(afterRestart.body()).get("caseId").asText()).isEqualTo(first);
        String other = JSON.readTree(post(valid().toString(), "order-4712").body()).get("caseId").asText();
        assertThat(other).isNotEqualTo(first);
        awaitGatewayCaughtUp();
        Map<String, List<ConsumerRecord<String, Object>>> records = submitted();
        assertThat(records.get(first)).as("still one record of %s after the restart", first).hasSize(1);
        assertThat(records.get(other)).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "unknown field            | {\"colour\":\"red\"}                      | colour",
        "unknown enum symbol      | {\"requestType\":\"MLAA\"}                | requestType",
        "the readers' fallback    | {\"instrument\":\"UNKNOWN\"}              | instrument",
        "unknown requesting state | {\"requestingState\":\"ZZZ\"}             | requestingState",
        "unknown requested state  | {\"requestedState\":\"ZZZ\"}              | requestedState",
        "unknown origin node      | {\"originNode\":\"ALD-NOPE\"}             | originNode",
        "another state's node     | {\"originNode\":\"KES-CA-MLA\"}           | originNode",
        "a name, not a pseudonym  | {\"subjectPerson\":\"Jane Doe\"}          | subjectPerson",
        "missing field            | {\"language\":null}                       | language",
        "not a flag               | {\"urgent\":\"yes\"}                      | urgent",
        "not an instant           | {\"requestedDeadline\":\"tomorrow\"}      | requestedDeadline",
        "negative penalty         | {\"maxPenaltyYears\":-1}                  | maxPenaltyYears",
    })
    @DisplayName("bad input is refused with 400 problem+json naming the field, and nothing is written")
    void refused(String what, String change, String field) throws Exception {
        ObjectNode body = valid();
        body.setAll((ObjectNode) JSON.readTree(change));
        long before = broker.recordCount(IntakeTopology.SUBMISSIONS_TOPIC);

        HttpResponse<String> answer = post(body.toString(), "refused-" + field);

        assertProblem(answer, 400, field);
        assertThat(broker.recordCount(IntakeTopology.SUBMISSIONS_TOPIC)).as("records written").isEqualTo(before);
    }

    @Test
    @DisplayName("malformed JSON, a bad Idempotency-Key and an oversized body are refused naming the place, and nothing is written")
    void refusedBodies() throws Exception {
        long before = broker.recordCount(IntakeTopology.SUBMISSIONS_TOPIC);
        assertProblem(post("{\"requestType\":", null), 400, "body");
        assertProblem(post("[1,2]", null), 400, "body");
        assertProblem(post(valid().toString(), " "), 400, "Idempotency-Key");
        ObjectNode huge = valid();
        huge.put("nationalOffenceLabel", "x".repeat(70_000));
        assertProblem(post(huge.toString(), null), 413, "body");
        assertThat(broker.recordCount(IntakeTopology.SUBMISSIONS_TOPIC)).as("records written").isEqualTo(before);
        assertThat(post(valid().toString(), null).statusCode()).as("still serving").isEqualTo(202);
    }

    @Test
    @DisplayName("an unknown case is 404 problem+json")
    void unknownCase() throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
            + "/api/v1/cases/NO-SUCH-CASE")).build(), HttpResponse.BodyHandlers.ofString());
        assertProblem(answer, 404, "caseId");
    }

    @Test
    @DisplayName("cases are listed from the case timer's store, filtered and paged; a wrong parameter is 400 problem+json naming it")
    void listsCases() throws Exception {
        // a node of this test's own: the class's other tests open cases on the same broker
        try (KafkaProducer<String, Object> producer = broker.producer()) {
            for (int i = 1; i <= 3; i++) {
                Instant at = Instant.parse("2026-03-02T09:00:00Z").plusSeconds(i);
                producer.send(new ProducerRecord<>(Topics.CASE_EVENTS, null, at.toEpochMilli(), "C-LIST-" + i,
                    Contracts.routed("C-LIST-" + i, RequestType.MLA, Channel.CENTRAL_AUTHORITY, LIST_NODE, at, false))).get();
            }
        }
        // until the case timer has all three (it takes them one by one)
        await().atMost(Duration.ofSeconds(60)).until(() -> JSON.readTree(get("/api/v1/cases?node=" + LIST_NODE).body()),
            page -> page.path("items").size() == 3);
        JsonNode first = JSON.readTree(get("/api/v1/cases?state=BRV&node=" + LIST_NODE + "&limit=2").body());
        assertThat(first.path("items").findValuesAsText("caseId")).containsExactly("C-LIST-1", "C-LIST-2");
        assertThat(first.path("next").asText()).isEqualTo("C-LIST-2");
        JsonNode second = JSON.readTree(get("/api/v1/cases?state=BRV&node=" + LIST_NODE + "&limit=2&after=C-LIST-2").body());
        assertThat(second.path("items").findValuesAsText("caseId")).containsExactly("C-LIST-3");
        assertThat(second.path("next").isNull()).isTrue();
        assertThat(JSON.readTree(get("/api/v1/cases?node=" + LIST_NODE + "&status=ROUTED").body()).path("items").size()).isEqualTo(3);
        assertThat(JSON.readTree(get("/api/v1/cases?node=" + LIST_NODE + "&status=REFUSED").body()).path("items").size()).isZero();

        assertProblem(get("/api/v1/cases?status=LOST"), 400, "status");
        assertProblem(get("/api/v1/cases?limit=0"), 400, "limit");
    }

    @Test
    @DisplayName("live events: case changes, transmissions, evidence, escalations and clock warnings as SSE, filtered by node or state, resumed after a reconnect from Last-Event-ID with no gap and no repeat")
    void liveEvents() throws Exception {
        Instant at = Instant.parse("2026-03-02T09:00:00Z");
        String lastSeen;
        try (EventStream byNode = EventStream.open(port, "/api/v1/events?node=KES-CA-MLA", null);
             EventStream byState = EventStream.open(port, "/api/v1/events?state=KES", null);
             EventStream alerts = EventStream.open(port, "/api/v1/events?node=KES-CA-MLA&kinds=escalation,%20clock-warning", null)) {
            assertThat(byNode.next().name()).isEqualTo("opened");
            assertThat(byState.next().name()).isEqualTo("opened");
            assertThat(alerts.next().name()).isEqualTo("opened");
            try (KafkaProducer<String, Object> producer = broker.producer()) {
                for (String id : List.of("C-SSE-1", "C-SSE-2", "C-SSE-OTHER")) {
                    String node = id.equals("C-SSE-OTHER") ? "BRV-CA-MLA" : "KES-CA-MLA";
                    producer.send(new ProducerRecord<>(Topics.CASE_EVENTS, null, at.toEpochMilli(), id,
                        Contracts.routed(id, RequestType.MLA, Channel.CENTRAL_AUTHORITY, node, at, false))).get();
                }
                producer.send(new ProducerRecord<>(Topics.ESCALATIONS, null, at.toEpochMilli(), "C-SSE-1",
                    Contracts.escalation("C-SSE-1", ClockKind.CA_ACKNOWLEDGEMENT, EscalationLevel.REMINDER, at, "KES-CA-MLA"))).get();
                // the transport's trail of a message to KES-CA-MLA, and one to BRV; no case view follows (the case
                // timer does not know these cases and dead-letters their evidence)
                sendTrail(producer, "C-SSE-T1", "KES-CA-MLA", at);
                sendTrail(producer, "C-SSE-TB", "BRV-CA-MLA", at);
            }
            List<EventStream.Event> first = next(byNode, 6);
            assertThat(first).extracting(e -> e.name() + " " + caseIdOf(e)).containsExactlyInAnyOrder(
                "case C-SSE-1", "case C-SSE-2", "escalation C-SSE-1",
                "transmission C-SSE-T1", "evidence C-SSE-T1", "clock-warning C-SSE-T1");
            // a state's stream has what happens at its nodes: the escalation, the evidence and the warning (the case
            // views and the transmissions are between ALD and BRV)
            assertThat(next(byState, 3)).extracting(e -> e.name() + " " + caseIdOf(e)).containsExactlyInAnyOrder(
                "escalation C-SSE-1", "evidence C-SSE-T1", "clock-warning C-SSE-T1");
            assertThat(first).filteredOn(e -> e.name().equals("evidence")).singleElement().satisfies(e ->
                assertThat(JSON.readTree(e.data()).path("evidence").path("type").asText()).isEqualTo("RELAYED"));
            assertThat(first).filteredOn(e -> e.name().equals("clock-warning")).singleElement().satisfies(e ->
                assertThat(JSON.readTree(e.data()).path("elapsedShare").asDouble()).isEqualTo(0.75));
            assertThat(next(alerts, 2)).as("only the kinds asked for").extracting(e -> e.name() + " " + caseIdOf(e))
                .containsExactlyInAnyOrder("escalation C-SSE-1", "clock-warning C-SSE-T1");
            assertThat(alerts.poll(Duration.ofSeconds(1))).as("no case, transmission or evidence").isNull();
            lastSeen = first.getLast().id();
            assertThat(byNode.poll(Duration.ofSeconds(2))).as("nothing at BRV-CA-MLA").isNull();
        }
        assertThat(lastSeen.split(",")).as("the position names every partition of every topic read")
            .hasSize(LiveEvents.TOPICS.size() * 4);
        // while the client is away
        try (KafkaProducer<String, Object> producer = broker.producer()) {
            for (String id : List.of("C-SSE-3", "C-SSE-4")) {
                producer.send(new ProducerRecord<>(Topics.CASE_EVENTS, null, at.toEpochMilli(), id,
                    Contracts.routed(id, RequestType.MLA, Channel.CENTRAL_AUTHORITY, "KES-CA-MLA", at, false))).get();
            }
            sendTrail(producer, "C-SSE-T2", "KES-CA-MLA", at);
        }
        try (EventStream resumed = EventStream.open(port, "/api/v1/events?node=KES-CA-MLA", lastSeen)) {
            assertThat(resumed.next().name()).isEqualTo("opened");
            assertThat(next(resumed, 5)).extracting(e -> e.name() + " " + caseIdOf(e)).containsExactlyInAnyOrder(
                "case C-SSE-3", "case C-SSE-4", "transmission C-SSE-T2", "evidence C-SSE-T2", "clock-warning C-SSE-T2");
            assertThat(resumed.poll(Duration.ofSeconds(3))).as("nothing before the reconnect comes again").isNull();
        }

        HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/events"))
            .header(EventsController.LAST_EVENT_ID, "coop.cases:0:x").build(), HttpResponse.BodyHandlers.ofString());
        assertProblem(refused, 400, EventsController.LAST_EVENT_ID);
        HttpResponse<String> unknownKind = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
            + "/api/v1/events?kinds=case,ticks")).build(), HttpResponse.BodyHandlers.ofString());
        assertProblem(unknownKind, 400, "kinds");
        assertThat(JSON.readTree(unknownKind.body()).get("detail").asText()).contains("ticks");
    }

    /**
     * A message's trail as its writers would leave it: the router's transmission to {@code node}, the
     * authorities' RELAYED evidence at it, and the case timer's warning of its acknowledgement clock.
     */
    private static void sendTrail(KafkaProducer<String, Object> producer, String caseId, String node, Instant at) throws Exception {
        Transmission sent = Contracts.transmission(Contracts.routed(caseId, RequestType.MLA, Channel.CENTRAL_AUTHORITY, node, at, false));
        producer.send(new ProducerRecord<>(Topics.CHANNEL_CENTRAL_AUTHORITY, null, at.toEpochMilli(), node, sent)).get();
        CaseEvent relayed = Contracts.action(caseId, RequestType.MLA, CaseStatus.ROUTED, at);
        relayed.setNodeId(node);
        relayed.setEvidence(new DeliveryEvidence(EvidenceType.RELAYED, at, node, null, sent.getMessageId()));
        producer.send(new ProducerRecord<>(Topics.NODE_ACTIONS, null, at.toEpochMilli(), caseId, relayed)).get();
        producer.send(new ProducerRecord<>(Topics.CLOCK_WARNINGS, null, at.toEpochMilli(), caseId, ClockWarning.newBuilder()
            .setHeader(sent.getHeader()).setClock(ClockKind.CA_ACKNOWLEDGEMENT).setActingNode(node)
            .setDeadline(at.plus(Duration.ofDays(7))).setReachedAt(at).setElapsedShare(0.75).build())).get();
    }

    private static List<EventStream.Event> next(EventStream stream, int count) throws InterruptedException {
        List<EventStream.Event> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(stream.next());
        }
        return events;
    }

    /** The case an event is about: a case view's id, the others' header's. */
    private static String caseIdOf(EventStream.Event event) {
        try {
            JsonNode data = JSON.readTree(event.data());
            return data.has("caseId") ? data.get("caseId").asText() : data.path("header").path("caseId").asText();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError("event data is not JSON: " + event.data(), e);
        }
    }

    @Test
    @DisplayName("/api/v1/openapi.yml, written at build time, is served with a browsable page of it")
    void openApi() throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
            + "/api/v1/openapi.yml")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        // every route documented and every answer as documented: OpenApiResponsesTest
        // the browsable page of it, its script bundled, and the document where the page reads it
        HttpResponse<String> page = get("/rapidoc/index.html");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<rapi-doc", "/rapidoc/res/rapidoc-min.js", "/swagger/rogatory-gateway-v1.yml");
        assertThat(get("/rapidoc/res/rapidoc-min.js").statusCode()).isEqualTo(200);
        assertThat(get("/swagger/rogatory-gateway-v1.yml").body()).isEqualTo(answer.body());
    }

    @Test
    @DisplayName("a designation or ratification through the API: 400 naming the field, 404 naming an unknown node or state, 404 without an exercise under control")
    void worldChanges() throws Exception {
        assertProblem(send("POST", "/api/v1/exercise/designations", "{\"handles\": [\"MLA\"]}"), 400, "node");
        assertProblem(send("POST", "/api/v1/exercise/designations", "{\"node\": \"KES-CA-MLA\", \"handles\": \"MLA\"}"),
            400, "handles");
        assertProblem(send("POST", "/api/v1/exercise/designations", "{\"node\": \"KES-CA-MLA\", \"handles\": [\"MLAA\"]}"),
            400, "handles");
        assertProblem(send("POST", "/api/v1/exercise/designations", "{\"node\": \"KES-CA-MLA\", \"handles\": [\"MLA\"],"
            + " \"active\": \"no\"}"), 400, "active");
        assertProblem(send("POST", "/api/v1/exercise/designations", "{\"node\": \"KES-NOWHERE\", \"handles\": [\"MLA\"]}"),
            404, "node");
        assertProblem(send("POST", "/api/v1/exercise/ratifications", "{\"state\": \"KES\", \"instrument\": \"RECIPROCITY\"}"),
            400, "instrument");
        assertProblem(send("POST", "/api/v1/exercise/ratifications", "{\"state\": \"KES\", \"instrument\": \"UNTOC\","
            + " \"treaty\": 1}"), 400, "treaty");
        assertProblem(send("POST", "/api/v1/exercise/ratifications", "{\"state\": \"NOP\", \"instrument\": \"UNTOC\"}"),
            404, "state");
        // valid, but nothing conducts an exercise here (up, compose): nothing to apply it at a step boundary
        HttpResponse<String> designation = send("POST", "/api/v1/exercise/designations",
            "{\"node\": \"KES-CA-MLA\", \"handles\": [\"MLA\"]}");
        assertThat(designation.statusCode()).as(designation.body()).isEqualTo(404);
        assertThat(JSON.readTree(designation.body()).get("detail").asText()).contains("rogatory play");
        assertThat(send("POST", "/api/v1/exercise/ratifications", "{\"state\": \"KES\", \"instrument\": \"UNTOC\"}")
            .statusCode()).isEqualTo(404);
        assertThat(broker.recordCount(Topics.EXERCISE_CONTROL)).as("nothing written").isZero();
    }

    @Test
    @DisplayName("without an exercise under control (no rogatory play), the status and every command are 404; a bad body is 400 first")
    void noExerciseUnderControl() throws Exception {
        HttpResponse<String> status = get("/api/v1/exercise");
        assertThat(status.statusCode()).as(status.body()).isEqualTo(404);
        assertThat(JSON.readTree(status.body()).get("detail").asText()).contains("rogatory play");
        for (String command : List.of("/pause", "/resume", "/end", "/injects/INJ-01/fire")) {
            HttpResponse<String> answer = send("POST", "/api/v1/exercise" + command, null);
            assertThat(answer.statusCode()).as(command + ": " + answer.body()).isEqualTo(404);
        }
        assertProblem(send("PUT", "/api/v1/exercise/speed", "{\"factor\": \"fast\"}"), 400, "factor");
        assertProblem(send("PUT", "/api/v1/exercise/speed", "{\"factor\": 2, \"also\": 1}"), 400, "also");
        assertProblem(send("POST", "/api/v1/exercise/injects", "{\"kind\": \"RATIFICATION\", \"target\": \"ALD\"}"),
            400, "kind");
        assertProblem(send("POST", "/api/v1/exercise/injects", "{\"kind\": \"STAFF_CUT\", \"target\": \"KES-CA-MLA\","
            + " \"lasting\": \"2wd\", \"officers\": 1}"), 400, "lasting");
        assertProblem(send("POST", "/api/v1/exercise/injects", "{\"kind\": \"STAFF_CUT\", \"target\": \"KES-CA-MLA\","
            + " \"lasting\": \"2d\"}"), 400, "officers");
        assertThat(send("POST", "/api/v1/exercise/injects", "{\"kind\": \"STAFF_CUT\", \"target\": \"KES-CA-MLA\","
            + " \"lasting\": \"2d\", \"officers\": 1}").statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
            .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertProblem(HttpResponse<String> answer, int status, String field) throws Exception {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
            assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(answer.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("field").asText()).isEqualTo(field);
        assertThat(problem.get("detail").asText()).startsWith(field + ": ");
    }

    /** A complete, valid submission: an MLA request from Aldoria to Kesh. */
    private static ObjectNode valid() throws Exception {
        return (ObjectNode) JSON.readTree("""
            {"requestType":"MLA","instrument":"UNTOC","requestingState":"ALD","requestedState":"KES",
             "originNode":"ALD-CA-MLA","conductCategory":"ONLINE_FRAUD","nationalOffenceLabel":"wire fraud",
             "crimeArea":"FINANCIAL_CRIME_CORRUPTION","maxPenaltyYears":10,"organisedCriminalGroup":true,
             "language":"en","classification":"RESTRICTED","subjectPerson":"P-7f3a91",
             "requestedDeadline":"2026-03-01T12:00:00Z"}""");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30)).build(),
            HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String body, String idempotencyKey) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/requests"))
            .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
            .POST(HttpRequest.BodyPublishers.ofString(body));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Every record on coop.requests.submitted, read committed, by key: counted apart from the gateway. */
    private Map<String, List<ConsumerRecord<String, Object>>> submitted() {
        return broker.records(Topics.REQUESTS_SUBMITTED).stream()
            .collect(Collectors.groupingBy(ConsumerRecord::key));
    }

    /** Until the gateway's group has committed every submission written so far. */
    private void awaitGatewayCaughtUp() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Map<TopicPartition, OffsetAndMetadata> committed = broker.admin().listConsumerGroupOffsets("rogatory-gateway")
                .partitionsToOffsetAndMetadata().get();
            for (Map.Entry<TopicPartition, Long> end : broker.ends(IntakeTopology.SUBMISSIONS_TOPIC).entrySet()) {
                long position = committed.containsKey(end.getKey()) ? committed.get(end.getKey()).offset() : 0;
                // The intake's producer is not transactional: the end offset is past the last record.
                assertThat(position).as("%s", end.getKey()).isEqualTo(end.getValue());
            }
        });
    }

    private ServiceHost startGateway(String stateDir) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(StreamService.enabledProperty(GatewayStream.NAME), true);
        settings.put(StreamService.enabledProperty(CaseTimerStream.NAME), true);
        settings.put("kafka.bootstrap.servers", broker.bootstrapServers());
        settings.put("kafka.schema.registry.url", REGISTRY);
        settings.put("kafka.streams.gateway.state.dir", state.resolve(stateDir).toString());
        settings.put("kafka.streams.case-timer.state.dir", state.resolve(stateDir).toString());
        settings.put("micronaut.server.port", port);
        return ServiceHost.start(settings, List.of(), true, Duration.ofMinutes(2));
    }
}
