package org.rogatory.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.rogatory.contracts.AuditEvent;
import org.rogatory.contracts.CaseEvent;
import org.rogatory.contracts.Channel;
import org.rogatory.contracts.Classification;
import org.rogatory.contracts.CooperationRequest;
import org.rogatory.contracts.DirectoryEntry;
import org.rogatory.contracts.EventHeader;
import org.rogatory.contracts.RequestType;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The API under an exercise's roster (issue 12, access control), on a real (embedded KRaft)
 * broker with the case timer: no token or an unknown one is 401, a role's overreach 403 naming
 * why, nothing refused is written, each role sees its own node's or state's cases and a
 * confidential one only when cleared, and every call is on coop.audit.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessControlServiceTest {

    private static final String REGISTRY = "mock://access-control-test";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TRAINER = "trainer-token";
    private static final String PLAYER = "player-token";
    private static final String ALD_SERVICE = "ald-token";
    private static final String FEN_SERVICE = "fen-token";
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
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
            for (DirectoryEntry node : List.of(TestBroker.node("ALD-CA-MLA", "ALD"), TestBroker.node("BRV-CA-MLA", "BRV"),
                    TestBroker.node("FEN-CA-MLA", "FEN"))) {
                producer.send(new ProducerRecord<>(Topics.DIRECTORY, node.getNodeId(), node)).get();
            }
            for (CaseEvent routed : List.of(routed("C-OPEN", Classification.RESTRICTED), routed("C-SECRET", Classification.CONFIDENTIAL))) {
                producer.send(new ProducerRecord<>(Topics.CASE_EVENTS, null, T0.toEpochMilli(), routed.getHeader().getCaseId(),
                    routed)).get();
            }
        }
        port = TestBroker.freePort();
        Map<String, Object> settings = new HashMap<>(GatewayConfiguration.rosterProperties(List.of(
            Roster.entry(TRAINER, Role.TRAINER, null, true, "Exercise control"),
            Roster.entry(PLAYER, Role.PLAYER, "BRV-CA-MLA", false, "Team Brevia"),
            Roster.entry(ALD_SERVICE, Role.SERVICE, "ALD", false, "Aldoria case system"),
            Roster.entry(FEN_SERVICE, Role.SERVICE, "FEN", true, "Fenland case system"))));
        settings.putAll(GatewayConfiguration.properties(List.of("BRV-CA-MLA")));
        for (String service : List.of(GatewayStream.NAME, CaseTimerStream.NAME)) {
            settings.put(StreamService.enabledProperty(service), true);
            settings.put("kafka.streams." + service + ".state.dir", state.toString());
        }
        settings.put("kafka.bootstrap.servers", broker.bootstrapServers());
        settings.put("kafka.schema.registry.url", REGISTRY);
        settings.put("micronaut.server.port", port);
        host = ServiceHost.start(settings, List.of(), true, Duration.ofMinutes(2));
        await().atMost(Duration.ofSeconds(60)).until(() -> call("GET", "/api/v1/cases/C-SECRET", TRAINER, null).statusCode() == 200);
    }

    @AfterAll
    void stop() {
        host.close();
        broker.close();
    }

    @Test
    @DisplayName("no token, or one not on the roster: 401 naming Authorization; the services' own routes stay open")
    void unauthenticated() throws Exception {
        HttpResponse<String> none = call("GET", "/api/v1/cases/C-OPEN", null, null);
        assertProblem(none, 401, "Authorization", "a bearer token of the exercise's roster is required");
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertProblem(call("GET", "/api/v1/cases/C-OPEN", "forged", null), 401, "Authorization", "not on this exercise's roster");
        assertThat(call("GET", "/health", null, null).statusCode()).isEqualTo(200);
        assertThat(call("GET", "/api/v1/openapi.yml", null, null).statusCode()).isEqualTo(200);
    }

    @Test
    @DisplayName("a player: its node's cases and inbox only, no submissions, no exercise control; a confidential case only if cleared")
    void player() throws Exception {
        assertThat(call("GET", "/api/v1/cases/C-OPEN", PLAYER, null).statusCode()).isEqualTo(200);
        assertProblem(call("GET", "/api/v1/cases/C-SECRET", PLAYER, null), 403, "caseId", "confidential");
        assertThat(caseIds(call("GET", "/api/v1/cases", PLAYER, null))).containsExactly("C-OPEN");
        assertThat(caseIds(call("GET", "/api/v1/cases", TRAINER, null))).containsExactly("C-OPEN", "C-SECRET");
        assertProblem(call("GET", "/api/v1/cases?node=ALD-CA-MLA", PLAYER, null), 403, "node", "only its own node's");
        assertProblem(call("GET", "/api/v1/nodes/ALD-CA-MLA/inbox", PLAYER, null), 403, "node", "may not act for or read ALD-CA-MLA");
        assertProblem(call("POST", "/api/v1/cases/C-OPEN/actions", PLAYER, "{\"node\": \"ALD-CA-MLA\", \"status\": \"ACKNOWLEDGED\"}"),
            403, "node", "may not act for");
        assertProblem(call("GET", "/api/v1/events?node=ALD-CA-MLA", PLAYER, null), 403, "node", "only its own node's");
        assertProblem(call("GET", "/api/v1/exercise", PLAYER, null), 403, "role", "PLAYER of BRV-CA-MLA may not call GET /api/v1/exercise");
        assertProblem(call("POST", "/api/v1/requests", PLAYER, "{}"), 403, "role", "may not call POST /api/v1/requests");
    }

    @Test
    @DisplayName("a service client: submits its own state's requests only (nothing written otherwise), follows its state's cases")
    void serviceClient() throws Exception {
        long before = broker.recordCount(IntakeTopology.SUBMISSIONS_TOPIC);
        assertProblem(call("POST", "/api/v1/requests", FEN_SERVICE, submission("ALD")), 403, "requestingState",
            "submits FEN's requests only, not ALD's");
        assertThat(broker.recordCount(IntakeTopology.SUBMISSIONS_TOPIC)).as("nothing refused is written").isEqualTo(before);
        assertThat(call("POST", "/api/v1/requests", ALD_SERVICE, submission("ALD")).statusCode()).isEqualTo(202);

        assertThat(call("GET", "/api/v1/cases/C-OPEN", ALD_SERVICE, null).statusCode()).isEqualTo(200);
        assertProblem(call("GET", "/api/v1/cases/C-SECRET", ALD_SERVICE, null), 403, "caseId", "confidential");
        assertProblem(call("GET", "/api/v1/cases/C-OPEN", FEN_SERVICE, null), 403, "caseId", "another node's or state's");
        assertProblem(call("GET", "/api/v1/cases?state=BRV", ALD_SERVICE, null), 403, "state", "only its own state's");
        assertProblem(call("GET", "/api/v1/nodes/ALD-CA-MLA/inbox", ALD_SERVICE, null), 403, "role", "SERVICE of ALD");
    }

    @Test
    @DisplayName("GET /session names the member, role and scope; the console's pages and chart library are served here to anyone")
    void sessionAndConsole() throws Exception {
        JsonNode player = JSON.readTree(call("GET", "/api/v1/session", PLAYER, null).body());
        assertThat(player.get("name").asText()).isEqualTo("Team Brevia");
        assertThat(player.get("role").asText()).isEqualTo("PLAYER");
        assertThat(player.get("node").asText()).isEqualTo("BRV-CA-MLA");
        assertThat(player.get("playedNodes").toString()).isEqualTo("[\"BRV-CA-MLA\"]");
        assertThat(player.get("refusalGrounds").toString()).contains("\"NO_DUAL_CRIMINALITY\"").doesNotContain("UNKNOWN");
        assertThat(player.get("settledStatuses").toString()).contains("\"EXECUTED\"", "\"REFUSED\"", "\"LAPSED\"")
            .doesNotContain("ACKNOWLEDGED");
        JsonNode service = JSON.readTree(call("GET", "/api/v1/session", ALD_SERVICE, null).body());
        assertThat(service.get("role").asText() + " " + service.get("state").asText()).isEqualTo("SERVICE ALD");
        assertProblem(call("GET", "/api/v1/session", null, null), 401, "Authorization", "bearer token");
        for (String file : List.of("/console/index.html", "/console/trainer.js", "/console/player.js",
                "/console/lib/uplot/uPlot.esm.js", "/console/lib/uplot/uPlot.min.css")) {
            assertThat(call("GET", file, null, null).statusCode()).as(file).isEqualTo(200);
        }
    }

    @Test
    @DisplayName("every call is on coop.audit: who, role, scope, what, when, status and the refusal's detail")
    void audited() throws Exception {
        Instant before = Instant.now();
        call("GET", "/api/v1/nodes/ALD-CA-MLA/inbox", PLAYER, null);
        call("GET", "/api/v1/exercise", null, null);
        List<AuditEvent> trail = await().atMost(Duration.ofSeconds(30)).until(this::audit,
            events -> events.stream().anyMatch(e -> e.getPath().equals("/api/v1/exercise") && e.getStatus() == 401));
        AuditEvent refused = trail.stream().filter(e -> e.getPath().equals("/api/v1/nodes/ALD-CA-MLA/inbox")).findFirst().orElseThrow();
        assertThat(refused.getWho()).isEqualTo("Team Brevia");
        assertThat(refused.getRole()).isEqualTo("PLAYER");
        assertThat(refused.getScope()).isEqualTo("BRV-CA-MLA");
        assertThat(refused.getMethod()).isEqualTo("GET");
        assertThat(refused.getStatus()).isEqualTo(403);
        assertThat(refused.getDetail()).startsWith("node: a player of BRV-CA-MLA");
        assertThat(refused.getAt()).isAfterOrEqualTo(before.minusSeconds(1));
        AuditEvent anonymous = trail.stream().filter(e -> e.getPath().equals("/api/v1/exercise") && e.getStatus() == 401)
            .findFirst().orElseThrow();
        assertThat(anonymous.getWho()).isEqualTo("anonymous");
        assertThat(anonymous.getRole()).isEqualTo("NONE");
        assertThat(anonymous.getDetail()).startsWith("Authorization: ");
    }

    private static void assertProblem(HttpResponse<String> answer, int status, String field, String detailPart) throws Exception {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
            assertThat(type).startsWith(Problem.MEDIA_TYPE));
        JsonNode problem = JSON.readTree(answer.body());
        assertThat(problem.path("field").asText()).isEqualTo(field);
        assertThat(problem.path("detail").asText()).startsWith(field + ": ").contains(detailPart);
    }

    private static List<String> caseIds(HttpResponse<String> page) throws Exception {
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        JSON.readTree(page.body()).path("items").forEach(item -> ids.add(item.path("caseId").asText()));
        return ids;
    }

    private HttpResponse<String> call(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private List<AuditEvent> audit() {
        return broker.records(Topics.AUDIT).stream()
            .map(record -> (AuditEvent) record.value()).toList();
    }

    private static String submission(String requestingState) {
        return """
            {"requestType":"MLA","instrument":"UNTOC","requestingState":"%s","requestedState":"BRV",
             "originNode":"%s-CA-MLA","conductCategory":"ONLINE_FRAUD","nationalOffenceLabel":"wire fraud",
             "crimeArea":"FINANCIAL_CRIME_CORRUPTION","maxPenaltyYears":10,"organisedCriminalGroup":true,
             "language":"en","classification":"RESTRICTED"}""".formatted(requestingState, requestingState);
    }

    /** A case routed from ALD to BRV-CA-MLA, of this classification. */
    private static CaseEvent routed(String caseId, Classification classification) {
        CaseEvent routed = Contracts.routed(caseId, RequestType.MLA, Channel.CENTRAL_AUTHORITY, "BRV-CA-MLA", T0, false);
        CooperationRequest request = CooperationRequest.newBuilder(routed.getRequest())
            .setHeader(EventHeader.newBuilder(routed.getRequest().getHeader()).setClassification(classification).build()).build();
        return CaseEvent.newBuilder(routed)
            .setHeader(EventHeader.newBuilder(routed.getHeader()).setClassification(classification).build())
            .setRequest(request).build();
    }
}
